package io.agentfactory.sdk.routing;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitNull;

/**
 * SandboxProviderState is the Thompson-Sampling state for one sandbox provider.
 *
 * @param providerId the {@code providerId} field
 * @param alpha the {@code alpha} field
 * @param beta the {@code beta} field
 * @param recentScore the {@code recentScore} field. {@code null} when absent
 * @param recentCostCents the {@code recentCostCents} field. {@code null} when absent
 * @param recentLatencyMs the {@code recentLatencyMs} field. {@code null} when absent
 * @param selectionCount the {@code selectionCount} field
 */
public record SandboxProviderState(
        String providerId,
        double alpha,
        double beta,
        @OmitNull @Nullable Double recentScore,
        @OmitNull @Nullable Double recentCostCents,
        @OmitNull @Nullable Double recentLatencyMs,
        int selectionCount) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public SandboxProviderState {
        providerId = Copies.text(providerId);
    }
}
