package io.agentfactory.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * The diff of a change could not be had: the repository or a revision does not exist, git (JGit) is not
 * on the class path or failed, the server refused to render it (too large), or, in strict mode
 * ({@code requireDiff}), the diff does not cover every changed file.
 */
public class DiffUnavailableException extends CodeDiffException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is missing and why (never a credential)
     * @param cause the cause, or {@code null}
     */
    public DiffUnavailableException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
