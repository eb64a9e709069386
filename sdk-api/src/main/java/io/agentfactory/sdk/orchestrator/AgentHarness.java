package io.agentfactory.sdk.orchestrator;

import reactor.core.publisher.Mono;

/**
 * Starts agent sessions of one kind (Claude Code, Codex, a test double). Concurrency-safe: a work
 * loop spawns several sessions at once through one harness.
 */
public interface AgentHarness {

    /** The harness's name ({@code claude}, {@code codex}). */
    String name();

    /**
     * Starts a session for {@code spec}. The process starts on subscription (on a blocking-capable
     * scheduler); a process that cannot be started fails with an
     * {@link io.agentfactory.sdk.error.AgentHarnessUnavailableException}.
     */
    Mono<AgentSession> spawn(AgentSpec spec);
}
