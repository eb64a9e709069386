package io.agentfactory.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * No answer in time: the connect timeout, the time to the first byte, or the idle gap between two reads of a body ran out. A healthy long response that keeps sending never times out.
 */
public class RequestTimeoutException extends AgentFactoryException {

    private static final long serialVersionUID = 1L;

    /**
     * @param method the HTTP method, {@code null} when no request was involved
     * @param path the request path without query, {@code null} when no request was involved
     * @param message what happened (never a credential)
     * @param cause the cause, or {@code null}
     */
    public RequestTimeoutException(@Nullable String method, @Nullable String path, String message, @Nullable Throwable cause) {
        super(ErrorKind.TIMEOUT, method, path, prefix(method, path) + message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
