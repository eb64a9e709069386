package io.agentfactory.sdk.fleet;

import io.agentfactory.sdk.internal.Copies;

/**
 * ProviderCost is the per-provider cost breakdown entry used to extend StatsResponse. Provider is
 * the sandbox/LLM provider name (e.g. "anthropic", "vercel", "e2b"). CostUsd is the accrued cost
 * for the current reporting period.
 *
 * @param provider the {@code provider} field
 * @param costUsd the {@code costUsd} field
 * @param sessions the {@code sessions} field
 */
public record ProviderCost(
        String provider,
        double costUsd,
        int sessions) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public ProviderCost {
        provider = Copies.text(provider);
    }
}
