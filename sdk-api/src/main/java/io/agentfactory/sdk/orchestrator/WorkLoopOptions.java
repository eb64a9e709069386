package io.agentfactory.sdk.orchestrator;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.error.InvalidArgumentException;

/**
 * How a work loop runs: at most {@code maxInFlight} dispatches at a time, a dry run (nothing is
 * spawned, every issue is skipped), an optional deadline per dispatch (the agent is stopped and the
 * outcome is a {@link FailureKind#TIMED_OUT} failure), and how long stopping an agent may take.
 *
 * @param maxInFlight the most dispatches running at once (the reference's {@code Max}); at least 1
 * @param dryRun whether to skip every issue instead of running it
 * @param dispatchDeadline the longest one dispatch may run, {@code null} for no limit
 * @param owner the name this loop claims issues under
 */
public record WorkLoopOptions(int maxInFlight, boolean dryRun, @Nullable Duration dispatchDeadline, String owner) {

    /** The reference's default for {@code Max}. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 3;

    /**
     * Checks the values.
     *
     * @throws InvalidArgumentException when {@code maxInFlight < 1}, the deadline is not positive or the owner is blank
     */
    public WorkLoopOptions {
        if (maxInFlight < 1) {
            throw new InvalidArgumentException("maxInFlight must be at least 1");
        }
        if (dispatchDeadline != null && (dispatchDeadline.isNegative() || dispatchDeadline.isZero())) {
            throw new InvalidArgumentException("dispatchDeadline must be positive");
        }
        if (owner == null || owner.isBlank()) {
            throw new InvalidArgumentException("owner must not be blank");
        }
    }

    /** Three in flight, not a dry run, no deadline, owner {@code work-loop}. */
    public static WorkLoopOptions defaults() {
        return new WorkLoopOptions(DEFAULT_MAX_IN_FLIGHT, false, null, "work-loop");
    }

    /** A copy with another concurrency limit. */
    public WorkLoopOptions withMaxInFlight(int max) {
        return new WorkLoopOptions(max, dryRun, dispatchDeadline, owner);
    }

    /** A copy that is (or is not) a dry run. */
    public WorkLoopOptions withDryRun(boolean dry) {
        return new WorkLoopOptions(maxInFlight, dry, dispatchDeadline, owner);
    }

    /** A copy with a deadline per dispatch ({@code null} for none). */
    public WorkLoopOptions withDispatchDeadline(@Nullable Duration deadline) {
        return new WorkLoopOptions(maxInFlight, dryRun, deadline, owner);
    }

    /** A copy claiming issues under another owner name. */
    public WorkLoopOptions withOwner(String name) {
        return new WorkLoopOptions(maxInFlight, dryRun, dispatchDeadline, name);
    }

    /** The deadline per dispatch, when set. */
    public Optional<Duration> deadline() {
        return Optional.ofNullable(dispatchDeadline);
    }
}
