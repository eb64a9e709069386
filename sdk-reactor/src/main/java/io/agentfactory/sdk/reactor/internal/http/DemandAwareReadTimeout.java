package io.agentfactory.sdk.reactor.internal.http;

import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/**
 * The response timeout, counted only while the SDK wants to read: Reactor Netty stops reading
 * (auto-read off) when a slow subscriber has no demand, and a paused subscriber is not a dead
 * server. The clock starts again whenever reading resumes or bytes arrive; it fails the exchange
 * with {@link ReadTimeoutException} when the channel has been wanting data for the whole
 * timeout. Takes the place of Reactor Netty's response timeout handler, under its name, so
 * Reactor Netty removes it when the exchange ends. Not API.
 */
final class DemandAwareReadTimeout extends ChannelDuplexHandler {

    private final long timeoutNanos;
    private long since;
    private @Nullable ScheduledFuture<?> check;
    private boolean fired;

    DemandAwareReadTimeout(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        since = System.nanoTime();
        schedule(ctx, timeoutNanos);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        ScheduledFuture<?> pending = check;
        if (pending != null) {
            pending.cancel(false);
            check = null;
        }
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        // Asked for more: after each read while auto-read is on, or when demand came back.
        since = System.nanoTime();
        ctx.read();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        since = System.nanoTime();
        ctx.fireChannelRead(msg);
    }

    private void schedule(ChannelHandlerContext ctx, long delayNanos) {
        check = ctx.executor().schedule(() -> check(ctx), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check(ChannelHandlerContext ctx) {
        if (fired || !ctx.channel().isOpen()) {
            return;
        }
        if (!ctx.channel().config().isAutoRead()) {
            // Not reading because nobody wants the data yet: the wait starts when reading resumes.
            since = System.nanoTime();
            schedule(ctx, timeoutNanos);
            return;
        }
        long waited = System.nanoTime() - since;
        if (waited >= timeoutNanos) {
            fired = true;
            ctx.fireExceptionCaught(ReadTimeoutException.INSTANCE);
            ctx.close();
            return;
        }
        schedule(ctx, timeoutNanos - waited);
    }
}
