package io.agentfactory.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * A change's diff could not be had or read for the architecture gate. See the subclasses:
 * {@link DiffUnavailableException}, {@link DiffTooLargeException}, {@link MalformedDiffException}.
 * HTTP failures of a remote diff source are the usual status exceptions instead.
 */
public abstract class CodeDiffException extends AgentFactoryException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong (never a credential)
     * @param cause the cause, or {@code null}
     */
    protected CodeDiffException(String message, @Nullable Throwable cause) {
        super(ErrorKind.CODE_DIFF, null, null, message, cause);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
