package io.agentfactory.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * The code index could not be built: the repository root does not exist, is not a directory,
 * walking it failed, or an extractor failed on a file (the message names the file). Names the root.
 */
public class CodeIndexException extends AgentFactoryException {

    private static final long serialVersionUID = 1L;

    private final String root;

    /**
     * @param root the repository root
     * @param message what is wrong
     * @param cause the cause, or {@code null}
     */
    public CodeIndexException(String root, String message, @Nullable Throwable cause) {
        super(ErrorKind.CODE_INDEX, null, null, root + ": " + message, cause);
        this.root = root;
    }

    /** The repository root the index was for. */
    public String root() {
        return root;
    }

    /** A missing or unwalkable root stays so until the caller changes it. */
    @Override
    public boolean isRetryable() {
        return false;
    }
}
