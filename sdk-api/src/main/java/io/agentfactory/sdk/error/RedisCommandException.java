package io.agentfactory.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * Redis answered a command with an error reply other than a wrong type or a refused credential: an
 * out-of-range database, {@code OOM}, {@code CROSSSLOT}, a script error. Retryable only for the
 * replies that say the server is temporarily unable ({@code LOADING}, {@code BUSY}, {@code TRYAGAIN},
 * {@code MASTERDOWN}, {@code CLUSTERDOWN}).
 */
public class RedisCommandException extends AgentFactoryException {

    private static final long serialVersionUID = 1L;

    private final String command;
    private final boolean retryable;

    /**
     * @param command the Redis command (never its arguments)
     * @param reply the server's error reply (bounded, never a credential)
     * @param retryable whether the reply says the server is temporarily unable
     * @param cause the cause, or {@code null}
     */
    public RedisCommandException(String command, String reply, boolean retryable, @Nullable Throwable cause) {
        super(ErrorKind.SERVER_ERROR, null, null, command + ": " + reply, cause);
        this.command = command;
        this.retryable = retryable;
    }

    /** The Redis command that failed. */
    public String command() {
        return command;
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }
}
