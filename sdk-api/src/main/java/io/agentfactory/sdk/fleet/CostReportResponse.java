package io.agentfactory.sdk.fleet;

/**
 * CostReportResponse matches the cost-report response (fleet-wide).
 *
 * @param totalSessions the {@code totalSessions} field
 * @param sessionsWithCostData the {@code sessionsWithCostData} field
 * @param totalCostUsd the {@code totalCostUsd} field
 * @param totalInputTokens the {@code totalInputTokens} field
 * @param totalOutputTokens the {@code totalOutputTokens} field
 */
public record CostReportResponse(
        int totalSessions,
        int sessionsWithCostData,
        double totalCostUsd,
        int totalInputTokens,
        int totalOutputTokens) {
}
