package io.agentfactory.sdk.reactor.codeintel.internal.gate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.agentfactory.sdk.codeintel.DiffLimits;
import io.agentfactory.sdk.error.DiffTooLargeException;

/**
 * Cuts a byte stream of unified diff into lines (UTF-8; {@code \n} ends a line, a {@code \r} before it is
 * dropped), within {@link DiffLimits}: past {@code maxDiffBytes} bytes it throws
 * {@link DiffTooLargeException}; of a line longer than {@code maxLineBytes} only the first
 * {@code maxLineBytes} bytes are kept (a cut UTF-8 sequence decodes as U+FFFD). Memory is one line at
 * most. Not thread-safe: one per read. Not API.
 */
public final class DiffLineSplitter {

    private final long maxBytes;
    private final int maxLine;
    private final ByteArrayOutputStream line;
    private long total;
    private boolean lineCut;

    /** A splitter within {@code limits}. */
    public DiffLineSplitter(DiffLimits limits) {
        this.maxBytes = limits.maxDiffBytes();
        this.maxLine = limits.maxLineBytes();
        this.line = new ByteArrayOutputStream(Math.min(maxLine, 1024));
    }

    /** The lines completed by {@code len} bytes of {@code bytes} from {@code off}. */
    public List<String> feed(byte[] bytes, int off, int len) {
        total += len;
        if (total > maxBytes) {
            throw new DiffTooLargeException("bytes", maxBytes);
        }
        List<String> out = new ArrayList<>();
        int end = off + len;
        int start = off;
        for (int i = off; i < end; i++) {
            if (bytes[i] == '\n') {
                append(bytes, start, i - start);
                out.add(take());
                start = i + 1;
            }
        }
        append(bytes, start, end - start);
        return out;
    }

    /** {@link #feed(byte[], int, int)} of the whole array. */
    public List<String> feed(byte[] bytes) {
        return feed(bytes, 0, bytes.length);
    }

    /** The last line, when the input did not end with {@code \n}; empty otherwise. */
    public List<String> finish() {
        return line.size() == 0 && !lineCut ? List.of() : List.of(take());
    }

    /** How many bytes were fed. */
    public long bytes() {
        return total;
    }

    private void append(byte[] bytes, int from, int len) {
        int room = maxLine - line.size();
        if (len > room) {
            lineCut = true;
            len = Math.max(room, 0);
        }
        if (len > 0) {
            line.write(bytes, from, len);
        }
    }

    private String take() {
        int size = line.size();
        byte[] raw = line.toByteArray();
        if (size > 0 && raw[size - 1] == '\r' && !lineCut) {
            size--;
        }
        line.reset();
        lineCut = false;
        return new String(raw, 0, size, StandardCharsets.UTF_8);
    }
}
