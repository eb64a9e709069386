package io.agentfactory.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * A Redis command got no answer within the configured command timeout. Retryable; the command may
 * still have run.
 */
public class RedisTimeoutException extends RequestTimeoutException {

    private static final long serialVersionUID = 1L;

    /**
     * @param command the Redis command (never its arguments)
     * @param message what happened
     * @param cause the cause, or {@code null}
     */
    public RedisTimeoutException(String command, String message, @Nullable Throwable cause) {
        super(null, null, command + ": " + message, cause);
    }
}
