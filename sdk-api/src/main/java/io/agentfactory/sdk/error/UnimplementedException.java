package io.agentfactory.sdk.error;

import java.util.Optional;

/**
 * 501 Not Implemented: for kit install, a source kind the daemon cannot fetch ({@code tessl},
 * {@code agentskills}, {@code community}) or no source given where one is needed; for pool evict,
 * a daemon with no eviction handler.
 */
public class UnimplementedException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    /** @param error what the server answered */
    public UnimplementedException(HttpError error) {
        super(ErrorKind.UNIMPLEMENTED, error);
    }

    /** The kit id the daemon named, when it did. */
    public Optional<String> kitId() {
        return detail("kitId");
    }

    /** The unimplemented source kind the daemon named, when it did. */
    public Optional<String> sourceKind() {
        return detail("kind");
    }

    /** The daemon's details text, when it sent one. */
    public Optional<String> detailsText() {
        return detail("details");
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
