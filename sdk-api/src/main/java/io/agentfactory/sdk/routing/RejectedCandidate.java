package io.agentfactory.sdk.routing;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * RejectedCandidate is a provider that was considered but not chosen.
 *
 * @param providerId the {@code providerId} field
 * @param dimension the routing dimension: "sandbox" or "llm".
 * @param reason categories from 004: "capability-filter", "tenant-policy", "capacity-filter", "score-loss".
 * @param detail the {@code detail} field
 */
public record RejectedCandidate(
        String providerId,
        String dimension,
        String reason,
        @OmitEmpty String detail) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public RejectedCandidate {
        providerId = Copies.text(providerId);
        dimension = Copies.text(dimension);
        reason = Copies.text(reason);
        detail = Copies.text(detail);
    }
}
