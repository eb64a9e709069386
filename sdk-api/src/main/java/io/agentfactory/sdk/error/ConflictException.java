package io.agentfactory.sdk.error;

/**
 * 409 Conflict: the request collides with existing state (a restore into a session id in use, a pause the daemon's state forbids, a drain that did not finish, a conflicting kit package).
 */
public class ConflictException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    /** @param error what the server answered */
    public ConflictException(HttpError error) {
        super(ErrorKind.CONFLICT, error);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
