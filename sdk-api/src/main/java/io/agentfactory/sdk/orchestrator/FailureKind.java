package io.agentfactory.sdk.orchestrator;

/** Why an agent session or a dispatch failed. */
public enum FailureKind {
    /** The agent ended with a failed result ({@code is_error: true}, a failed turn). */
    AGENT_FAILED,
    /** The agent reported an error that ends the session. */
    AGENT_ERROR,
    /** The event stream ended before any terminal event (the agent exited without a result). */
    STREAM_CLOSED,
    /** The event stream broke: undecodable output, an over-long line, a read failure. */
    STREAM_FAILED,
    /** The agent process could not be started. */
    SPAWN_FAILED,
    /** The dispatch ran past its deadline; the agent was stopped. */
    TIMED_OUT,
    /** The dispatch was cancelled; the agent was stopped. */
    CANCELLED,
    /** The agent had to be stopped and stopping it failed. */
    STOP_FAILED
}
