package io.agentfactory.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * The call was made on, or was still in flight at, a client that has been closed: nothing more
 * is sent, and a call in flight is cut. Not retryable: the same client can never succeed again.
 */
public class ClientClosedException extends TransportException {

    private static final long serialVersionUID = 1L;

    /**
     * @param method the HTTP method
     * @param path the request path without query
     */
    public ClientClosedException(@Nullable String method, @Nullable String path) {
        super(method, path, "the client is closed", null);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
