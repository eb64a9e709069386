package io.agentfactory.sdk.routing;

import java.util.List;

import io.agentfactory.sdk.internal.Copies;

/**
 * RoutingExplainResponse is the full decision trace for a specific session, returned by GET
 * /api/daemon/routing/explain/&lt;sessionId&gt;.
 *
 * @param sessionId the {@code sessionId} field
 * @param decision the {@code decision} field
 * @param trace the {@code trace} field
 */
public record RoutingExplainResponse(
        String sessionId,
        RoutingDecision decision,
        List<RoutingTraceStep> trace) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public RoutingExplainResponse {
        sessionId = Copies.text(sessionId);
        decision = decision == null ? RoutingDecision.empty() : decision;
        trace = Copies.list(trace);
    }
}
