package io.agentfactory.sdk.reactor.orchestrator;

import java.util.OptionalInt;
import java.util.OptionalLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.orchestrator.AgentEvent;
import io.agentfactory.sdk.orchestrator.AgentSession;

/** A session that forwards every call to another; tests override what they observe. */
class ForwardingSession implements AgentSession {

    private final AgentSession delegate;

    ForwardingSession(AgentSession delegate) {
        this.delegate = delegate;
    }

    @Override
    public String harness() {
        return delegate.harness();
    }

    @Override
    public OptionalLong pid() {
        return delegate.pid();
    }

    @Override
    public Flux<AgentEvent> events() {
        return delegate.events();
    }

    @Override
    public Mono<Integer> exit() {
        return delegate.exit();
    }

    @Override
    public OptionalInt exitCode() {
        return delegate.exitCode();
    }

    @Override
    public String diagnostics() {
        return delegate.diagnostics();
    }

    @Override
    public Mono<Void> close() {
        return delegate.close();
    }

    @Override
    public Mono<Void> stop() {
        return delegate.stop();
    }
}
