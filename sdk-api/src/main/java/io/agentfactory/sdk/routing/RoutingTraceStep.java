package io.agentfactory.sdk.routing;

import java.util.List;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * RoutingTraceStep is a single step in the scheduler's decision trace.
 *
 * @param step the {@code step} field
 * @param phase the scheduler phase: "capability-filter", "tenant-policy", "capacity-filter", "score".
 * @param dimension the routing dimension: "sandbox" or "llm".
 * @param remaining the {@code remaining} field
 * @param eliminated the {@code eliminated} field
 * @param note the {@code note} field
 */
public record RoutingTraceStep(
        int step,
        String phase,
        String dimension,
        List<String> remaining,
        @OmitEmpty List<EliminatedProvider> eliminated,
        @OmitEmpty String note) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public RoutingTraceStep {
        phase = Copies.text(phase);
        dimension = Copies.text(dimension);
        remaining = Copies.list(remaining);
        eliminated = Copies.list(eliminated);
        note = Copies.text(note);
    }
}
