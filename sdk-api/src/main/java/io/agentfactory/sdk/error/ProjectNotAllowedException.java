package io.agentfactory.sdk.error;

/**
 * The repository's configuration does not allow work on this tracker project
 * ({@code allowedProjects} / {@code projectPaths} of {@code .donmai/config.yaml}), or no project
 * was given and the configuration names none. Nothing was dispatched.
 */
public class ProjectNotAllowedException extends AgentFactoryException {

    private static final long serialVersionUID = 1L;

    private final String project;

    /**
     * @param project the refused project, {@code ""} when none was given
     * @param message why
     */
    public ProjectNotAllowedException(String project, String message) {
        super(ErrorKind.GUARD, null, null, message, null);
        this.project = project;
    }

    /** The refused project, or {@code ""} when none was given. */
    public String project() {
        return project;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
