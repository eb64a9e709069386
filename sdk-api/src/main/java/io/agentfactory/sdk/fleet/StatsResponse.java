package io.agentfactory.sdk.fleet;

import io.agentfactory.sdk.internal.Copies;

/**
 * StatsResponse matches GET /api/public/stats.
 *
 * @param workersOnline the {@code workersOnline} field
 * @param agentsWorking the {@code agentsWorking} field
 * @param queueDepth the {@code queueDepth} field
 * @param completedToday the {@code completedToday} field
 * @param availableCapacity the {@code availableCapacity} field
 * @param totalCostToday the {@code totalCostToday} field
 * @param totalCostAllTime the {@code totalCostAllTime} field
 * @param sessionCountToday the {@code sessionCountToday} field
 * @param timestamp the {@code timestamp} field
 */
public record StatsResponse(
        int workersOnline,
        int agentsWorking,
        int queueDepth,
        int completedToday,
        int availableCapacity,
        double totalCostToday,
        double totalCostAllTime,
        int sessionCountToday,
        String timestamp) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public StatsResponse {
        timestamp = Copies.text(timestamp);
    }
}
