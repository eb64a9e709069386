package io.agentfactory.sdk.error;

/**
 * 401 Unauthorized: the token (or the daemon's control token) is missing or invalid.
 */
public class NotAuthenticatedException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    /** @param error what the server answered */
    public NotAuthenticatedException(HttpError error) {
        super(ErrorKind.NOT_AUTHENTICATED, error);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
