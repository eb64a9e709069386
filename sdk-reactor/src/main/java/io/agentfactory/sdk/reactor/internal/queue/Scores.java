package io.agentfactory.sdk.reactor.internal.queue;

import java.math.BigDecimal;

/**
 * The writers' sort scores (lower is served first): work {@code clamp(priority,1,9)·10¹³ + queuedAt},
 * merge {@code clamp(priority,1,5)·10¹³ + enqueuedAt}. Not API.
 */
public final class Scores {

    private static final double PRIORITY_STEP = 1e13;

    private Scores() {
    }

    /** The work-queue score. */
    public static double work(double priority, long queuedAt) {
        return clamp(priority, 1, 9) * PRIORITY_STEP + queuedAt;
    }

    /** The merge-queue score. */
    public static double merge(double priority, long enqueuedAt) {
        return clamp(priority, 1, 5) * PRIORITY_STEP + enqueuedAt;
    }

    /** A score as Redis should receive it: an integer in plain digits when it is one. */
    public static String argument(double score) {
        return new BigDecimal(score).stripTrailingZeros().toPlainString();
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
