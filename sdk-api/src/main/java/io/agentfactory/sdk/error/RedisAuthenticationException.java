package io.agentfactory.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * Redis refused the credentials ({@code WRONGPASS}, {@code NOAUTH}, a missing ACL permission). Not
 * retryable: the same credentials fail again. The message never contains the password.
 */
public class RedisAuthenticationException extends AgentFactoryException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what Redis said, without any credential
     * @param cause the cause, or {@code null}
     */
    public RedisAuthenticationException(String message, @Nullable Throwable cause) {
        super(ErrorKind.NOT_AUTHENTICATED, null, null, message, cause);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
