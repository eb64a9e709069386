package io.agentfactory.sdk.error;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;

/**
 * What a non-2xx answer said, as the input of the {@link HttpStatusException} constructors.
 *
 * @param method the request's HTTP method
 * @param path the request path, without query
 * @param status the status code
 * @param serverMessage the server's reason, {@code ""} when none (bounded by the implementation)
 * @param retryAfter the parsed {@code Retry-After} delay, {@code null} when absent or unparseable
 * @param details the other fields of a JSON error body
 */
public record HttpError(String method, String path, int status, String serverMessage,
        @Nullable Duration retryAfter, Map<String, Object> details) {

    /** Requires the request's method and path (every error names them); normalizes absent values. */
    public HttpError {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        serverMessage = Copies.text(serverMessage);
        details = Copies.jsonObject(details);
    }
}
