package io.agentfactory.sdk.error;

/**
 * 503 Service Unavailable: pool saturation or a daemon still starting. {@link #retryAfter()} gives the server's delay when it sent one.
 */
public class UnavailableException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    /** @param error what the server answered */
    public UnavailableException(HttpError error) {
        super(ErrorKind.UNAVAILABLE, error);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
