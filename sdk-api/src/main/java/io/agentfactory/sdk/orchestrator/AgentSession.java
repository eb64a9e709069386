package io.agentfactory.sdk.orchestrator;

import java.util.OptionalInt;
import java.util.OptionalLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One running agent session (for the process harnesses: one child process). Owned by whoever
 * spawned it, who must release it exactly once with {@link #close()} or {@link #stop()}.
 */
public interface AgentSession {

    /** The harness that runs it ({@code claude}, {@code codex}, …). */
    String harness();

    /** The agent process's pid, when the session is a local process. */
    OptionalLong pid();

    /**
     * The session's events, backpressured: output is read only as fast as the subscriber asks.
     * Completes when the agent's output ends; fails with an
     * {@link io.agentfactory.sdk.error.AgentFactoryException} when it cannot be decoded. May be
     * subscribed once.
     */
    Flux<AgentEvent> events();

    /**
     * The exit code, once the process has exited; completes empty for sessions without a process.
     * The text of a failure includes {@link #diagnostics()}.
     */
    Mono<Integer> exit();

    /** The exit code if the process has already exited. */
    OptionalInt exitCode();

    /** The last part of the agent's standard error (bounded), for failure messages; {@code ""} when none. */
    String diagnostics();

    /**
     * Ends a session that has reached its terminal event: lets the agent exit on its own (closing
     * its input), then {@linkplain #stop() stops} it if it has not exited within the grace period.
     * Idempotent.
     */
    Mono<Void> close();

    /**
     * Stops the session now: SIGTERM, then SIGKILL (with its descendants) when it has not exited
     * within the grace period. Completes once the process has exited. Idempotent.
     */
    Mono<Void> stop();
}
