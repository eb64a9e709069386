/**
 * Side-by-side benchmarks of the SDK against hand-written baselines, as ratios taken in one
 * interleaved run: unary calls (SDK, raw Reactor Netty + Jackson, JDK {@code HttpClient} +
 * Jackson), a million-entry NDJSON diff through the SDK's {@code Flux} against Jackson decoding the
 * same bytes from memory, a small JSON diff, activity-follow latency, and allocation per call.
 *
 * <p>Run the full benchmark with {@code ./mvnw -q -B -Pbench -DskipTests verify}; it writes
 * {@code sdk-examples/BENCHMARKS.md} and {@code sdk-examples/benchmarks.csv}. Entry point:
 * {@link io.agentfactory.sdk.examples.bench.Benchmarks}.
 *
 * <p>The same command runs {@link io.agentfactory.sdk.examples.bench.CodeIntelBenchmark} (the
 * {@code codeintel-bench} execution): retrieval of the code index (find-symbol, locate-usage,
 * dedup; regex and parser extractors side by side) over this repository and the fixture corpus in
 * {@code sdk-examples/src/bench/corpus/}, graded by {@code git grep}, and its speed on a generated
 * 5,000-file tree; it writes {@code sdk-examples/CODEINTEL-BENCHMARKS.md} and
 * {@code sdk-examples/codeintel-benchmarks.csv}. Everything else is package-private.
 */
@NullMarked
package io.agentfactory.sdk.examples.bench;

import org.jspecify.annotations.NullMarked;
