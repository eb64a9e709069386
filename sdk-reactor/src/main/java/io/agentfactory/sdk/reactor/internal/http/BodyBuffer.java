package io.agentfactory.sdk.reactor.internal.http;

import java.util.Arrays;

import io.netty.buffer.ByteBuf;

/**
 * Accumulates a response body up to a limit, copying each chunk while the transport still owns
 * it (Reactor Netty releases a received buffer once {@code onNext} returns). Not thread-safe: one
 * per subscription. Not API.
 */
final class BodyBuffer {

    /** The first buffer when the size is not announced. */
    private static final int INITIAL = 256;
    /**
     * The most allocated ahead on the strength of a {@code Content-Length}: a peer announcing a large
     * body and sending little must not make every call allocate the whole limit.
     */
    static final int MAX_PRESIZE = 256 * 1024;

    private final int limit;
    private byte[] bytes;
    private int length;
    private boolean truncated;

    BodyBuffer(int limit) {
        this(limit, -1);
    }

    /**
     * A buffer sized for {@code announced} bytes (a {@code Content-Length}; negative when unknown),
     * bounded by {@code limit} and {@link #MAX_PRESIZE}: a body of the announced size is then read
     * into one array, allocated once, and decoded from it.
     */
    BodyBuffer(int limit, long announced) {
        this.limit = limit;
        this.bytes = new byte[announced < 0 ? Math.min(INITIAL, limit)
                : (int) Math.min(announced, Math.min(limit, MAX_PRESIZE))];
    }

    /**
     * Appends as much of {@code chunk} as the limit allows.
     *
     * @return this, for {@code reduce}
     */
    BodyBuffer append(ByteBuf chunk) {
        int readable = chunk.readableBytes();
        int take = Math.min(readable, limit - length);
        if (take < readable) {
            truncated = true;
        }
        if (take > 0) {
            ensure(length + take);
            chunk.getBytes(chunk.readerIndex(), bytes, length, take);
            length += take;
        }
        return this;
    }

    /** Whether bytes beyond the limit arrived (and were dropped). */
    boolean truncated() {
        return truncated;
    }

    /** Whether the limit is reached. */
    boolean full() {
        return length >= limit;
    }

    byte[] array() {
        return bytes;
    }

    int length() {
        return length;
    }

    private void ensure(int capacity) {
        if (capacity > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(capacity, Math.min(limit, Math.max(INITIAL, bytes.length * 2))));
        }
    }
}
