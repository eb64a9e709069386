package io.agentfactory.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * A Redis key the queue admin needs holds something it cannot use: the wrong type (a hash where a
 * sorted set belongs, {@code WRONGTYPE}), or a value that is not the JSON object the writers store.
 * Raised for keys an operation cannot do without; listings report unusable rows as per-item
 * problems instead. Nothing was changed. Not retryable.
 */
public class QueueDataException extends AgentFactoryException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key the key (and field, as {@code key[field]}) holding the value
     * @param message what is wrong with it
     * @param cause the cause, or {@code null}
     */
    public QueueDataException(String key, String message, @Nullable Throwable cause) {
        super(ErrorKind.DECODE, null, null, key + ": " + message, cause);
        this.key = key;
    }

    /** The key (and field, as {@code key[field]}) holding the unusable value. */
    public String key() {
        return key;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
