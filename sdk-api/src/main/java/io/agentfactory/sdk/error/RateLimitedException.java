package io.agentfactory.sdk.error;

/**
 * 429 Too Many Requests. {@link #retryAfter()} gives the server's delay when it sent one.
 */
public class RateLimitedException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    /** @param error what the server answered */
    public RateLimitedException(HttpError error) {
        super(ErrorKind.RATE_LIMITED, error);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
