package io.agentfactory.sdk.reactor.internal.http;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ChannelPipelineConfigurer;
import reactor.netty.Connection;
import reactor.netty.ConnectionObserver;
import reactor.netty.NettyOutbound;
import reactor.netty.NettyPipeline;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;

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

    /**
     * {@code client} with the guards installed on every connection it opens. The guards are values
     * (equal for equal options): Reactor Netty keys its pools by the client's channel
     * configuration, so two clients with the same options still share pooled connections.
     */
    static HttpClient install(HttpClient client, TransportOptions options) {
        return client
                .doOnChannelInit(new ChannelGuards(Math.max(1, options.connectTimeout().toMillis())))
                .doOnResponse(new ResponseGuards());
    }

    /** Skips interim answers; bounds the TLS handshake. */
    private record ChannelGuards(long handshakeMillis) implements ChannelPipelineConfigurer {

        @Override
        public void onChannelInit(ConnectionObserver observer, Channel channel, @Nullable SocketAddress remote) {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(InterimResponseFilter.NAME) == null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, InterimResponseFilter.NAME, new InterimResponseFilter());
            }
            SslHandler tls = pipeline.get(SslHandler.class);
            if (tls != null) {
                tls.setHandshakeTimeoutMillis(handshakeMillis);
            }
        }
    }

    /**
     * {@code exchange}, whose answer may be read at the subscriber's pace (a stream): its response
     * timeout is the one that pauses with the subscriber. Without this mark an exchange reads its
     * whole answer at once (unbounded demand: reading never pauses), where Reactor Netty's own
     * timeout counts exactly the same, so it is left in place rather than replaced per request.
     */
    static <T> Flux<T> readAtSubscribersPace(Flux<T> exchange) {
        return exchange.contextWrite(context -> context.put(PAUSABLE, Boolean.TRUE));
    }

    /** The context key of {@link #readAtSubscribersPace}: private, so nothing else can set it. */
    private static final Object PAUSABLE = new Object();

    /**
     * Replaces Reactor Netty's response timeout by one that pauses with the subscriber, keeping its
     * duration: the client's, or the longer one of a route that legitimately outlives it; for the
     * exchanges {@linkplain #readAtSubscribersPace read at the subscriber's pace} only.
     */
    private record ResponseGuards() implements BiConsumer<HttpClientResponse, Connection> {

        @Override
        public void accept(HttpClientResponse response, Connection connection) {
            if (!response.currentContextView().hasKey(PAUSABLE)) {
                return;
            }
            ChannelPipeline pipeline = connection.channel().pipeline();
            if (pipeline.get(NettyPipeline.ResponseTimeoutHandler) instanceof IdleStateHandler timeout) {
                long readNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(1, timeout.getReaderIdleTimeInMillis()));
                pipeline.replace(NettyPipeline.ResponseTimeoutHandler, NettyPipeline.ResponseTimeoutHandler,
                        new DemandAwareReadTimeout(readNanos));
            }
        }
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
