package io.agentfactory.sdk.examples.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

import org.jspecify.annotations.Nullable;

/**
 * Request/response throughput of several {@link CallVariant}s of the same call, interleaved: after
 * a warm-up, each round runs every variant's calls in slices, the variants taking turns slice by
 * slice in an order rotated each time (A B C, B C A, C A B, …), so that a burst of load elsewhere on
 * the machine, which lasts seconds, falls on every variant alike. A variant's slices in a round add
 * up to one run. The first variant is the SDK; ratios are SDK over each other variant, per round.
 */
final class UnaryBenchmark {

    private static final Duration RUN_LIMIT = Duration.ofMinutes(3);

    private UnaryBenchmark() {
    }

    /**
     * Runs the benchmark; blocks.
     *
     * @param name the benchmark's name in the report, e.g. {@code unary getSessions c=64}
     * @param variants the SDK first, then the baselines
     * @param calls calls per variant and round, made in {@code slices} slices
     * @param targets per baseline name, the smallest acceptable median SDK/baseline ratio, and
     *        whether it must be exceeded
     * @throws IllegalStateException when the variants do not decode the same value
     */
    static Result run(String name, List<CallVariant> variants, int concurrency, int warmupCalls, int calls,
            int slices, int rounds, Map<String, Target> targets) {
        checkSameAnswer(variants);
        for (CallVariant variant : variants) {
            ClosedLoop.run(variant, warmupCalls, concurrency, RUN_LIMIT);
        }
        Map<String, List<ClosedLoop.Run>> runs = new LinkedHashMap<>();
        variants.forEach(v -> runs.put(v.name(), new ArrayList<>()));
        int turn = 0;
        for (int round = 0; round < rounds; round++) {
            Map<String, List<ClosedLoop.Run>> roundSlices = new LinkedHashMap<>();
            variants.forEach(v -> roundSlices.put(v.name(), new ArrayList<>()));
            for (int slice = 0; slice < slices; slice++, turn++) {
                for (int i = 0; i < variants.size(); i++) {
                    CallVariant variant = variants.get((turn + i) % variants.size());
                    int sliceCalls = calls / slices + (slice < calls % slices ? 1 : 0);
                    roundSlices.get(variant.name()).add(ClosedLoop.run(variant, sliceCalls, concurrency, RUN_LIMIT));
                }
            }
            roundSlices.forEach((variant, done) -> runs.get(variant).add(ClosedLoop.Run.merge(done)));
        }
        List<ClosedLoop.Run> sdk = runs.get(variants.get(0).name());
        List<Ratio> ratios = new ArrayList<>();
        for (CallVariant baseline : variants.subList(1, variants.size())) {
            Target target = targets.get(baseline.name());
            ratios.add(new Ratio(name, variants.get(0).name() + "/" + baseline.name(), "req/s",
                    Ratio.paired(sdk, runs.get(baseline.name()), ClosedLoop.Run::callsPerSecond),
                    target == null ? null : target.ratio(), target != null && target.strictlyAbove()));
        }
        return new Result(name, concurrency, calls, slices, rounds, runs, ratios);
    }

    /** The SDK's answer decoded, and every baseline's, must be equal records: the same work done. */
    private static void checkSameAnswer(List<CallVariant> variants) {
        @Nullable Object expected = null;
        for (CallVariant variant : variants) {
            Object value = variant.call().block(RUN_LIMIT);
            if (value == null) {
                throw new IllegalStateException(variant.name() + " answered nothing");
            }
            if (expected == null) {
                expected = value;
            }
            else if (!Objects.equals(expected, value)) {
                throw new IllegalStateException(variant.name() + " decoded another value than " + variants.get(0).name());
            }
        }
    }

    /**
     * A target ratio of the SDK to one baseline.
     *
     * @param ratio the smallest acceptable median ratio
     * @param strictlyAbove whether the median must exceed it
     */
    record Target(double ratio, boolean strictlyAbove) {
    }

    /**
     * The runs of every variant, in round order, and the SDK's ratios.
     *
     * @param name the benchmark
     * @param concurrency calls in flight
     * @param calls calls per run
     * @param slices the slices each run was made in
     * @param rounds measured rounds
     * @param runs per variant (SDK first), one run per round
     * @param ratios SDK over each baseline
     */
    record Result(String name, int concurrency, int calls, int slices, int rounds,
            Map<String, List<ClosedLoop.Run>> runs, List<Ratio> ratios) {

        /** {@code value} over the runs of {@code variant}. */
        Spread spread(String variant, ToDoubleFunction<ClosedLoop.Run> value) {
            return Spread.of(runs.get(variant).stream().map(value::applyAsDouble).toList());
        }

        /** Every metric of every variant, for the CSV. */
        List<Measurement> measurements() {
            List<Measurement> rows = new ArrayList<>();
            for (String variant : runs.keySet()) {
                rows.add(new Measurement(name, variant, "throughput", "req/s", spread(variant, ClosedLoop.Run::callsPerSecond)));
                rows.add(new Measurement(name, variant, "latency p50", "µs", spread(variant, r -> r.p50Nanos() / 1e3)));
                rows.add(new Measurement(name, variant, "latency p99", "µs", spread(variant, r -> r.p99Nanos() / 1e3)));
                rows.add(new Measurement(name, variant, "latency p999", "µs", spread(variant, r -> r.p999Nanos() / 1e3)));
                rows.add(new Measurement(name, variant, "latency p99/p50", "x", spread(variant, ClosedLoop.Run::p99OverP50)));
                rows.add(new Measurement(name, variant, "client CPU", "µs/call", spread(variant, ClosedLoop.Run::clientCpuMicrosPerCall)));
                rows.add(new Measurement(name, variant, "server CPU", "µs/call", spread(variant, ClosedLoop.Run::serverCpuMicrosPerCall)));
                rows.add(new Measurement(name, variant, "client allocation", "B/call", spread(variant, ClosedLoop.Run::clientBytesPerCall)));
                rows.add(new Measurement(name, variant, "server allocation", "B/call", spread(variant, ClosedLoop.Run::serverBytesPerCall)));
            }
            return rows;
        }
    }
}
