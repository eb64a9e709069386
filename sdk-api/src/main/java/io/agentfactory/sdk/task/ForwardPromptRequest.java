package io.agentfactory.sdk.task;

import io.agentfactory.sdk.internal.Copies;

/**
 * The body of POST /api/mcp/forward-prompt.
 *
 * @param taskId the task to forward to.
 * @param message the message to forward.
 */
public record ForwardPromptRequest(
        String taskId,
        String message) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public ForwardPromptRequest {
        taskId = Copies.text(taskId);
        message = Copies.text(message);
    }
}
