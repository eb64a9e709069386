package io.agentfactory.sdk.routing;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;
import io.agentfactory.sdk.internal.OmitNull;

/**
 * RoutingDecision is a single scheduler dispatch decision, emitted as a Layer 6 hook event (kind:
 * "routing-decision") per 002-provider-base-contract.md.
 *
 * @param sessionId the {@code sessionId} field
 * @param chosenSandbox the {@code chosenSandbox} field
 * @param chosenLLM the {@code chosenLLM} field
 * @param rejectedCandidates the {@code rejectedCandidates} field
 * @param score the {@code score} field
 * @param estimatedCostCents the {@code estimatedCostCents} field. {@code null} when absent
 * @param estimatedLatencyMs the {@code estimatedLatencyMs} field. {@code null} when absent
 * @param decidedAt the {@code decidedAt} field. {@code null} when absent
 */
public record RoutingDecision(
        String sessionId,
        String chosenSandbox,
        String chosenLLM,
        @OmitEmpty List<RejectedCandidate> rejectedCandidates,
        double score,
        @OmitNull @Nullable Double estimatedCostCents,
        @OmitNull @Nullable Double estimatedLatencyMs,
        @Nullable Instant decidedAt) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public RoutingDecision {
        sessionId = Copies.text(sessionId);
        chosenSandbox = Copies.text(chosenSandbox);
        chosenLLM = Copies.text(chosenLLM);
        rejectedCandidates = Copies.list(rejectedCandidates);
    }

    /** The value with every field absent: what the server means when it omits the object. */
    public static RoutingDecision empty() {
        return new RoutingDecision("", "", "", List.of(), 0.0, null, null, null);
    }
}
