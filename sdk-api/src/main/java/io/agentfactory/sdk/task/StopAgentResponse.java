package io.agentfactory.sdk.task;

import io.agentfactory.sdk.internal.Copies;

/**
 * StopAgentResponse matches the stop-agent response.
 *
 * @param stopped the {@code stopped} field
 * @param taskId the {@code taskId} field
 * @param issueId the {@code issueId} field
 * @param previousStatus the {@code previousStatus} field
 * @param newStatus the {@code newStatus} field
 */
public record StopAgentResponse(
        boolean stopped,
        String taskId,
        String issueId,
        String previousStatus,
        String newStatus) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public StopAgentResponse {
        taskId = Copies.text(taskId);
        issueId = Copies.text(issueId);
        previousStatus = Copies.text(previousStatus);
        newStatus = Copies.text(newStatus);
    }
}
