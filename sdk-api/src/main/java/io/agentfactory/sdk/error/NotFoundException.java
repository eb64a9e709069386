package io.agentfactory.sdk.error;

/**
 * 404 Not Found: no such session, kit, provider, workarea or routing decision.
 */
public class NotFoundException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    /** @param error what the server answered */
    public NotFoundException(HttpError error) {
        super(ErrorKind.NOT_FOUND, error);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
