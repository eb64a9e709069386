package io.agentfactory.sdk.reactor.internal.http;

import java.util.Arrays;

import io.netty.buffer.ByteBuf;

/**
 * Accumulates a response body up to a limit, copying each chunk while the transport still owns
 * it (Reactor Netty releases a received buffer once {@code onNext} returns). Not thread-safe: one
 * per subscription. Not API.
 */
final class BodyBuffer {

    /** The first buffer: error bodies and previews are small, and grow by doubling up to the limit. */
    private static final int INITIAL = 256;

    private final int limit;
    private byte[] bytes;
    private int length;
    private boolean truncated;

    /** An empty buffer that keeps at most {@code limit} bytes. */
    BodyBuffer(int limit) {
        this.limit = limit;
        this.bytes = new byte[Math.min(INITIAL, limit)];
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
