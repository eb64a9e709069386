package io.agentfactory.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * A workarea diff stream broke its contract. See the subclasses: {@link DiffTruncatedException}, {@link DiffSummaryMismatchException}, {@link DiffStreamFailedException}.
 */
public abstract class DiffStreamException extends AgentFactoryException {

    private static final long serialVersionUID = 1L;

    /**
     * @param method the HTTP method, {@code null} when no request was involved
     * @param path the request path without query, {@code null} when no request was involved
     * @param message what happened (never a credential)
     * @param cause the cause, or {@code null}
     */
    public DiffStreamException(@Nullable String method, @Nullable String path, String message, @Nullable Throwable cause) {
        super(ErrorKind.DIFF_STREAM, method, path, prefix(method, path) + message, cause);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
