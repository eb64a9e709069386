package io.agentfactory.sdk.orchestrator;

/** The terminal state of one issue's dispatch. */
public enum DispatchStatus {
    /** The agent session completed successfully. */
    COMPLETED,
    /** The agent session failed, was stopped, or could not start. */
    FAILED,
    /** Nothing was run: a dry run, an issue claimed by another loop, a project not allowed. */
    SKIPPED
}
