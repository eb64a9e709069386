package io.agentfactory.sdk.error;

/**
 * A status the contract gives no meaning of its own: 3xx (redirects are not followed), 405, 422 (for example an invalid kit package) and other 4xx. {@link #status()} and {@link #serverMessage()} say what it was.
 */
public class UnexpectedStatusException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    /** @param error what the server answered */
    public UnexpectedStatusException(HttpError error) {
        super(ErrorKind.UNEXPECTED_STATUS, error);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
