package io.agentfactory.sdk.examples.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A closed-loop load driver: {@code calls} calls with at most {@code concurrency} in flight, the
 * next one started as soon as one completes, each call's latency from subscription to its value.
 * The same driver runs every variant, so its own overhead (one {@code flatMap} slot and one
 * {@code long} per call) is the same for all.
 */
final class ClosedLoop {

    private ClosedLoop() {
    }

    /**
     * Runs {@code calls} calls of {@code variant}; blocks until the last completes.
     *
     * @throws RuntimeException the first failure of a call, or {@link IllegalStateException} when the
     *         run takes longer than {@code limit}
     */
    static Run run(CallVariant variant, int calls, int concurrency, Duration limit) {
        long[] latencies = new long[calls];
        ThreadCosts before = ThreadCosts.take();
        long start = System.nanoTime();
        Flux.range(0, calls)
                .flatMap(i -> Mono.defer(() -> {
                    long sent = System.nanoTime();
                    return variant.call().doOnSuccess(value -> latencies[i] = System.nanoTime() - sent);
                }), concurrency, 1)
                .then()
                .block(limit);
        long wall = System.nanoTime() - start;
        ThreadCosts.Delta costs = ThreadCosts.take().since(before);
        Arrays.sort(latencies);
        return new Run(variant.name(), calls, concurrency, wall, latencies, costs);
    }

    /**
     * One run of one variant.
     *
     * @param variant the variant's name
     * @param calls calls made
     * @param concurrency calls in flight at most
     * @param wallNanos from the first call sent to the last value received
     * @param latenciesNanos every call's latency, ascending
     * @param costs CPU and allocation of the client and the server during the run
     */
    record Run(String variant, int calls, int concurrency, long wallNanos, long[] latenciesNanos,
            ThreadCosts.Delta costs) {

        /** Slices of one variant's run, taken apart in time, as one run: their calls, time and costs added up. */
        static Run merge(List<Run> slices) {
            Run first = slices.get(0);
            int calls = 0;
            long wall = 0;
            ThreadCosts.Delta costs = ThreadCosts.Delta.NONE;
            long[] latencies = new long[slices.stream().mapToInt(Run::calls).sum()];
            for (Run slice : slices) {
                System.arraycopy(slice.latenciesNanos, 0, latencies, calls, slice.calls);
                calls += slice.calls;
                wall += slice.wallNanos;
                costs = costs.plus(slice.costs);
            }
            Arrays.sort(latencies);
            return new Run(first.variant, calls, first.concurrency, wall, latencies, costs);
        }

        long p50Nanos() {
            return Spread.percentile(latenciesNanos, 50);
        }

        long p99Nanos() {
            return Spread.percentile(latenciesNanos, 99);
        }

        long p999Nanos() {
            return Spread.percentile(latenciesNanos, 99.9);
        }

        /** The tail's spread: p99 over p50. */
        double p99OverP50() {
            return (double) p99Nanos() / p50Nanos();
        }

        double callsPerSecond() {
            return calls * 1e9 / wallNanos;
        }

        double clientCpuMicrosPerCall() {
            return costs.clientCpuNanos() / 1e3 / calls;
        }

        double serverCpuMicrosPerCall() {
            return costs.serverCpuNanos() / 1e3 / calls;
        }

        double clientBytesPerCall() {
            return (double) costs.clientAllocatedBytes() / calls;
        }

        double serverBytesPerCall() {
            return (double) costs.serverAllocatedBytes() / calls;
        }
    }
}
