package io.agentfactory.sdk.examples.bench;

import java.time.Duration;
import java.util.List;

import io.agentfactory.sdk.session.ActivityFollowRequest;

/**
 * How big each benchmark is: {@link #full()} for the documented run, {@link #smoke()} for the test
 * that keeps the harness from rotting (every benchmark, tiny sizes, seconds).
 *
 * @param mode {@code full} or {@code smoke}
 * @param unaryCalls calls per unary run
 * @param unarySlices the interleaved slices a unary run (and a small-diff run) is made in
 * @param unaryRounds measured rounds of the unary benchmarks (after one warm-up run per variant)
 * @param concurrencies the unary benchmarks' concurrency levels
 * @param smallDiffEntries entries of the small JSON diff
 * @param smallDiffCalls calls per small-diff run
 * @param largeDiffEntries entries of the large NDJSON diff
 * @param diffWarmupRounds warm-up rounds of the streaming diff (after the cold run)
 * @param diffRounds measured rounds of the streaming diff
 * @param followPollInterval the followers' poll interval
 * @param followWindow how long events are published
 * @param followMeanGap the mean time between two published events
 * @param serverThreads event-loop threads of the benchmark server
 */
record BenchSettings(String mode, int unaryCalls, int unarySlices, int unaryRounds, List<Integer> concurrencies, int smallDiffEntries,
        int smallDiffCalls, long largeDiffEntries, int diffWarmupRounds, int diffRounds, Duration followPollInterval,
        Duration followWindow, Duration followMeanGap, int serverThreads) {

    /** The documented run: the sizes the issue asks for; about five minutes on two cores. */
    static BenchSettings full() {
        return new BenchSettings("full", 20_000, 10, 5, List.of(1, 64), 50, 5_000, 1_000_000, 2, 8,
                ActivityFollowRequest.DEFAULT_POLL_INTERVAL, Duration.ofSeconds(60), Duration.ofMillis(200), 1);
    }

    /** Every benchmark with tiny sizes and a short poll interval: seconds, for CI. */
    static BenchSettings smoke() {
        return new BenchSettings("smoke", 100, 2, 2, List.of(1, 64), 50, 50, 3_000, 1, 2,
                Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofMillis(20), 1);
    }

    /** The settings named {@code mode}. */
    static BenchSettings of(String mode) {
        return switch (mode) {
            case "full" -> full();
            case "smoke" -> smoke();
            default -> throw new IllegalArgumentException("mode must be full or smoke: " + mode);
        };
    }
}
