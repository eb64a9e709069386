package io.agentfactory.sdk.task;

import io.agentfactory.sdk.internal.Copies;

/**
 * SubmitTaskResponse matches the submit-task response.
 *
 * @param submitted the {@code submitted} field
 * @param taskId the {@code taskId} field
 * @param issueId the {@code issueId} field
 * @param status the {@code status} field
 * @param priority the {@code priority} field
 * @param workType the {@code workType} field
 */
public record SubmitTaskResponse(
        boolean submitted,
        String taskId,
        String issueId,
        String status,
        int priority,
        String workType) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public SubmitTaskResponse {
        taskId = Copies.text(taskId);
        issueId = Copies.text(issueId);
        status = Copies.text(status);
        workType = Copies.text(workType);
    }
}
