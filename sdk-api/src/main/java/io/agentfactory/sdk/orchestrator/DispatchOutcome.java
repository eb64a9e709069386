package io.agentfactory.sdk.orchestrator;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;

/**
 * What happened to one issue of a work loop: exactly one per issue, always terminal.
 *
 * @param issue the issue
 * @param status completed, failed or skipped
 * @param failure why it failed; {@code null} unless {@link DispatchStatus#FAILED}
 * @param message the agent's result message, the failure's reason, or why it was skipped
 * @param harness the harness that ran it ({@code claude}, {@code codex}); {@code ""} when none ran
 * @param sessionId the agent's session id, {@code ""} when none
 * @param exitCode the agent process's exit code, {@code null} when none is known
 * @param startedAt when the dispatch started
 * @param completedAt when it reached its terminal state
 */
public record DispatchOutcome(Issue issue, DispatchStatus status, @Nullable FailureKind failure, String message,
        String harness, String sessionId, @Nullable Integer exitCode, Instant startedAt, Instant completedAt) {

    /**
     * Checks that a failure kind is given exactly for failed dispatches.
     *
     * @throws IllegalArgumentException when status and failure disagree
     */
    public DispatchOutcome {
        Objects.requireNonNull(issue, "issue");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(completedAt, "completedAt");
        message = Copies.text(message);
        harness = Copies.text(harness);
        sessionId = Copies.text(sessionId);
        if ((status == DispatchStatus.FAILED) != (failure != null)) {
            throw new IllegalArgumentException("failure must be set exactly for failed dispatches");
        }
    }

    /** A skipped issue: nothing ran. */
    public static DispatchOutcome skipped(Issue issue, String reason, Instant at) {
        return new DispatchOutcome(issue, DispatchStatus.SKIPPED, null, reason, "", "", null, at, at);
    }

    /** The dispatch of {@code issue} by {@code harness} that ended as {@code outcome}. */
    public static DispatchOutcome of(Issue issue, String harness, AgentOutcome outcome, Instant startedAt,
            Instant completedAt) {
        return new DispatchOutcome(issue, outcome.completed() ? DispatchStatus.COMPLETED : DispatchStatus.FAILED,
                outcome.failure(), outcome.message(), harness, outcome.sessionId(), outcome.exitCode(), startedAt,
                completedAt);
    }

    /** How long the dispatch took. */
    public Duration duration() {
        return Duration.between(startedAt, completedAt);
    }
}
