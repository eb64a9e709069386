package io.agentfactory.sdk.routing;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;

/**
 * RoutingConfig is the current routing configuration returned by GET /api/daemon/routing/config.
 * It surfaces Thompson-Sampling state across both dimensions (LLM × sandbox) per 004-sandbox-
 * capability-matrix.md and the capability-matrix reframe.
 *
 * @param capabilityFilters the active hard-filter constraints the scheduler enforces before scoring (e.g. region, OS, arch, GPU requirements).
 * @param weights holds the tenant-level scoring bias between cost and latency. Values sum to 1.0; default is {Cost: 0.7, Latency: 0.3} per 004.
 * @param sandboxProviders lists the known sandbox provider IDs and their Thompson-Sampling state (alpha, beta, recent scores).
 * @param llmProviders lists the known LLM provider IDs and their Thompson-Sampling state.
 * @param recentDecisions the last N routing decisions (capped at 50 for the show view). Full history is available via the explain endpoint keyed by session id.
 * @param capturedAt when this snapshot was taken. {@code null} when absent
 */
public record RoutingConfig(
        List<CapabilityFilter> capabilityFilters,
        RoutingWeights weights,
        List<SandboxProviderState> sandboxProviders,
        List<LLMProviderState> llmProviders,
        List<RoutingDecision> recentDecisions,
        @Nullable Instant capturedAt) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public RoutingConfig {
        capabilityFilters = Copies.list(capabilityFilters);
        weights = weights == null ? RoutingWeights.empty() : weights;
        sandboxProviders = Copies.list(sandboxProviders);
        llmProviders = Copies.list(llmProviders);
        recentDecisions = Copies.list(recentDecisions);
    }

    /** The value with every field absent: what the server means when it omits the object. */
    public static RoutingConfig empty() {
        return new RoutingConfig(List.of(), RoutingWeights.empty(), List.of(), List.of(), List.of(), null);
    }
}
