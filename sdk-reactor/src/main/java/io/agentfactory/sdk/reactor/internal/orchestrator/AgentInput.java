package io.agentfactory.sdk.reactor.internal.orchestrator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * An agent's standard input: lines written whole and flushed, closed once. Writes block, so they
 * happen on the agent's I/O scheduler. Thread-safe. Not API.
 */
public final class AgentInput {

    private final OutputStream out;
    private boolean closed;

    AgentInput(OutputStream out) {
        this.out = out;
    }

    /** Writes {@code text} and a line feed. */
    public synchronized void writeLine(String text) {
        if (closed) {
            return;
        }
        try {
            out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        catch (IOException e) {
            throw new UncheckedIOException("agent input closed", e);
        }
    }

    /** Writes {@code text} as is and closes the input (end of file for the agent). */
    public synchronized void writeAndClose(String text) {
        try {
            if (!closed) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        }
        catch (IOException e) {
            // the agent stopped reading; closing below is all that is left
        }
        close();
    }

    /** Closes the input; idempotent. */
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        }
        catch (IOException e) {
            // already gone
        }
    }
}
