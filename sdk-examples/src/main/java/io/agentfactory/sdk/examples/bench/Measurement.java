package io.agentfactory.sdk.examples.bench;

/**
 * One line of {@code benchmarks.csv}: a metric of one variant in one benchmark, over its runs.
 *
 * @param benchmark e.g. {@code unary getSessions c=64}
 * @param variant e.g. {@code SDK}, or {@code SDK/raw Reactor Netty} for a ratio
 * @param metric e.g. {@code throughput}
 * @param unit e.g. {@code req/s}
 * @param spread the measurements' min, median and max
 */
record Measurement(String benchmark, String variant, String metric, String unit, Spread spread) {
}
