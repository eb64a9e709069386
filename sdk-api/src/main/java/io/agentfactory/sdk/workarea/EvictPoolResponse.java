package io.agentfactory.sdk.workarea;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * EvictPoolResponse is the response from POST /api/daemon/pool/evict.
 *
 * @param evicted the count of pool members scheduled for destruction.
 * @param message a human-readable summary.
 * @param correlationId the Layer 6 hook event correlation ID emitted by the daemon's observability subscriber. Consumers can match this against the pool-stats-evict hook stream.
 */
public record EvictPoolResponse(
        int evicted,
        String message,
        @OmitEmpty String correlationId) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public EvictPoolResponse {
        message = Copies.text(message);
        correlationId = Copies.text(correlationId);
    }
}
