package io.agentfactory.sdk.agent;

import java.util.List;

import io.agentfactory.sdk.internal.Copies;

/**
 * AgentCardToolSurface declares the tool allow/disallow lists.
 *
 * @param allow the {@code allow} field
 * @param disallow the {@code disallow} field
 */
public record AgentCardToolSurface(
        List<String> allow,
        List<String> disallow) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public AgentCardToolSurface {
        allow = Copies.list(allow);
        disallow = Copies.list(disallow);
    }

    /** The value with every field absent: what the server means when it omits the object. */
    public static AgentCardToolSurface empty() {
        return new AgentCardToolSurface(List.of(), List.of());
    }
}
