package io.agentfactory.sdk.reactor.internal.orchestrator;

import java.util.List;

import io.agentfactory.sdk.orchestrator.AgentEvent;

/**
 * How one agent CLI talks on its standard streams: what to send first, and how each output line
 * becomes events (possibly answering on standard input). One instance per session; called from
 * one thread at a time. Not API.
 */
public interface AgentProtocol {

    /** Writes what the agent needs first (the prompt, a handshake); may close the input. */
    void start(AgentInput input);

    /**
     * The events of one output line; may write to the input (the next request of a handshake).
     *
     * @throws RuntimeException when the line cannot be decoded (the stream fails)
     */
    List<AgentEvent> decode(String line, AgentInput input);
}
