package io.agentfactory.sdk.reactor.internal.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * Drops interim responses ({@code 1xx} but {@code 100 Continue} and {@code 101 Switching
 * Protocols}, which Reactor Netty handles itself) so that the final answer is the one the request
 * sees (RFC 9110 §15.2): a {@code 103 Early Hints} is not the answer. Sits right after the HTTP
 * codec, which decodes an interim response as a head and an empty last content. One per channel.
 * Not API.
 */
final class InterimResponseFilter extends ChannelInboundHandlerAdapter {

    /** The name of this handler in the channel pipeline. */
    static final String NAME = "agentfactory.interimResponses";

    private boolean inInterim;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpResponse response && isSkipped(response.status().code())) {
            // The codec may deliver the head and its (empty) end as one message.
            inInterim = !(msg instanceof LastHttpContent);
            ReferenceCountUtil.release(msg);
            if (!inInterim) {
                readOn(ctx);
            }
            return;
        }
        if (inInterim && msg instanceof LastHttpContent) {
            inInterim = false;
            ReferenceCountUtil.release(msg);
            readOn(ctx);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /** The reader asked for an answer and got none: ask for the next bytes on its behalf. */
    private static void readOn(ChannelHandlerContext ctx) {
        if (!ctx.channel().config().isAutoRead()) {
            ctx.read();
        }
    }

    private static boolean isSkipped(int status) {
        return HttpStatusClass.valueOf(status) == HttpStatusClass.INFORMATIONAL && status != 100 && status != 101;
    }
}
