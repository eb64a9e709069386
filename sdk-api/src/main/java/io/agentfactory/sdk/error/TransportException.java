package io.agentfactory.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * The connection failed: refused, reset, closed before the answer was complete, name resolution or TLS failure. Retryable: idempotent requests are retried by the client's retry policy; others are not, since the server may have acted.
 */
public class TransportException extends AgentFactoryException {

    private static final long serialVersionUID = 1L;

    /**
     * @param method the HTTP method, {@code null} when no request was involved
     * @param path the request path without query, {@code null} when no request was involved
     * @param message what happened (never a credential)
     * @param cause the cause, or {@code null}
     */
    public TransportException(@Nullable String method, @Nullable String path, String message, @Nullable Throwable cause) {
        super(ErrorKind.TRANSPORT, method, path, prefix(method, path) + message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
