package io.agentfactory.sdk.reactor.orchestrator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.orchestrator.AgentEvent;
import io.agentfactory.sdk.orchestrator.AgentOutcome;
import io.agentfactory.sdk.orchestrator.AgentSession;
import io.agentfactory.sdk.orchestrator.FailureKind;

/**
 * Turns an agent's events into exactly one {@link AgentOutcome}, and runs a session from spawn to
 * release. The rules (the reference's {@code awaitTerminal}):
 *
 * <ul>
 * <li>a successful {@link AgentEvent.Result} completes the session;</li>
 * <li>a failed result fails it ({@link FailureKind#AGENT_FAILED}) with the errors joined by
 * {@code "; "}, else the message, else {@code "agent reported failure"}, then {@code " (<subtype>)"};</li>
 * <li>an {@link AgentEvent.AgentError} fails it ({@link FailureKind#AGENT_ERROR}) with its message,
 * else {@code "agent reported error"}, then {@code " (<code>)"} — unless it
 * {@linkplain AgentEvent.AgentError#sessionContinues() continues the session}: then it is progress;</li>
 * <li>everything else is progress;</li>
 * <li>the stream ending first fails it ({@link FailureKind#STREAM_CLOSED}, {@code "provider stream
 * closed before terminal event"}); the stream failing fails it ({@link FailureKind#STREAM_FAILED}).</li>
 * </ul>
 *
 * Nothing but a successful result ever looks like completion. The first terminal event wins; the
 * stream is cancelled after it.
 */
public final class TerminalAwaiter {

    private static final Logger log = LoggerFactory.getLogger(TerminalAwaiter.class);

    /** The reason of a premature end of stream. */
    public static final String STREAM_CLOSED = "provider stream closed before terminal event";

    private TerminalAwaiter() {
    }

    /**
     * The outcome of {@code events}: a pure operator, no I/O, no timers. Never signals an error.
     */
    public static Mono<AgentOutcome> awaitTerminal(Flux<AgentEvent> events) {
        return Mono.defer(() -> {
            AtomicReference<String> sessionId = new AtomicReference<>("");
            return events
                    .doOnNext(event -> {
                        if (event instanceof AgentEvent.Init init && !init.sessionId().isEmpty()) {
                            sessionId.set(init.sessionId());
                        }
                    })
                    .filter(AgentEvent::isTerminal)
                    .next()
                    .map(terminal -> outcomeOf(terminal, sessionId.get()))
                    .switchIfEmpty(Mono.fromSupplier(
                            () -> AgentOutcome.failed(FailureKind.STREAM_CLOSED, STREAM_CLOSED, sessionId.get())))
                    .onErrorResume(e -> Mono.just(AgentOutcome.failed(FailureKind.STREAM_FAILED,
                            "agent event stream failed: " + e.getMessage(), sessionId.get())));
        });
    }

    /**
     * The outcome a terminal event stands for.
     *
     * @throws IllegalArgumentException when {@code event} is not terminal
     */
    public static AgentOutcome outcomeOf(AgentEvent event, String sessionId) {
        if (event instanceof AgentEvent.Result result) {
            if (result.success()) {
                return AgentOutcome.completed(result.message(), sessionId);
            }
            return AgentOutcome.failed(FailureKind.AGENT_FAILED, failureMessage(result), sessionId);
        }
        if (event instanceof AgentEvent.AgentError error && !error.sessionContinues()) {
            String text = error.message().isEmpty() ? "agent reported error" : error.message();
            return AgentOutcome.failed(FailureKind.AGENT_ERROR,
                    error.code().isEmpty() ? text : text + " (" + error.code() + ")", sessionId);
        }
        throw new IllegalArgumentException("not a terminal event: " + event.getClass().getSimpleName());
    }

    private static String failureMessage(AgentEvent.Result result) {
        List<String> errors = result.errors();
        String text = !errors.isEmpty() ? String.join("; ", errors)
                : !result.message().isEmpty() ? result.message() : "agent reported failure";
        return result.errorSubtype().isEmpty() ? text : text + " (" + result.errorSubtype() + ")";
    }

    /**
     * Runs one session from spawn to release: subscribes to {@code spawn}, awaits the terminal
     * outcome of its events, and releases it exactly once — {@link AgentSession#close()} after a
     * terminal outcome or an error, {@link AgentSession#stop()} on cancellation. The outcome is
     * emitted after the release, with the process's exit code.
     *
     * <p>When {@code deadline} passes first, or {@code interrupt} emits first, the agent is stopped
     * (bounded by {@code stopTimeout}) and the outcome is a {@link FailureKind#TIMED_OUT} or
     * {@link FailureKind#CANCELLED} failure ({@link FailureKind#STOP_FAILED} when stopping failed).
     * A spawn failure is a {@link FailureKind#SPAWN_FAILED} outcome. Never signals an error.
     *
     * @param spawn starts the session
     * @param deadline the longest the session may run, {@code null} for no limit
     * @param interrupt stops the session when it emits (or never, {@link Mono#never()})
     * @param stopTimeout how long stopping may take before the outcome says it failed
     */
    public static Mono<AgentOutcome> runSession(Mono<? extends AgentSession> spawn, @Nullable Duration deadline,
            Publisher<?> interrupt, Duration stopTimeout) {
        return Mono.defer(() -> {
            AtomicReference<@Nullable AgentSession> held = new AtomicReference<>();
            return Flux.usingWhen(spawn.doOnNext(held::set),
                            session -> awaitOrInterrupt(session, deadline, interrupt, stopTimeout),
                            session -> quietly(session.close(), "close"),
                            (session, error) -> quietly(session.close(), "close"),
                            session -> {
                                log.debug("{} session cancelled: stopping it", session.harness());
                                return quietly(session.stop(), "stop");
                            })
                    .last()
                    .map(outcome -> {
                        AgentSession session = held.get();
                        return session == null || outcome.exitCode() != null ? outcome
                                : outcome.withExitCode(session.exitCode().isPresent()
                                        ? session.exitCode().getAsInt() : null);
                    })
                    .onErrorResume(e -> Mono.just(held.get() == null
                            ? AgentOutcome.failed(FailureKind.SPAWN_FAILED, "spawn failed: " + e.getMessage(), "")
                            : AgentOutcome.failed(FailureKind.STREAM_FAILED, "session failed: " + e.getMessage(),
                                    "")));
        });
    }

    private static Mono<AgentOutcome> awaitOrInterrupt(AgentSession session, @Nullable Duration deadline,
            Publisher<?> interrupt, Duration stopTimeout) {
        Flux<AgentEvent> events = session.events();
        if (events == null) {
            return Mono.just(AgentOutcome.failed(FailureKind.STREAM_CLOSED, "provider returned no event stream", ""));
        }
        AtomicReference<@Nullable FailureKind> interrupted = new AtomicReference<>();
        AtomicReference<String> sessionId = new AtomicReference<>("");
        Mono<AgentOutcome> terminal = awaitTerminal(events.doOnNext(event -> {
                    if (event instanceof AgentEvent.Init init) {
                        sessionId.set(init.sessionId());
                    }
                }))
                .flatMap(outcome -> outcome.failure() == FailureKind.STREAM_CLOSED
                        || outcome.failure() == FailureKind.STREAM_FAILED
                        ? withExit(session, outcome, stopTimeout) : Mono.just(outcome))
                .map(outcome -> {
                    FailureKind kind = interrupted.get();
                    return kind == null || outcome.completed() ? outcome
                            : AgentOutcome.failed(kind, interruptMessage(kind, deadline), outcome.sessionId());
                });
        Mono<FailureKind> trigger = Mono.firstWithSignal(
                deadline == null ? Mono.never() : Mono.delay(deadline).map(tick -> FailureKind.TIMED_OUT),
                Flux.from(interrupt).next().map(signal -> FailureKind.CANCELLED));
        Mono<AgentOutcome> stopped = trigger.flatMap(kind -> {
            interrupted.compareAndSet(null, kind);
            log.debug("stopping {} session: {}", session.harness(), kind);
            return session.stop()
                    .timeout(stopTimeout)
                    .then(Mono.fromSupplier(() -> AgentOutcome.failed(kind, interruptMessage(kind, deadline),
                            sessionId.get())))
                    .onErrorResume(e -> Mono.just(AgentOutcome.failed(FailureKind.STOP_FAILED,
                            "stop after " + (kind == FailureKind.TIMED_OUT ? "deadline" : "cancel") + ": "
                                    + e.getClass().getSimpleName(), sessionId.get())));
        });
        return Flux.merge(terminal, stopped).next();
    }

    private static Mono<AgentOutcome> withExit(AgentSession session, AgentOutcome outcome, Duration wait) {
        return session.exit()
                .timeout(wait, Mono.empty())
                .map(code -> {
                    String stderr = session.diagnostics();
                    return outcome.withExitCode(code).withMessage(outcome.message() + " (exit code " + code + ")"
                            + (stderr.isEmpty() ? "" : ": " + stderr));
                })
                .defaultIfEmpty(outcome);
    }

    private static String interruptMessage(FailureKind kind, @Nullable Duration deadline) {
        return kind == FailureKind.TIMED_OUT ? "timed out after " + deadline : "dispatch canceled";
    }

    private static Mono<Void> quietly(Mono<Void> release, String what) {
        return release.onErrorResume(e -> {
            log.warn("agent session {} failed: {}", what, e.toString());
            return Mono.empty();
        });
    }
}
