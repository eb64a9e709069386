package io.agentfactory.sdk.reactor.internal.orchestrator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Flux;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Scheduler;

import io.agentfactory.sdk.error.ResponseDecodeException;

/**
 * An agent's standard output as a backpressured {@link Flux} of lines: one line is read from the
 * pipe per request, on the given (blocking-capable) scheduler, so an agent that writes faster than
 * the subscriber reads blocks on its own pipe. Lines are UTF-8 without the terminator; blank lines
 * are skipped; a line longer than the limit fails the stream. Not API.
 */
public final class OutputLines {

    private OutputLines() {
    }

    /**
     * The lines of {@code in}, which is closed when the stream is cancelled, and before its end or
     * error reaches the subscriber.
     *
     * @param maxLineBytes the longest line accepted, in bytes
     */
    public static Flux<String> read(InputStream in, int maxLineBytes, Scheduler io) {
        return Flux.using(() -> in, stream -> Flux.<String>generate(sink -> readLine(stream, maxLineBytes, sink)),
                OutputLines::closeQuietly, true).subscribeOn(io);
    }

    private static void readLine(InputStream in, int max, SynchronousSink<String> sink) {
        try {
            while (true) {
                ByteArrayOutputStream line = new ByteArrayOutputStream(256);
                int b;
                while ((b = in.read()) >= 0 && b != '\n') {
                    if (line.size() >= max) {
                        sink.error(new ResponseDecodeException(null, null,
                                "agent output line exceeds the limit of " + max + " bytes", null));
                        return;
                    }
                    line.write(b);
                }
                String text = line.toString(StandardCharsets.UTF_8);
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                if (!text.isBlank()) {
                    sink.next(text);
                    return;
                }
                if (b < 0) {
                    sink.complete();
                    return;
                }
            }
        }
        catch (IOException e) {
            // The pipe closes under a blocked read when the process is stopped: the output ended.
            sink.complete();
        }
    }

    static void closeQuietly(InputStream in) {
        try {
            in.close();
        }
        catch (IOException e) {
            // nothing left to release
        }
    }
}
