package io.agentfactory.sdk.routing;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;
import io.agentfactory.sdk.internal.OmitNull;

/**
 * LLMProviderState is the Thompson-Sampling state for one LLM provider.
 *
 * @param providerId the {@code providerId} field
 * @param model the {@code model} field
 * @param alpha the {@code alpha} field
 * @param beta the {@code beta} field
 * @param recentScore the {@code recentScore} field. {@code null} when absent
 * @param selectionCount the {@code selectionCount} field
 */
public record LLMProviderState(
        String providerId,
        @OmitEmpty String model,
        double alpha,
        double beta,
        @OmitNull @Nullable Double recentScore,
        int selectionCount) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public LLMProviderState {
        providerId = Copies.text(providerId);
        model = Copies.text(model);
    }
}
