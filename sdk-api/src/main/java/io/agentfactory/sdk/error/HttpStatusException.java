package io.agentfactory.sdk.error;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;

/**
 * The server answered with a status other than 2xx. Subclasses name the status classes of the
 * contract; {@link #status()} gives the exact code, {@link #serverMessage()} the server's reason
 * (from {@code {"error": …}}, {@code {"ok": false, "message": …}} or a plain-text body, bounded in
 * size) and {@link #details()} any other fields of a JSON error body.
 */
public abstract class HttpStatusException extends AgentFactoryException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String serverMessage;
    private final @Nullable Duration retryAfter;
    private final transient Map<String, Object> details;

    /**
     * @param kind the error kind
     * @param error what the server answered
     */
    protected HttpStatusException(ErrorKind kind, HttpError error) {
        super(kind, error.method(), error.path(), describe(error), null);
        this.status = error.status();
        this.serverMessage = error.serverMessage();
        this.retryAfter = error.retryAfter();
        this.details = Copies.jsonObject(error.details());
    }

    private static String describe(HttpError error) {
        String text = prefix(error.method(), error.path()) + "HTTP " + error.status();
        return error.serverMessage().isEmpty() ? text : text + ": " + error.serverMessage();
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** The server's reason, or {@code ""} when the body carried none. */
    public String serverMessage() {
        return serverMessage;
    }

    /** The fields of a JSON error body other than the message, unmodifiable; empty otherwise. */
    public Map<String, Object> details() {
        return details;
    }

    /** A string field of the JSON error body, when present. */
    public Optional<String> detail(String field) {
        Object value = details.get(field);
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
