package io.agentfactory.sdk.error;

/**
 * No Redis URL was given: the argument was blank, or {@code REDIS_URL} is not set in the environment.
 */
public class RedisUrlRequiredException extends InvalidArgumentException {

    private static final long serialVersionUID = 1L;

    /** With the reference's message: {@code REDIS_URL environment variable is required}. */
    public RedisUrlRequiredException() {
        super("REDIS_URL environment variable is required");
    }
}
