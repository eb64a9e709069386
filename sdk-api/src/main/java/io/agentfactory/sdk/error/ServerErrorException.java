package io.agentfactory.sdk.error;

/**
 * A 5xx other than 501 and 503: 500, 502 (for kit install: fetching the kit source failed; the body
 * names the source), 504 and others. 502 and 504 are retryable; the rest are not.
 */
public class ServerErrorException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    /** @param error what the server answered */
    public ServerErrorException(HttpError error) {
        super(ErrorKind.SERVER_ERROR, error);
    }

    @Override
    public boolean isRetryable() {
        return status() == 502 || status() == 504;
    }
}
