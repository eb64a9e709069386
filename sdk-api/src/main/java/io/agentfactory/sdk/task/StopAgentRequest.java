package io.agentfactory.sdk.task;

import io.agentfactory.sdk.internal.Copies;

/**
 * StopAgentRequest matches POST /api/mcp/stop-agent.
 *
 * @param taskId the {@code taskId} field
 */
public record StopAgentRequest(
        String taskId) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public StopAgentRequest {
        taskId = Copies.text(taskId);
    }
}
