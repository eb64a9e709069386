package io.agentfactory.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * A 2xx answer whose body could not be decoded into the expected type: invalid JSON, an empty body where JSON was expected, a wrong content type, invalid UTF-8, or a line over the configured limit. Never a silent success with empty fields.
 */
public class ResponseDecodeException extends AgentFactoryException {

    private static final long serialVersionUID = 1L;

    /**
     * @param method the HTTP method, {@code null} when no request was involved
     * @param path the request path without query, {@code null} when no request was involved
     * @param message what happened (never a credential)
     * @param cause the cause, or {@code null}
     */
    public ResponseDecodeException(@Nullable String method, @Nullable String path, String message, @Nullable Throwable cause) {
        super(ErrorKind.DECODE, method, path, prefix(method, path) + message, cause);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
