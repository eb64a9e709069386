package io.agentfactory.sdk.orchestrator;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;

/**
 * How one agent session ended: completed, or failed with a {@link FailureKind}. Exactly one per
 * session; no failure, error event, premature end or cancellation ever looks like completion.
 *
 * @param completed whether the session completed successfully
 * @param failure why it failed; {@code null} exactly when completed
 * @param message the result message when completed, the reason when failed
 * @param sessionId the agent's session id, {@code ""} when it reported none
 * @param exitCode the agent process's exit code once known, {@code null} otherwise
 */
public record AgentOutcome(boolean completed, @Nullable FailureKind failure, String message, String sessionId,
        @Nullable Integer exitCode) {

    /**
     * Checks that a failure kind is given exactly when the session failed.
     *
     * @throws IllegalArgumentException when {@code completed} and {@code failure} disagree
     */
    public AgentOutcome {
        message = Copies.text(message);
        sessionId = Copies.text(sessionId);
        if (completed == (failure != null)) {
            throw new IllegalArgumentException("failure must be set exactly when the session failed");
        }
    }

    /** A completed session. */
    public static AgentOutcome completed(String message, String sessionId) {
        return new AgentOutcome(true, null, message, sessionId, null);
    }

    /** A failed session. */
    public static AgentOutcome failed(FailureKind failure, String message, String sessionId) {
        return new AgentOutcome(false, Objects.requireNonNull(failure, "failure"), message, sessionId, null);
    }

    /** A copy with the process's exit code. */
    public AgentOutcome withExitCode(@Nullable Integer code) {
        return new AgentOutcome(completed, failure, message, sessionId, code);
    }

    /** A copy with another message. */
    public AgentOutcome withMessage(String text) {
        return new AgentOutcome(completed, failure, text, sessionId, exitCode);
    }
}
