package io.agentfactory.sdk.routing;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * EliminatedProvider captures a provider that was eliminated at a trace step.
 *
 * @param providerId the {@code providerId} field
 * @param reason the {@code reason} field
 * @param detail the {@code detail} field
 */
public record EliminatedProvider(
        String providerId,
        String reason,
        @OmitEmpty String detail) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public EliminatedProvider {
        providerId = Copies.text(providerId);
        reason = Copies.text(reason);
        detail = Copies.text(detail);
    }
}
