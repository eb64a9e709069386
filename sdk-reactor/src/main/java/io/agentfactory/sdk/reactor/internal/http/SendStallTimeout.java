package io.agentfactory.sdk.reactor.internal.http;

import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.handler.timeout.WriteTimeoutException;

/**
 * Fails a request whose body stops going out: a peer that accepts the connection but never reads
 * lets the socket buffers fill, and the write would wait forever. Progress of a pending write
 * counts ({@code observeOutput}), so a slow but moving upload never fails; the timeout is the time
 * allowed without any progress. Installed for the send of a body and removed once it is sent.
 * Not API.
 */
final class SendStallTimeout extends IdleStateHandler {

    /** The name of this handler in the channel pipeline. */
    static final String NAME = "agentfactory.sendStallTimeout";

    private boolean fired;

    SendStallTimeout(long timeoutNanos) {
        super(true, 0, timeoutNanos, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent event) {
        if (event.state() == IdleState.WRITER_IDLE && !fired) {
            fired = true;
            ctx.fireExceptionCaught(WriteTimeoutException.INSTANCE);
            ctx.close();
        }
    }
}
