package io.agentfactory.sdk.reactor.internal.http;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;

/**
 * The HTTP half of a client's warm-up that needs no server: one request encoded and one answer
 * decoded by Netty's HTTP/1.1 client codec in an in-memory channel, and one I/O buffer taken from
 * and given back to the default allocator (its first chunk also sets up the allocator's JFR events,
 * about a tenth of a second on a cold JVM). Everything it allocates is released. Blocking (class
 * loading reads jars): call off the event loops. Not API.
 */
final class CodecWarmup {

    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + "Content-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII);

    private CodecWarmup() {
    }

    /** Runs the codec and the allocator once. */
    static void run() {
        ByteBuf buffer = ByteBufAllocator.DEFAULT.ioBuffer(4096);
        try {
            buffer.writeBytes(ANSWER);
        }
        finally {
            buffer.release();
        }
        EmbeddedChannel channel = new EmbeddedChannel(new HttpClientCodec());
        try {
            DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/",
                    Unpooled.EMPTY_BUFFER);
            request.headers().set(HttpHeaderNames.HOST, "localhost").set(HttpHeaderNames.ACCEPT, Route.JSON);
            channel.writeOutbound(request);
            channel.writeInbound(Unpooled.wrappedBuffer(ANSWER));
        }
        finally {
            drain(channel);
        }
    }

    /** Releases whatever the channel produced, then closes it. */
    private static void drain(EmbeddedChannel channel) {
        for (Object message; (message = channel.readOutbound()) != null;) {
            ReferenceCountUtil.release(message);
        }
        for (Object message; (message = channel.readInbound()) != null;) {
            ReferenceCountUtil.release(message);
        }
        channel.finishAndReleaseAll();
    }
}
