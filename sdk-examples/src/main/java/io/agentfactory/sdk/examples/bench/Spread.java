package io.agentfactory.sdk.examples.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * The minimum, median and maximum of a few repeated measurements: on a shared, noisy machine the
 * spread says as much as the middle.
 *
 * @param n how many measurements
 * @param min the smallest
 * @param median the middle one (the mean of the two middle ones for an even count)
 * @param max the largest
 */
record Spread(int n, double min, double median, double max) {

    /** The spread of {@code values}; at least one is required. */
    static Spread of(Collection<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Spread(n, sorted[0], median, sorted[n - 1]);
    }

    /** One measurement. */
    static Spread single(double value) {
        return new Spread(1, value, value, value);
    }

    /**
     * The value at {@code percentile} (0–100, nearest rank) of {@code sorted}, which must be in
     * ascending order.
     */
    static long percentile(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** A sorted copy. */
    static long[] sorted(long[] samples) {
        long[] copy = samples.clone();
        Arrays.sort(copy);
        return copy;
    }
}
