package io.agentfactory.sdk.error;

/**
 * 400 Bad Request: the request was malformed or referenced unusable state (for example a corrupted archive); {@link #serverMessage()} keeps the server's reason.
 */
public class BadRequestException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    /** @param error what the server answered */
    public BadRequestException(HttpError error) {
        super(ErrorKind.BAD_REQUEST, error);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
