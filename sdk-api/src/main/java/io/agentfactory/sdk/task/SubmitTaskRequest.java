package io.agentfactory.sdk.task;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * SubmitTaskRequest matches POST /api/mcp/submit-task.
 *
 * @param issueId the {@code issueId} field
 * @param description the {@code description} field
 * @param workType the {@code workType} field
 * @param priority the {@code priority} field
 */
public record SubmitTaskRequest(
        String issueId,
        @OmitEmpty String description,
        @OmitEmpty String workType,
        @OmitEmpty int priority) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public SubmitTaskRequest {
        issueId = Copies.text(issueId);
        description = Copies.text(description);
        workType = Copies.text(workType);
    }

    /** A request for {@code issueId} with every optional field empty (posts {@code {"issueId":…}}). */
    public static SubmitTaskRequest of(String issueId) {
        return new SubmitTaskRequest(issueId, "", "", 0);
    }
}
