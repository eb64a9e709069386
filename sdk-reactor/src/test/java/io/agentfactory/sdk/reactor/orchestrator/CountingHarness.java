package io.agentfactory.sdk.reactor.orchestrator;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.orchestrator.AgentEvent;
import io.agentfactory.sdk.orchestrator.AgentHarness;
import io.agentfactory.sdk.orchestrator.AgentSession;
import io.agentfactory.sdk.orchestrator.AgentSpec;

/**
 * Wraps a real harness and counts sessions in flight (from spawn to release), the most ever in
 * flight, and the sessions started, in order, with their pids.
 */
final class CountingHarness implements AgentHarness {

    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final AtomicInteger spawns = new AtomicInteger();
    /** Issue ids, as each session's first event arrives. */
    final BlockingQueue<String> started = new LinkedBlockingQueue<>();
    final BlockingQueue<Long> pids = new LinkedBlockingQueue<>();
    private final AgentHarness delegate;

    CountingHarness(AgentHarness delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Mono<AgentSession> spawn(AgentSpec spec) {
        return delegate.spawn(spec).map(session -> {
            spawns.incrementAndGet();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            session.pid().ifPresent(pids::add);
            return new Counted(session, spec.environment().getOrDefault("LINEAR_ISSUE_ID", ""));
        });
    }

    private final class Counted extends ForwardingSession {
        private final String issueId;
        private final AtomicBoolean released = new AtomicBoolean();
        private final AtomicBoolean first = new AtomicBoolean();

        Counted(AgentSession delegate, String issueId) {
            super(delegate);
            this.issueId = issueId;
        }

        private Mono<Void> released(Mono<Void> release) {
            // Before the release's completion travels on: the outcome follows the release.
            Runnable done = () -> {
                if (released.compareAndSet(false, true)) {
                    inFlight.decrementAndGet();
                }
            };
            return release.doOnTerminate(done).doOnCancel(done);
        }

        @Override
        public Flux<AgentEvent> events() {
            return super.events().doOnNext(e -> {
                if (first.compareAndSet(false, true)) {
                    started.add(issueId);
                }
            });
        }

        @Override
        public Mono<Void> close() {
            return released(super.close());
        }

        @Override
        public Mono<Void> stop() {
            return released(super.stop());
        }
    }
}
