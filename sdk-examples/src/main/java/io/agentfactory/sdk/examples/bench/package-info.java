/**
 * Side-by-side benchmarks of the SDK against hand-written baselines, as ratios taken in one
 * interleaved run: unary calls (SDK, raw Reactor Netty + Jackson, JDK {@code HttpClient} +
 * Jackson), a million-entry NDJSON diff through the SDK's {@code Flux} against Jackson decoding the
 * same bytes from memory, a small JSON diff, activity-follow latency, and allocation per call.
 *
 * <p>Run the full benchmark with {@code ./mvnw -q -B -Pbench -DskipTests verify}; it writes
 * {@code sdk-examples/BENCHMARKS.md} and {@code sdk-examples/benchmarks.csv}. Entry point:
 * {@link io.agentfactory.sdk.examples.bench.Benchmarks}. Everything else is package-private.
 */
@NullMarked
package io.agentfactory.sdk.examples.bench;

import org.jspecify.annotations.NullMarked;
