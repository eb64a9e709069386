package io.agentfactory.sdk.agent;

import java.util.List;

import io.agentfactory.sdk.internal.Copies;

/**
 * AgentListResponse matches GET /api/agents.
 *
 * @param agents the {@code agents} field
 * @param count the {@code count} field
 * @param timestamp the {@code timestamp} field
 */
public record AgentListResponse(
        List<AgentCard> agents,
        int count,
        String timestamp) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public AgentListResponse {
        agents = Copies.list(agents);
        timestamp = Copies.text(timestamp);
    }
}
