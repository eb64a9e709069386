package io.agentfactory.sdk.error;

/**
 * A client-side check failed before anything was sent: a blank required id, an evict request
 * without {@code repoUrl} or with {@code olderThanSeconds <= 0}, a trust override other than
 * {@code allowed-this-once}, a header value with CR or LF, an invalid option.
 */
public class InvalidArgumentException extends AgentFactoryException {

    private static final long serialVersionUID = 1L;

    /** @param message which argument is wrong and why (never the value of a credential) */
    public InvalidArgumentException(String message) {
        super(ErrorKind.INVALID_ARGUMENT, null, null, message, null);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
