package io.agentfactory.sdk.fleet;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * CostReportRequest matches GET /api/mcp/cost-report.
 *
 * @param taskId the {@code taskId} field
 */
public record CostReportRequest(
        @OmitEmpty String taskId) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public CostReportRequest {
        taskId = Copies.text(taskId);
    }
}
