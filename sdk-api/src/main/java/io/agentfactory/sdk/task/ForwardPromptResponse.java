package io.agentfactory.sdk.task;

import io.agentfactory.sdk.internal.Copies;

/**
 * ForwardPromptResponse matches the forward-prompt response.
 *
 * @param forwarded the {@code forwarded} field
 * @param promptId the {@code promptId} field
 * @param taskId the {@code taskId} field
 * @param issueId the {@code issueId} field
 * @param sessionStatus the {@code sessionStatus} field
 */
public record ForwardPromptResponse(
        boolean forwarded,
        String promptId,
        String taskId,
        String issueId,
        String sessionStatus) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public ForwardPromptResponse {
        promptId = Copies.text(promptId);
        taskId = Copies.text(taskId);
        issueId = Copies.text(issueId);
        sessionStatus = Copies.text(sessionStatus);
    }
}
