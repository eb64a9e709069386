package io.agentfactory.sdk.examples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;

import io.agentfactory.sdk.coordinator.CoordinatorClient;
import io.agentfactory.sdk.error.AgentFactoryException;
import io.agentfactory.sdk.error.ErrorKind;
import io.agentfactory.sdk.error.NotFoundException;
import io.agentfactory.sdk.examples.simulator.AgentFactorySimulator;
import io.agentfactory.sdk.examples.simulator.RetryAfter;
import io.agentfactory.sdk.examples.simulator.SimulatedRoutes;
import io.agentfactory.sdk.reactor.RetryPolicy;
import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.coordinator.CoordinatorClientOptions;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.task.SubmitTaskRequest;

/**
 * Example 7 — resilience: what the SDK does about failures, and what reaches the caller. The
 * client retries idempotent requests on 429, 502, 503, 504 and broken connections, waiting as
 * {@code Retry-After} says; it never retries a POST; a request with no answer in time fails with
 * {@link io.agentfactory.sdk.error.RequestTimeoutException}; and every failure is a typed
 * {@link AgentFactoryException} a caller can handle by class ({@code onErrorResume(NotFoundException.class, …)})
 * or by {@link ErrorKind}. The faults come from the simulator's fault knobs; against a real
 * coordinator only the not-found case runs.
 *
 * <pre>{@code
 * ./mvnw -q -B -Pdemo -DskipTests verify -Ddemo.mainClass=io.agentfactory.sdk.examples.Resilience
 * }</pre>
 */
public final class Resilience {

    /** The response timeout of the impatient client of the timeout case. */
    static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);
    /** The latency the simulator adds in the timeout case: far more than {@link #SHORT_TIMEOUT}. */
    static final Duration SLOW_ANSWER = Duration.ofSeconds(2);

    /**
     * One case and how it ended.
     *
     * @param scenario what was arranged
     * @param outcome what the caller saw
     * @param error the kind of the error that reached the caller; {@code null} when none did
     * @param retryAfter the delay the error asked for, when it did
     * @param requests requests the server received for the case
     * @param elapsed from subscription to the end
     */
    public record Outcome(String scenario, String outcome, @Nullable ErrorKind error, @Nullable Duration retryAfter,
            long requests, Duration elapsed) {
    }

    /** The outcome of every case, in order. */
    public record Report(List<Outcome> outcomes) {

        /** The outcome of the case whose scenario starts with {@code prefix}. */
        public Optional<Outcome> find(String prefix) {
            return outcomes.stream().filter(o -> o.scenario().startsWith(prefix)).findFirst();
        }
    }

    private final CoordinatorClient coordinator;
    private final CoordinatorClient withoutRetries;
    private final CoordinatorClient impatient;
    private final @Nullable AgentFactorySimulator simulator;

    /**
     * @param coordinator a client with the default transport (3 attempts, Retry-After honoured)
     * @param withoutRetries the same coordinator with {@link RetryPolicy#none()}
     * @param impatient the same coordinator with a response timeout of {@link #SHORT_TIMEOUT}
     * @param simulator the simulator whose fault knobs arrange the cases; {@code null} against a real coordinator
     */
    public Resilience(CoordinatorClient coordinator, CoordinatorClient withoutRetries, CoordinatorClient impatient,
            @Nullable AgentFactorySimulator simulator) {
        this.coordinator = coordinator;
        this.withoutRetries = withoutRetries;
        this.impatient = impatient;
        this.simulator = simulator;
    }

    /** The options of the client without retries: the same service and credentials, one attempt. */
    public static CoordinatorClientOptions withoutRetries(CoordinatorClientOptions options) {
        return options.toBuilder()
                .transport(options.transport().toBuilder().retryPolicy(RetryPolicy.none()).build())
                .build();
    }

    /** The options of the impatient client: a response timeout of {@link #SHORT_TIMEOUT}. */
    public static CoordinatorClientOptions impatient(CoordinatorClientOptions options) {
        TransportOptions transport = options.transport().toBuilder().responseTimeout(SHORT_TIMEOUT).build();
        return options.toBuilder().transport(transport).build();
    }

    /** Runs the cases one after the other (the fault knobs are shared, so never at once). */
    public Mono<Report> run() {
        List<Mono<Outcome>> cases = new ArrayList<>();
        if (simulator != null) {
            cases.add(retriedUntilItWorks(simulator));
            cases.add(rateLimitedWithoutRetries(simulator));
            cases.add(timedOut(simulator));
        }
        cases.add(notFoundHandled());
        if (simulator != null) {
            cases.add(postNeverRetried(simulator));
        }
        return Flux.concat(cases).collectList().map(Report::new);
    }

    /** 429 then 503, each with {@code Retry-After: 1}: the SDK waits twice, and the third attempt answers. */
    Mono<Outcome> retriedUntilItWorks(AgentFactorySimulator sim) {
        return arranged(sim, SimulatedRoutes.STATS,
                "429 then 503 (Retry-After: 1 s each), default retry policy",
                () -> sim.coordinatorFaults().rateLimitNext(1, RetryAfter.seconds(1)).unavailableNext(1, RetryAfter.seconds(1)),
                coordinator.getStats().map(stats -> "stats: " + stats.agentsWorking() + " agents working"));
    }

    /** 429 with {@code Retry-After: 30} and retries off: the typed error says how long to wait. */
    Mono<Outcome> rateLimitedWithoutRetries(AgentFactorySimulator sim) {
        return arranged(sim, SimulatedRoutes.STATS, "429 (Retry-After: 30 s), RetryPolicy.none()",
                () -> sim.coordinatorFaults().rateLimitNext(1, RetryAfter.seconds(30)),
                withoutRetries.getStats().map(stats -> "stats"));
    }

    /** Two seconds of latency against a 300 ms response timeout: a RequestTimeoutException, not a hang. */
    Mono<Outcome> timedOut(AgentFactorySimulator sim) {
        Runnable prompt = () -> sim.coordinatorFaults().latency(Duration.ZERO);
        return arranged(sim, SimulatedRoutes.STATS,
                "2 s of latency, responseTimeout " + SHORT_TIMEOUT.toMillis() + " ms",
                () -> sim.coordinatorFaults().latency(SLOW_ANSWER),
                // Reset before the outcome is emitted (doFinally would run after the next case started).
                impatient.getStats().map(stats -> "stats").doOnTerminate(prompt).doOnCancel(prompt));
    }

    /** An unknown session: the NotFoundException is handled by type and replaced by a fallback. */
    Mono<Outcome> notFoundHandled() {
        String scenario = "an unknown session id, onErrorResume(NotFoundException.class, …)";
        return measured(scenario, coordinator.getSessionDetail("sess_does_not_exist")
                        .map(detail -> "found " + detail.session().identifier())
                        .onErrorResume(NotFoundException.class,
                                missing -> Mono.just("handled: " + missing.status() + " " + missing.serverMessage()
                                        + " -> fallback \"no such session\"")),
                () -> simulator == null ? -1 : simulator.coordinatorRequests().count(SimulatedRoutes.SESSION_DETAIL));
    }

    /** 503 on {@code POST /api/mcp/submit-task}: not retried, since the server may already have acted. */
    Mono<Outcome> postNeverRetried(AgentFactorySimulator sim) {
        return arranged(sim, SimulatedRoutes.SUBMIT_TASK, "503 (Retry-After: 1 s) on a POST: submit-task",
                () -> sim.coordinatorFaults().unavailableNext(1, RetryAfter.seconds(1)),
                coordinator.submitTask(new SubmitTaskRequest("REN-200", "Resilience example", "", 0))
                        .map(submitted -> "submitted"));
    }

    /** Arms the faults on subscription, then runs {@code call} and measures it. */
    private static Mono<Outcome> arranged(AgentFactorySimulator sim, String route, String scenario, Runnable faults,
            Mono<String> call) {
        return Mono.defer(() -> {
            long before = sim.coordinatorRequests().count(route);
            faults.run();
            return measured(scenario, call, () -> sim.coordinatorRequests().count(route) - before);
        });
    }

    /** Runs {@code call}, turning its value or typed error into an outcome. */
    private static Mono<Outcome> measured(String scenario, Mono<String> call, LongSupplier requests) {
        return call.materialize()
                .elapsed()
                .map(timed -> {
                    Duration elapsed = Duration.ofMillis(timed.getT1());
                    Signal<String> signal = timed.getT2();
                    Throwable failure = signal.getThrowable();
                    if (failure == null) {
                        return new Outcome(scenario, signal.get(), null, null, requests.getAsLong(), elapsed);
                    }
                    if (failure instanceof AgentFactoryException e) {
                        return new Outcome(scenario, e.getClass().getSimpleName() + (e.isRetryable() ? " (retryable)" : ""),
                                e.kind(), e.retryAfter().orElse(null), requests.getAsLong(), elapsed);
                    }
                    throw new IllegalStateException("not an SDK error: " + failure, failure);
                });
    }

    /** The report as lines: one case per line, then what it shows. */
    public static List<String> render(Report report) {
        List<String> lines = new ArrayList<>();
        for (Outcome o : report.outcomes()) {
            lines.add("  " + o.scenario());
            StringBuilder result = new StringBuilder("    -> ").append(o.outcome());
            if (o.error() != null) {
                result.append(" [").append(o.error()).append(']');
            }
            if (o.retryAfter() != null) {
                result.append(", retryAfter ").append(o.retryAfter().toSeconds()).append(" s");
            }
            if (o.requests() >= 0) {
                result.append(", ").append(o.requests()).append(o.requests() == 1 ? " request" : " requests");
            }
            result.append(String.format(Locale.ROOT, ", %.2f s", o.elapsed().toMillis() / 1000.0));
            lines.add(result.toString());
        }
        return lines;
    }

    /**
     * Runs every case against the simulator (only the not-found case against a real coordinator).
     * Checks: retried to success after 3 requests and at least 2 s; the 429 carried 30 s; the
     * timeout came well before the slow answer; the 404 was handled (without the latency of the
     * case before); the POST was sent once.
     */
    static boolean run(ExampleServices services, Consumer<String> out) {
        CoordinatorClientOptions options = services.coordinatorOptions();
        try (ReactorCoordinatorClient withoutRetries = ReactorCoordinatorClient.create(withoutRetries(options));
                ReactorCoordinatorClient impatient = ReactorCoordinatorClient.create(impatient(options))) {
            AgentFactorySimulator sim = services.simulator().orElse(null);
            if (sim == null) {
                out.accept("  (the fault cases need the simulator's fault knobs; against a real coordinator only the 404 case runs)");
            }
            Report report = new Resilience(services.coordinator(), withoutRetries, impatient, sim).run().block();
            render(report).forEach(out);
            return sim == null ? report.find("an unknown").map(o -> o.error() == null).orElse(false) : passed(report);
        }
    }

    /** The checks {@link #run} makes against the simulator. */
    static boolean passed(Report report) {
        return report.find("429 then 503").filter(o -> o.error() == null && o.requests() == 3
                        && o.elapsed().compareTo(Duration.ofMillis(1900)) >= 0).isPresent()
                && report.find("429 (").filter(o -> o.error() == ErrorKind.RATE_LIMITED
                        && Duration.ofSeconds(30).equals(o.retryAfter()) && o.requests() == 1).isPresent()
                && report.find("2 s of latency").filter(o -> o.error() == ErrorKind.TIMEOUT
                        && o.elapsed().compareTo(SLOW_ANSWER) < 0).isPresent()
                && report.find("an unknown").filter(o -> o.error() == null && o.outcome().startsWith("handled: 404")
                        && o.elapsed().compareTo(SLOW_ANSWER) < 0).isPresent()
                && report.find("503 (").filter(o -> o.error() == ErrorKind.UNAVAILABLE && o.requests() == 1).isPresent();
    }

    /** Runs the example alone (see {@link ExampleServices}). */
    public static void main(String[] args) {
        Example.launch(args, Resilience::run);
    }
}
