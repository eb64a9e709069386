package io.agentfactory.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * An agent harness cannot be used: its CLI ({@code claude}, {@code codex}) is not on {@code PATH}
 * or not executable, or, for {@code auto}, neither is. An explicitly chosen harness never falls
 * back to another. Retrying helps only once the CLI is installed.
 */
public class AgentHarnessUnavailableException extends AgentFactoryException {

    private static final long serialVersionUID = 1L;

    private final String harness;

    /**
     * @param harness the harness asked for ({@code claude}, {@code codex}, {@code auto})
     * @param message why it is unavailable
     * @param cause the cause, or {@code null}
     */
    public AgentHarnessUnavailableException(String harness, String message, @Nullable Throwable cause) {
        super(ErrorKind.AGENT_HARNESS, null, null, message, cause);
        this.harness = harness;
    }

    /** The harness that was asked for. */
    public String harness() {
        return harness;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
