package io.agentfactory.sdk.reactor.internal.http;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.util.context.Context;

/**
 * One response body, decoded in place once complete: each received chunk is retained as it
 * arrives (Reactor Netty releases a buffer once {@code onNext} returns) and the decoder reads the
 * chunks themselves, without a copy into an array. A body that grows past its limit fails at the
 * chunk that crosses it (not kept), not after the whole body or a read timeout.
 *
 * <p>Every retained chunk is released exactly once, by whichever comes first of the decode, an
 * error and a cancel, and a cancel may come from any thread. While the event loop is adding a
 * chunk or decoding, it owns the chunks: a cancel arriving then only marks them, and the owner
 * releases them when it is done, so a buffer is never freed under its reader nor retained after
 * its release. (Reactor Netty's {@code aggregate()} lacks this: a cancel frees its composite while
 * the event loop adds the chunks to it, and they leak.) Not API.
 */
final class RetainedBody<T> extends BaseSubscriber<ByteBuf> {

    /** Nobody holds the chunks. */
    private static final int IDLE = 0;
    /** The event loop is adding a chunk or decoding. */
    private static final int BUSY = 1;
    /** Cancelled while busy: the busy thread releases. */
    private static final int RELEASE_WHEN_DONE = 2;
    /** Released (decoded, failed or cancelled); nothing is retained any more. */
    private static final int RELEASED = 3;

    private static final AtomicIntegerFieldUpdater<RetainedBody> STATE =
            AtomicIntegerFieldUpdater.newUpdater(RetainedBody.class, "state");

    private final MonoSink<T> sink;
    private final Reading<T> reading;
    private long received;
    private volatile int state;
    // Written only by the thread that moved the state to BUSY; the CAS publishes them.
    private @Nullable ByteBuf single;
    private @Nullable CompositeByteBuf many;

    private RetainedBody(MonoSink<T> sink, Reading<T> reading) {
        this.sink = sink;
        this.reading = reading;
    }

    /** What a body is read for: its decoding, its size limit, and the errors of a body over it or empty. */
    interface Reading<T> {

        /** The most bytes the body may have. */
        long limit();

        /** The value of the whole body, which stays owned (and is released) by the caller. */
        T decode(ByteBuf body);

        /** The error of a body longer than {@link #limit()}. */
        RuntimeException tooLarge();

        /** The error of a body without a byte. */
        RuntimeException empty();
    }

    /**
     * The value {@code reading} decodes from the whole of {@code content}. What the decoder throws
     * is the error; the buffer it reads is released after it returns.
     */
    static <T> Mono<T> decode(Publisher<ByteBuf> content, Reading<T> reading) {
        return Mono.create(sink -> {
            RetainedBody<T> body = new RetainedBody<>(sink, reading);
            sink.onCancel(body);
            content.subscribe(body);
        });
    }

    @Override
    public Context currentContext() {
        return Context.of(sink.contextView());
    }

    @Override
    protected void hookOnNext(ByteBuf chunk) {
        received += chunk.readableBytes();
        if (received > reading.limit()) {
            cancel(); // releases what was kept; the transport releases this chunk
            sink.error(reading.tooLarge());
            return;
        }
        if (!chunk.isReadable() || !STATE.compareAndSet(this, IDLE, BUSY)) {
            return; // nothing to keep, or already released: the transport releases the chunk
        }
        try {
            keep(chunk.retain());
        }
        finally {
            if (!STATE.compareAndSet(this, BUSY, IDLE)) {
                releaseNow();
            }
        }
    }

    private void keep(ByteBuf chunk) {
        if (single == null && many == null) {
            single = chunk;
            return;
        }
        if (many == null) {
            // No component limit: consolidating would copy what was just retained to avoid a copy.
            many = chunk.alloc().compositeBuffer(Integer.MAX_VALUE);
            many.addComponent(true, single);
            single = null;
        }
        many.addComponent(true, chunk);
    }

    @Override
    protected void hookOnComplete() {
        if (!STATE.compareAndSet(this, IDLE, BUSY)) {
            return; // cancelled
        }
        ByteBuf body = single != null ? single : many;
        if (body == null) {
            releaseNow();
            sink.error(reading.empty());
            return;
        }
        T value;
        try {
            value = reading.decode(body);
        }
        catch (RuntimeException e) {
            releaseNow();
            sink.error(e);
            return;
        }
        releaseNow();
        sink.success(value);
    }

    @Override
    protected void hookOnError(Throwable failure) {
        release();
        sink.error(failure);
    }

    @Override
    protected void hookOnCancel() {
        release();
    }

    /** Releases the chunks now when nobody holds them, else leaves it to the thread that does. */
    private void release() {
        for (;;) {
            int current = state;
            if (current == IDLE && STATE.compareAndSet(this, IDLE, RELEASED)) {
                free();
                return;
            }
            if (current == BUSY && STATE.compareAndSet(this, BUSY, RELEASE_WHEN_DONE)) {
                return;
            }
            if (current == RELEASE_WHEN_DONE || current == RELEASED) {
                return;
            }
        }
    }

    /** Called by the holder of the chunks (state BUSY or RELEASE_WHEN_DONE). */
    private void releaseNow() {
        state = RELEASED;
        free();
    }

    private void free() {
        ByteBuf one = single;
        CompositeByteBuf all = many;
        single = null;
        many = null;
        if (one != null) {
            one.release();
        }
        if (all != null) {
            all.release();
        }
    }
}
