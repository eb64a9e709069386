package io.agentfactory.sdk.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.agentfactory.sdk.reactor.WarmupOptions;
import io.agentfactory.sdk.reactor.coordinator.CoordinatorClientOptions;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.reactor.internal.json.JsonCodec;
import io.agentfactory.sdk.session.SessionsListResponse;

/**
 * One round of the cold-start benchmark: a fresh JVM, started by {@link ColdStartBenchmark}, that
 * does what a service does when it starts — set up logging, build a {@link ReactorCoordinatorClient},
 * optionally {@code warmup()} it, make its first {@code getSessions} call — and then keeps calling,
 * one call at a time, to trace the warm-up curve. It timestamps each step on its own clock and its
 * entry into {@code main} on the wall clock, so that the parent can add the JVM's own start-up.
 *
 * <p>Arguments, {@code key=value}: {@code url}, {@code warmup} ({@code none}, {@code local}: {@code warmup()},
 * {@code connection}: {@code warmup(WarmupOptions.withConnection())}),
 * {@code calls} (the first call included), {@code sessions} (the count every answer must hold),
 * {@code out} (where the {@link Report} is written as JSON). Nothing but the steps measured runs
 * before the first answer: the arguments are parsed by hand, the report is written at the end.
 */
public final class ColdStartJvm {

    private static final Duration CALL_LIMIT = Duration.ofSeconds(30);

    private ColdStartJvm() {
    }

    /**
     * Runs the round as the arguments say and writes its report.
     *
     * @param args {@code key=value} pairs, see the class documentation
     */
    public static void main(String[] args) throws IOException {
        long mainEpochMillis = System.currentTimeMillis();
        long main = System.nanoTime();
        String url = null;
        String out = null;
        String warmup = "none";
        int calls = 1;
        int sessions = -1;
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String key = arg.substring(0, equals);
            String value = arg.substring(equals + 1);
            switch (key) {
                case "url" -> url = value;
                case "out" -> out = value;
                case "warmup" -> warmup = value;
                case "calls" -> calls = Integer.parseInt(value);
                case "sessions" -> sessions = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown argument " + key);
            }
        }
        if (url == null || out == null || calls < 1) {
            throw new IllegalArgumentException("url=, out= and calls>=1 are required");
        }

        Benchmarks.quietLogging();
        long logging = System.nanoTime();
        long[] latencies = new long[calls];
        long client;
        long warmed;
        long firstAnswer;
        try (ReactorCoordinatorClient coordinator = ReactorCoordinatorClient.create(
                CoordinatorClientOptions.builder(url).build())) {
            client = System.nanoTime();
            switch (warmup) {
                case "none" -> { }
                case "local" -> coordinator.warmup().block(CALL_LIMIT);
                case "connection" -> coordinator.warmup(WarmupOptions.withConnection()).block(CALL_LIMIT);
                default -> throw new IllegalArgumentException("warmup must be none, local or connection: " + warmup);
            }
            warmed = warmup.equals("none") ? client : System.nanoTime();
            check(coordinator.getSessions().block(CALL_LIMIT), sessions);
            firstAnswer = System.nanoTime();
            latencies[0] = firstAnswer - warmed;
            for (int i = 1; i < calls; i++) {
                long start = System.nanoTime();
                check(coordinator.getSessions().block(CALL_LIMIT), sessions);
                latencies[i] = System.nanoTime() - start;
            }
        }
        Report report = new Report(warmup, mainEpochMillis, logging - main, client - logging, warmed - client,
                firstAnswer - warmed, firstAnswer - main, latencies);
        Files.write(Path.of(out), JsonCodec.get().encode(report));
    }

    private static void check(SessionsListResponse answer, int sessions) {
        if (answer == null || (sessions >= 0 && answer.sessions().size() != sessions)) {
            throw new IllegalStateException("getSessions answered " + answer + ", expected " + sessions + " sessions");
        }
    }

    /**
     * What one round measured, on the child's clock unless said otherwise.
     *
     * @param warmup the warm-up before the first call: {@code none}, {@code local} or {@code connection}
     * @param mainEpochMillis the wall-clock time {@code main} was entered (for the JVM's start-up, by the parent)
     * @param loggingNanos setting up logging (what a service has done before building a client)
     * @param clientNanos building the client
     * @param warmupNanos {@code warmup()}, 0 without
     * @param firstCallNanos the first {@code getSessions}, from after the client (and warm-up) to its answer
     * @param mainToFirstAnswerNanos from {@code main} to the first answer
     * @param latencies every call's latency in order, the first included
     */
    record Report(String warmup, long mainEpochMillis, long loggingNanos, long clientNanos, long warmupNanos,
            long firstCallNanos, long mainToFirstAnswerNanos, long[] latencies) {
    }
}
