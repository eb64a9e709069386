package io.agentfactory.sdk.error;

/**
 * The git remote of the working tree is not the repository the work is meant for: its host
 * (compared case-insensitively) or its path (compared exactly, {@code .git} and port stripped)
 * differ, or the remote could not be read. The remote is shown without user info, so a token in a
 * remote URL never reaches the message. Nothing was dispatched.
 */
public class RepositoryMismatchException extends AgentFactoryException {

    private static final long serialVersionUID = 1L;

    private final String expected;
    private final String remote;

    /**
     * @param expected the expected repository ({@code host/owner/name})
     * @param remote the remote as read from git, without user info; {@code ""} when it could not be read
     * @param message why the check failed
     */
    public RepositoryMismatchException(String expected, String remote, String message) {
        super(ErrorKind.GUARD, null, null, message, null);
        this.expected = expected;
        this.remote = remote;
    }

    /** The repository the work is meant for. */
    public String expected() {
        return expected;
    }

    /** The git remote that was found (without user info), or {@code ""} when none could be read. */
    public String remote() {
        return remote;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
