package io.agentfactory.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * The NDJSON diff stream ended without its final {@code {"summary": …}} line (connection cut, daemon
 * crash), or the summary was not the last line. A diff is never silently short.
 */
public class DiffTruncatedException extends DiffStreamException {

    private static final long serialVersionUID = 1L;

    private final long entriesReceived;

    /**
     * @param method the HTTP method
     * @param path the request path
     * @param entriesReceived the entries streamed before the stream ended
     * @param message what happened
     * @param cause the transport failure that cut the stream, or {@code null}
     */
    public DiffTruncatedException(String method, String path, long entriesReceived, String message,
            @Nullable Throwable cause) {
        super(method, path, message, cause);
        this.entriesReceived = entriesReceived;
    }

    /** How many entries were streamed before the stream ended. */
    public long entriesReceived() {
        return entriesReceived;
    }

    /** A truncated stream may be complete on a second try. */
    @Override
    public boolean isRetryable() {
        return true;
    }
}
