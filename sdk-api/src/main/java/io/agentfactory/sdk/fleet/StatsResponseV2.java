package io.agentfactory.sdk.fleet;

import java.util.List;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * StatsResponseV2 extends StatsResponse with per-machine and per-provider breakdowns required by
 * the multi-machine fleet view (009 §issue #56) and the SandboxProvider awareness panel (009
 * §issue #59). We add the new fields as a separate embedded struct to keep the original
 * StatsResponse wire-compatible; callers that don't need the new fields can continue using
 * StatsResponse directly.
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
 * @param machines the per-machine capacity and status breakdown. Empty when the platform has no multi-machine fleet registered.
 * @param providers the per-provider cost and capacity breakdown. Empty when no provider cost data is available.
 */
public record StatsResponseV2(
        int workersOnline,
        int agentsWorking,
        int queueDepth,
        int completedToday,
        int availableCapacity,
        double totalCostToday,
        double totalCostAllTime,
        int sessionCountToday,
        String timestamp,
        @OmitEmpty List<MachineStats> machines,
        @OmitEmpty List<ProviderCost> providers) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public StatsResponseV2 {
        timestamp = Copies.text(timestamp);
        machines = Copies.list(machines);
        providers = Copies.list(providers);
    }

    /** The {@link StatsResponse} fields of this response (the wire nests nothing: V2 is flat). */
    public StatsResponse asStatsResponse() {
        return new StatsResponse(workersOnline, agentsWorking, queueDepth, completedToday, availableCapacity,
                totalCostToday, totalCostAllTime, sessionCountToday, timestamp);
    }
}
