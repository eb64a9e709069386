package io.agentfactory.sdk.reactor.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

import io.agentfactory.sdk.orchestrator.AgentEvent;
import io.agentfactory.sdk.orchestrator.AgentOutcome;
import io.agentfactory.sdk.orchestrator.AgentSession;
import io.agentfactory.sdk.orchestrator.FailureKind;

/** The await-terminal rules (reference §3 and tests 11–19), on the pure operator and on a counted session. */
class TerminalAwaiterTest {

    private static final Duration STOP = Duration.ofSeconds(15);

    private static AgentOutcome await(AgentEvent... events) {
        return TerminalAwaiter.awaitTerminal(Flux.just(events)).block(Duration.ofSeconds(5));
    }

    @Test
    void aSuccessfulResultCompletes() {
        AgentOutcome outcome = await(new AgentEvent.Init("s-1", "m"), new AgentEvent.AssistantText("hi"),
                AgentEvent.Result.success("done"));

        assertThat(outcome).isEqualTo(AgentOutcome.completed("done", "s-1"));
    }

    @Test
    void aFailedResultFailsWithMessageAndSubtype() {
        AgentOutcome outcome = await(new AgentEvent.AssistantText("working"),
                AgentEvent.Result.failure("tests failed", "error_during_execution"));

        assertThat(outcome.completed()).isFalse();
        assertThat(outcome.failure()).isEqualTo(FailureKind.AGENT_FAILED);
        assertThat(outcome.message()).isEqualTo("tests failed (error_during_execution)");
    }

    @Test
    void aFailedResultPrefersItsErrorsJoinedThenItsMessageThenADefault() {
        assertThat(await(new AgentEvent.Result(false, "msg", List.of("a", "b"), "", null)).message()).isEqualTo("a; b");
        assertThat(await(new AgentEvent.Result(false, "msg", List.of(), "", null)).message()).isEqualTo("msg");
        assertThat(await(new AgentEvent.Result(false, "", List.of(), "", null)).message())
                .isEqualTo("agent reported failure");
        assertThat(await(new AgentEvent.Result(false, "", List.of(), "error_max_turns", null)).message())
                .isEqualTo("agent reported failure (error_max_turns)");
    }

    @Test
    void anErrorEventFailsWithMessageAndCode() {
        AgentOutcome outcome = await(new AgentEvent.Progress("tool_progress", ""),
                new AgentEvent.AgentError("provider crashed", "crashed", false));

        assertThat(outcome.failure()).isEqualTo(FailureKind.AGENT_ERROR);
        assertThat(outcome.message()).isEqualTo("provider crashed (crashed)");
        assertThat(await(new AgentEvent.AgentError("", "", false)).message()).isEqualTo("agent reported error");
    }

    @Test
    void aContinuingErrorIsNotTerminal() {
        AgentOutcome outcome = await(new AgentEvent.AgentError("one tool call unproven; the session continues",
                "policy_adjudication_missing", true), AgentEvent.Result.success(""));

        assertThat(outcome.completed()).isTrue();
    }

    @Test
    void aContinuingErrorThenTheEndOfStreamIsStillAFailure() {
        AgentOutcome outcome = await(new AgentEvent.AgentError("note", "x", true));

        assertThat(outcome.failure()).isEqualTo(FailureKind.STREAM_CLOSED);
    }

    @Test
    void theEndOfStreamBeforeATerminalEventIsAFailure() {
        AgentOutcome outcome = await(new AgentEvent.Init("s", ""), new AgentEvent.AssistantText("half done"));

        assertThat(outcome.failure()).isEqualTo(FailureKind.STREAM_CLOSED);
        assertThat(outcome.message()).contains("closed before terminal");
        assertThat(await().failure()).isEqualTo(FailureKind.STREAM_CLOSED);
    }

    @Test
    void aFailingStreamIsAFailedOutcomeNotAnError() {
        StepVerifier.create(TerminalAwaiter.awaitTerminal(Flux.concat(Flux.just(new AgentEvent.Init("s", "")),
                        Flux.error(new IllegalStateException("pipe broke")))))
                .assertNext(o -> {
                    assertThat(o.failure()).isEqualTo(FailureKind.STREAM_FAILED);
                    assertThat(o.message()).contains("pipe broke");
                    assertThat(o.sessionId()).isEqualTo("s");
                })
                .verifyComplete();
    }

    @Test
    void theFirstTerminalEventWinsAndTheStreamIsCancelledAfterIt() {
        TestPublisher<AgentEvent> events = TestPublisher.create();

        StepVerifier.create(TerminalAwaiter.awaitTerminal(events.flux()))
                .then(() -> events.next(AgentEvent.Result.failure("first", ""), AgentEvent.Result.success("second")))
                .assertNext(o -> assertThat(o.message()).isEqualTo("first"))
                .verifyComplete();
        events.assertCancelled();
    }

    @Test
    void progressIsIgnored() {
        AgentOutcome outcome = await(new AgentEvent.ToolUse("t1", "Bash", "{}"),
                new AgentEvent.ToolResult("t1", "ok", true), new AgentEvent.Progress("system", "x"),
                AgentEvent.Result.success("ok"));

        assertThat(outcome.completed()).isTrue();
    }

    // --- a session: released exactly once on success, failure and cancel --------------------------

    @Test
    void aCompletedSessionIsClosedOnceAndNeverStopped() {
        CountedSession session = new CountedSession(Flux.just(AgentEvent.Result.success("ok")));

        AgentOutcome outcome = TerminalAwaiter.runSession(Mono.just(session), null, Mono.never(), STOP).block();

        assertThat(outcome.completed()).isTrue();
        assertThat(outcome.exitCode()).isZero();
        assertThat(session.closes.get()).isEqualTo(1);
        assertThat(session.stops.get()).isZero();
    }

    @Test
    void aFailedSessionIsReleasedOnce() {
        CountedSession session = new CountedSession(Flux.just(new AgentEvent.AgentError("boom", "", false)));

        AgentOutcome outcome = TerminalAwaiter.runSession(Mono.just(session), null, Mono.never(), STOP).block();

        assertThat(outcome.failure()).isEqualTo(FailureKind.AGENT_ERROR);
        assertThat(session.closes.get() + session.stops.get()).isEqualTo(1);
    }

    @Test
    void cancellingStopsTheSessionExactlyOnce() {
        CountedSession session = new CountedSession(Flux.never());

        TerminalAwaiter.runSession(Mono.just(session), null, Mono.never(), STOP).subscribe().dispose();

        assertThat(session.stops.get()).isEqualTo(1);
        assertThat(session.closes.get()).isZero();
    }

    @Test
    void anInterruptStopsTheSessionAndIsACancelledOutcome() {
        CountedSession session = new CountedSession(Flux.never());
        Sinks.One<String> signal = Sinks.one();

        StepVerifier.create(TerminalAwaiter.runSession(Mono.just(session), null, signal.asMono(), STOP))
                .then(() -> signal.tryEmitValue("now"))
                .assertNext(o -> {
                    assertThat(o.failure()).isEqualTo(FailureKind.CANCELLED);
                    assertThat(o.message()).isEqualTo("dispatch canceled");
                })
                .verifyComplete();
        assertThat(session.stops.get()).isEqualTo(1);
        assertThat(signal.currentSubscriberCount()).isZero();
    }

    @Test
    void theDeadlineStopsTheSessionThenReportsTimedOut() {
        StepVerifier.withVirtualTime(() -> {
                    CountedSession session = new CountedSession(Flux.never());
                    return TerminalAwaiter.runSession(Mono.just(session), Duration.ofMinutes(30), Mono.never(), STOP)
                            .map(o -> List.of(o, session.stops.get()));
                })
                .expectSubscription()
                .expectNoEvent(Duration.ofMinutes(29))
                .thenAwait(Duration.ofMinutes(1))
                .assertNext(pair -> {
                    AgentOutcome o = (AgentOutcome) pair.get(0);
                    assertThat(o.failure()).isEqualTo(FailureKind.TIMED_OUT);
                    assertThat(o.message()).isEqualTo("timed out after PT30M");
                    assertThat(pair.get(1)).isEqualTo(1);
                })
                .verifyComplete();
    }

    @Test
    void aStopThatFailsIsAStopFailedOutcome() {
        CountedSession session = new CountedSession(Flux.never()) {
            @Override
            public Mono<Void> stop() {
                stops.incrementAndGet();
                return Mono.error(new IllegalStateException("kill refused"));
            }
        };

        AgentOutcome outcome = TerminalAwaiter.runSession(Mono.just(session), Duration.ofMillis(10), Mono.never(), STOP)
                .block(Duration.ofSeconds(5));

        assertThat(outcome.failure()).isEqualTo(FailureKind.STOP_FAILED);
        assertThat(outcome.message()).isEqualTo("stop after deadline: IllegalStateException");
    }

    @Test
    void aSpawnFailureIsAFailedOutcome() {
        AgentOutcome outcome = TerminalAwaiter.runSession(Mono.error(new IllegalStateException("no such file")), null,
                Mono.never(), STOP).block();

        assertThat(outcome.failure()).isEqualTo(FailureKind.SPAWN_FAILED);
        assertThat(outcome.message()).contains("no such file");
    }

    @Test
    void aSessionWithoutAnEventStreamFails() {
        CountedSession session = new CountedSession(null);

        AgentOutcome outcome = TerminalAwaiter.runSession(Mono.just(session), null, Mono.never(), STOP).block();

        assertThat(outcome.message()).isEqualTo("provider returned no event stream");
        assertThat(session.closes.get()).isEqualTo(1);
    }

    /** A session without a process that counts its releases. */
    static class CountedSession implements AgentSession {

        final AtomicInteger closes = new AtomicInteger();
        final AtomicInteger stops = new AtomicInteger();
        private final Flux<AgentEvent> events;

        CountedSession(Flux<AgentEvent> events) {
            this.events = events;
        }

        @Override
        public String harness() {
            return "counted";
        }

        @Override
        public OptionalLong pid() {
            return OptionalLong.empty();
        }

        @Override
        public Flux<AgentEvent> events() {
            return events;
        }

        @Override
        public Mono<Integer> exit() {
            return Mono.empty();
        }

        @Override
        public OptionalInt exitCode() {
            return closes.get() > 0 ? OptionalInt.of(0) : OptionalInt.empty();
        }

        @Override
        public String diagnostics() {
            return "";
        }

        @Override
        public Mono<Void> close() {
            return Mono.fromRunnable(closes::incrementAndGet);
        }

        @Override
        public Mono<Void> stop() {
            return Mono.fromRunnable(stops::incrementAndGet);
        }
    }
}
