package io.agentfactory.sdk.reactor.transport;

import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP CONNECT proxy on loopback, written for the tests in plain Netty: it records each CONNECT
 * request (line and headers), answers as {@link #requireCredentials told} (200 and a tunnel, or
 * 407), then relays bytes both ways until either side closes.
 */
public final class ConnectProxy implements AutoCloseable {

    /** One CONNECT request as it arrived. */
    public record Connect(String line, Map<String, String> headers) {

        public @Nullable String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final List<Connect> connects = new CopyOnWriteArrayList<>();
    private final Channel server;
    private volatile @Nullable String expectedAuthorization;

    private ConnectProxy() {
        this.server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("decoder", new HttpRequestDecoder())
                                .addLast("aggregator", new HttpObjectAggregator(8192))
                                .addLast("connect", new ConnectHandler());
                    }
                })
                .bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    /** A proxy on a free loopback port that tunnels every CONNECT. */
    public static ConnectProxy start() {
        return new ConnectProxy();
    }

    /** The bound port. */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** From now on, only tunnels for this exact {@code Proxy-Authorization} value; others get 407. */
    public ConnectProxy requireCredentials(String proxyAuthorization) {
        this.expectedAuthorization = proxyAuthorization;
        return this;
    }

    /** The CONNECT requests received, in order. */
    public List<Connect> connects() {
        return List.copyOf(connects);
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class ConnectHandler extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof HttpRequest request)) {
                ReferenceCountUtil.release(msg);
                return;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            request.headers().forEach(e -> headers.put(e.getKey(), e.getValue()));
            Connect connect = new Connect(request.method() + " " + request.uri() + " " + request.protocolVersion(),
                    headers);
            ReferenceCountUtil.release(msg);
            connects.add(connect);
            String required = expectedAuthorization;
            if (required != null && !required.equals(connect.header("Proxy-Authorization"))) {
                reply(ctx, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n").addListener(ChannelFutureListener.CLOSE);
                return;
            }
            String[] target = request.uri().split(":");
            Channel inbound = ctx.channel();
            inbound.config().setAutoRead(false);
            new Bootstrap().group(inbound.eventLoop()).channel(NioSocketChannel.class)
                    .handler(new Relay(inbound))
                    .connect(target[0], Integer.parseInt(target[1]))
                    .addListener((ChannelFutureListener) connected -> {
                        if (!connected.isSuccess()) {
                            reply(ctx, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
                                    .addListener(ChannelFutureListener.CLOSE);
                            return;
                        }
                        Channel outbound = connected.channel();
                        reply(ctx, "HTTP/1.1 200 Connection Established\r\n\r\n").addListener(written -> {
                            ctx.pipeline().remove("decoder");
                            ctx.pipeline().remove("aggregator");
                            ctx.pipeline().replace("connect", "relay", new Relay(outbound));
                            inbound.config().setAutoRead(true);
                        });
                    });
        }

        private ChannelFuture reply(ChannelHandlerContext ctx, String text) {
            return ctx.writeAndFlush(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
        }
    }

    /** Writes what one side reads to the other; closes both when one closes. */
    private static final class Relay extends ChannelInboundHandlerAdapter {

        private final Channel peer;

        Relay(Channel peer) {
            this.peer = peer;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (peer.isActive()) {
                peer.writeAndFlush(msg);
            }
            else {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            peer.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

}
