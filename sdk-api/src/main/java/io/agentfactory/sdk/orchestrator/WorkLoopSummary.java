package io.agentfactory.sdk.orchestrator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.agentfactory.sdk.internal.Copies;

/**
 * What a whole work loop did: one outcome per issue, in completion order, and how long it took.
 *
 * @param outcomes the outcomes, in the order they were reached
 * @param elapsed from the loop's start to its last outcome
 */
public record WorkLoopSummary(List<DispatchOutcome> outcomes, Duration elapsed) {

    /** Copies the outcomes. */
    public WorkLoopSummary {
        outcomes = Copies.list(outcomes);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** How many dispatches completed. */
    public long completed() {
        return count(DispatchStatus.COMPLETED);
    }

    /** How many dispatches failed. */
    public long failed() {
        return count(DispatchStatus.FAILED);
    }

    /** How many issues were skipped. */
    public long skipped() {
        return count(DispatchStatus.SKIPPED);
    }

    /** Whether no dispatch failed (the reference's CLI exits non-zero otherwise). */
    public boolean allSucceeded() {
        return failed() == 0;
    }

    private long count(DispatchStatus status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }
}
