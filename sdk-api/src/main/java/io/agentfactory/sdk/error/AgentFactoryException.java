package io.agentfactory.sdk.error;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The root of every error this SDK signals. Split by {@link #kind()}, and by
 * {@link #isRetryable()}: whether the same request, sent again later, may succeed.
 *
 * <p>Messages name the method and path a failure came from and the server's message (bounded in
 * size), and never contain a credential.
 */
public abstract class AgentFactoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final @Nullable String method;
    private final @Nullable String path;

    /**
     * @param kind what went wrong
     * @param method the HTTP method, {@code null} when no request was involved
     * @param path the request path without its query, {@code null} when no request was involved
     * @param message the message
     * @param cause the cause, or {@code null}
     */
    protected AgentFactoryException(ErrorKind kind, @Nullable String method, @Nullable String path, String message,
            @Nullable Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.method = method;
        this.path = path;
    }

    /** What went wrong. */
    public ErrorKind kind() {
        return kind;
    }

    /** The HTTP method of the failed request, when a request was involved. */
    public Optional<String> method() {
        return Optional.ofNullable(method);
    }

    /** The path (without query) of the failed request, when a request was involved. */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }

    /** Whether sending the same request again later may succeed. */
    public abstract boolean isRetryable();

    /** How long the server asked the caller to wait before retrying, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    /** {@code "GET /api/x: "}, or {@code ""} when no request was involved. */
    static String prefix(@Nullable String method, @Nullable String path) {
        return method == null ? "" : method + " " + path + ": ";
    }
}
