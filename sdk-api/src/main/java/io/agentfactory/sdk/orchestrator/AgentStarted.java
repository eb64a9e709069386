package io.agentfactory.sdk.orchestrator;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A work loop started an agent session for an issue (for progress displays and logs).
 *
 * @param issue the issue
 * @param harness the harness that runs it
 * @param pid the agent process's pid, when it is a local process
 * @param at when it started
 */
public record AgentStarted(Issue issue, String harness, OptionalLong pid, Instant at) {

    /** Requires every component. */
    public AgentStarted {
        Objects.requireNonNull(issue, "issue");
        Objects.requireNonNull(harness, "harness");
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(at, "at");
    }
}
