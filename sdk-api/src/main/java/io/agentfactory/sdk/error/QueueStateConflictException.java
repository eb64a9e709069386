package io.agentfactory.sdk.error;

/**
 * A queue edit met state it must not change: a requeue of a session whose status allows none (a
 * completed session), or, {@linkplain #isRetryable() retryably}, a value that workers kept changing
 * while the edit was attempted (the compare-and-set lost every attempt). Nothing was changed.
 */
public class QueueStateConflictException extends AgentFactoryException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    /**
     * @param message what collided
     * @param retryable whether trying again later may succeed (concurrent writes, not a forbidden state)
     */
    public QueueStateConflictException(String message, boolean retryable) {
        super(ErrorKind.CONFLICT, null, null, message, null);
        this.retryable = retryable;
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }
}
