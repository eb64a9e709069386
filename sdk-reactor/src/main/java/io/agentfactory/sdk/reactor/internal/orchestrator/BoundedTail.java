package io.agentfactory.sdk.reactor.internal.orchestrator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a stream (an agent's standard error) to its end, keeping only its last {@code limit}
 * bytes: the child never blocks on a full pipe, and memory stays bounded. Thread-safe. Not API.
 */
public final class BoundedTail {

    private final byte[] ring;
    private long written;

    /** A tail keeping the last {@code limit} bytes. */
    public BoundedTail(int limit) {
        this.ring = new byte[Math.max(1, limit)];
    }

    /** Reads {@code in} until its end (blocking: call it on a blocking-capable thread), then closes it. */
    public void drain(InputStream in) {
        byte[] chunk = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                append(chunk, n);
            }
        }
        catch (IOException e) {
            // the pipe closed: what was read is kept
        }
    }

    synchronized void append(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            ring[(int) (written++ % ring.length)] = bytes[i];
        }
    }

    /** The kept bytes as trimmed UTF-8 text, prefixed with {@code …} when earlier bytes were dropped. */
    public synchronized String text() {
        int size = (int) Math.min(written, ring.length);
        byte[] out = new byte[size];
        long start = written - size;
        for (int i = 0; i < size; i++) {
            out[i] = ring[(int) ((start + i) % ring.length)];
        }
        String text = new String(out, StandardCharsets.UTF_8).strip();
        return written > ring.length ? "…" + text : text;
    }
}
