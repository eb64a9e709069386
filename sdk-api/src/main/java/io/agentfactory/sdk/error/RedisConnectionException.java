package io.agentfactory.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * Redis could not be reached, or the connection broke while a command was in flight: refused, reset,
 * closed, TLS. Retryable; a command that was in flight may or may not have run, so the queue admin
 * never re-sends one by itself (its edits are scripts guarded by compare-and-set, safe to repeat).
 */
public class RedisConnectionException extends TransportException {

    private static final long serialVersionUID = 1L;

    /**
     * @param command the Redis command that failed (never its arguments), {@code null} while connecting
     * @param message what happened (never a credential)
     * @param cause the cause, or {@code null}
     */
    public RedisConnectionException(@Nullable String command, String message, @Nullable Throwable cause) {
        super(null, null, (command == null ? "" : command + ": ") + message, cause);
    }
}
