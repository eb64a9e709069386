package io.agentfactory.sdk.error;

/**
 * 403 Forbidden. The kit install trust gate is the subclass {@link KitTrustGateException}.
 */
public class ForbiddenException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    /** @param error what the server answered */
    public ForbiddenException(HttpError error) {
        super(ErrorKind.FORBIDDEN, error);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
