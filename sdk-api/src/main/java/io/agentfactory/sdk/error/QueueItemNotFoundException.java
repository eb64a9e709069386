package io.agentfactory.sdk.error;

/**
 * Nothing in the queue matches: no session, work item or claim has the selected id (or an id
 * starting with it), or no merge-queue entry has the PR number in the repository. Nothing was changed.
 */
public class QueueItemNotFoundException extends AgentFactoryException {

    private static final long serialVersionUID = 1L;

    /** @param message what was looked for and where */
    public QueueItemNotFoundException(String message) {
        super(ErrorKind.NOT_FOUND, null, null, message, null);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
