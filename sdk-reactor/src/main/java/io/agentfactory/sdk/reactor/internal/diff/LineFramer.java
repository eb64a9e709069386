package io.agentfactory.sdk.reactor.internal.diff;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

import io.netty.buffer.ByteBuf;
import org.jspecify.annotations.Nullable;

/**
 * Cuts a byte stream, arriving in chunks of any size, into {@code \n}-terminated lines, holding at
 * most one partial line of at most {@code maxLineBytes + 1} bytes between chunks.
 *
 * <p>Pull-style, so that no line outlives the chunk it came from: {@link #feed(ByteBuf)} a chunk,
 * then call {@link #next()} until it answers {@code false}, reading each line through
 * {@link #bytes()}, {@link #offset()}, {@link #length()} and {@link #number()}; at the end of the
 * stream, {@link #finish()} yields a last line that had no terminator. A line is valid until the
 * next call of any of these methods.
 *
 * <p>The chunk is copied out through a small reused window, with one absolute {@code getBytes} per
 * window rather than buffer calls per line: its indexes and reference count are left alone, and it
 * is not referenced once {@code next()} has answered {@code false}.
 *
 * <p>A line's length excludes its terminator ({@code \n} or {@code \r\n}); a line over the limit
 * fails with {@link OverlongLineException} as soon as the limit is passed, before the rest of it
 * is buffered. Not thread-safe: one framer per stream.
 */
final class LineFramer {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final long LF_BYTES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private static final byte LF = '\n';
    private static final byte CR = '\r';
    private static final int INITIAL_CAPACITY = 1024;
    private static final int WINDOW_BYTES = 16 * 1024;

    /** The largest limit whose partial line (limit + 1 bytes) still fits in an array. */
    static final int MAX_LIMIT = Integer.MAX_VALUE - 16;

    private final int maxLineBytes;

    /** The partial line carried over from earlier windows and chunks. */
    private byte[] pending;
    private int pendingLength;

    private @Nullable ByteBuf chunk;
    private int chunkIndex;
    private int chunkEnd;

    /** The bytes of the current chunk being cut, copied out in windows. */
    private byte[] window = new byte[0];
    private int windowIndex;
    private int windowEnd;

    private byte[] lineBytes;
    private int lineOffset;
    private int lineLength;
    private long lineNumber;

    LineFramer(int maxLineBytes) {
        if (maxLineBytes < 1 || maxLineBytes > MAX_LIMIT) {
            throw new IllegalArgumentException("maxLineBytes must be in [1, " + MAX_LIMIT + "]: " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
        this.pending = new byte[Math.min(INITIAL_CAPACITY, maxLineBytes + 1)];
        this.lineBytes = pending;
    }

    /** Starts reading {@code buffer}'s readable bytes; drain them with {@link #next()}. */
    void feed(ByteBuf buffer) {
        chunk = buffer;
        chunkIndex = buffer.readerIndex();
        chunkEnd = buffer.writerIndex();
    }

    /**
     * Advances to the next complete line of the current chunk.
     *
     * @return {@code false} when the chunk holds no further complete line (its tail, if any, is
     *         kept as the partial line)
     * @throws OverlongLineException when a line exceeds the limit
     */
    boolean next() {
        while (true) {
            int lf = indexOfLf(window, windowIndex, windowEnd);
            if (lf >= 0) {
                if (pendingLength == 0) {
                    line(window, windowIndex, lf - windowIndex);
                } else {
                    append(window, windowIndex, lf);
                    line(pending, 0, pendingLength);
                    pendingLength = 0;
                }
                windowIndex = lf + 1;
                return true;
            }
            append(window, windowIndex, windowEnd);
            windowIndex = windowEnd;
            if (!refillWindow()) {
                return false;
            }
        }
    }

    /**
     * Ends the stream.
     *
     * @return {@code true} when a last line without terminator is available
     * @throws OverlongLineException when that line exceeds the limit
     */
    boolean finish() {
        chunk = null;
        if (pendingLength == 0) {
            return false;
        }
        line(pending, 0, pendingLength);
        pendingLength = 0;
        return true;
    }

    /** Drops the partial line and the current chunk; later calls see no lines. */
    void clear() {
        chunk = null;
        windowIndex = 0;
        windowEnd = 0;
        pendingLength = 0;
        pending = new byte[0];
        window = new byte[0];
    }

    /** The array holding the current line. */
    byte[] bytes() {
        return lineBytes;
    }

    /** Where the current line starts in {@link #bytes()}. */
    int offset() {
        return lineOffset;
    }

    /** The current line's length, without its {@code \n} (a {@code \r} before it is kept). */
    int length() {
        return lineLength;
    }

    /** The current line's number, from 1, counting blank lines. */
    long number() {
        return lineNumber;
    }

    /** The bytes currently reserved for a partial line: never more than {@code maxLineBytes + 1}. */
    int heldCapacity() {
        return pending.length;
    }

    private void line(byte[] bytes, int offset, int length) {
        lineNumber++;
        int content = length > 0 && bytes[offset + length - 1] == CR ? length - 1 : length;
        if (content > maxLineBytes) {
            throw new OverlongLineException(lineNumber, maxLineBytes);
        }
        lineBytes = bytes;
        lineOffset = offset;
        lineLength = length;
    }

    /** Copies the next window of the chunk; {@code false}, and the chunk forgotten, when it is used up. */
    private boolean refillWindow() {
        ByteBuf buffer = chunk;
        if (buffer == null || chunkIndex >= chunkEnd) {
            chunk = null;
            return false;
        }
        int count = Math.min(WINDOW_BYTES, chunkEnd - chunkIndex);
        if (window.length < count) {
            window = new byte[Math.max(count, Math.min(WINDOW_BYTES, 2 * window.length))];
        }
        buffer.getBytes(chunkIndex, window, 0, count);
        chunkIndex += count;
        windowIndex = 0;
        windowEnd = count;
        return true;
    }

    /** Appends {@code bytes[from, to)} to the partial line, refusing to hold more than the limit allows. */
    private void append(byte[] bytes, int from, int to) {
        int count = to - from;
        if (count == 0) {
            return;
        }
        // One byte over the limit may still be the \r of a \r\n terminator.
        long needed = (long) pendingLength + count;
        if (needed > maxLineBytes + 1L) {
            throw new OverlongLineException(lineNumber + 1, maxLineBytes);
        }
        if (needed > pending.length) {
            long doubled = Math.max(needed, 2L * pending.length);
            pending = Arrays.copyOf(pending, (int) Math.min(doubled, maxLineBytes + 1L));
        }
        System.arraycopy(bytes, from, pending, pendingLength, count);
        pendingLength += count;
    }

    /** The first {@code \n} in {@code bytes[from, to)}, or -1; skips eight bytes at a time while none is among them. */
    private static int indexOfLf(byte[] bytes, int from, int to) {
        int i = from;
        while (i <= to - Long.BYTES) {
            long x = (long) LONGS.get(bytes, i) ^ LF_BYTES;
            if (((x - LOW_BITS) & ~x & HIGH_BITS) != 0) {
                break;
            }
            i += Long.BYTES;
        }
        for (; i < to; i++) {
            if (bytes[i] == LF) {
                return i;
            }
        }
        return -1;
    }

    /** A line longer than the framer's limit. */
    static final class OverlongLineException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final long lineNumber;
        private final int limit;

        OverlongLineException(long lineNumber, int limit) {
            super("line " + lineNumber + " is longer than the limit of " + limit + " bytes", null, false, false);
            this.lineNumber = lineNumber;
            this.limit = limit;
        }

        /** The number of the line over the limit. */
        long lineNumber() {
            return lineNumber;
        }

        /** The limit in bytes. */
        int limit() {
            return limit;
        }
    }
}
