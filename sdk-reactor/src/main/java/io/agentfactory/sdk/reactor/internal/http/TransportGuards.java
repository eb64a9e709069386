package io.agentfactory.sdk.reactor.internal.http;

import java.time.Duration;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.NettyOutbound;
import reactor.netty.NettyPipeline;
import reactor.netty.http.client.HttpClient;

import io.agentfactory.sdk.reactor.TransportOptions;

/**
 * The bounds a hostile or broken peer must not get around, on top of Reactor Netty's: interim
 * {@code 1xx} answers skipped, the TLS handshake bounded by the connect timeout, and the response
 * timeout counted only while the SDK wants to read (see {@link DemandAwareReadTimeout}). The
 * bound on sending a body is {@link SendStallTimeout}, set per request. Not API.
 */
final class TransportGuards {

    private TransportGuards() {
    }

    /** {@code client} with the guards installed on every connection it opens. */
    static HttpClient install(HttpClient client, TransportOptions options) {
        long handshakeMillis = Math.max(1, options.connectTimeout().toMillis());
        long readNanos = options.responseTimeout().toNanos();
        return client
                .doOnChannelInit((observer, channel, remote) -> {
                    ChannelPipeline pipeline = channel.pipeline();
                    if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(InterimResponseFilter.NAME) == null) {
                        pipeline.addAfter(NettyPipeline.HttpCodec, InterimResponseFilter.NAME,
                                new InterimResponseFilter());
                    }
                    SslHandler tls = pipeline.get(SslHandler.class);
                    if (tls != null) {
                        tls.setHandshakeTimeoutMillis(handshakeMillis);
                    }
                })
                .doOnResponse((response, connection) -> {
                    ChannelPipeline pipeline = connection.channel().pipeline();
                    if (pipeline.get(NettyPipeline.ResponseTimeoutHandler) != null) {
                        pipeline.replace(NettyPipeline.ResponseTimeoutHandler, NettyPipeline.ResponseTimeoutHandler,
                                new DemandAwareReadTimeout(readNanos));
                    }
                });
    }

    /**
     * Sends {@code body}, failing with {@link io.netty.handler.timeout.WriteTimeoutException} when
     * no byte of it goes out for {@code stall}.
     */
    static Publisher<Void> sendBody(NettyOutbound outbound, byte[] body, Duration stall) {
        Connection[] connection = new Connection[1];
        outbound.withConnection(c -> {
            connection[0] = c;
            c.addHandlerFirst(SendStallTimeout.NAME, new SendStallTimeout(stall.toNanos()));
        });
        return outbound.sendByteArray(Mono.just(body))
                .then(Mono.fromRunnable(() -> connection[0].removeHandler(SendStallTimeout.NAME)));
    }
}
