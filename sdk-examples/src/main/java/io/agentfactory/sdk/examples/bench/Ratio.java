package io.agentfactory.sdk.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.jspecify.annotations.Nullable;

/**
 * A ratio of the SDK to a baseline, taken round by round: each round ran both back to back, so
 * noise from the shared machine hits both sides of a ratio alike. {@code target} is the smallest
 * acceptable median; {@code null} when there is none.
 *
 * @param benchmark the benchmark
 * @param name e.g. {@code SDK/raw Reactor Netty}
 * @param metric what is divided, e.g. {@code req/s}
 * @param spread the per-round ratios
 * @param target the smallest acceptable median, if any
 * @param strictlyAbove whether the median must exceed the target rather than reach it ("ahead of")
 */
record Ratio(String benchmark, String name, String metric, Spread spread, @Nullable Double target,
        boolean strictlyAbove) {

    /** The per-round ratios {@code sdk[i] / baseline[i]} of {@code value}. */
    static <T> Spread paired(List<T> sdk, List<T> baseline, ToDoubleFunction<T> value) {
        if (sdk.size() != baseline.size()) {
            throw new IllegalArgumentException("unpaired runs: " + sdk.size() + " vs " + baseline.size());
        }
        List<Double> ratios = new ArrayList<>(sdk.size());
        for (int i = 0; i < sdk.size(); i++) {
            ratios.add(value.applyAsDouble(sdk.get(i)) / value.applyAsDouble(baseline.get(i)));
        }
        return Spread.of(ratios);
    }

    /** Whether the median meets the target; {@code null} without a target. */
    @Nullable Boolean met() {
        if (target == null) {
            return null;
        }
        return strictlyAbove ? spread.median() > target : spread.median() >= target;
    }

    /** The target as text, e.g. {@code ≥ 0.90×}, or {@code —}. */
    String targetText() {
        return target == null ? "—" : (strictlyAbove ? "> " : "≥ ") + String.format(Locale.ROOT, "%.2f×", target);
    }

    /** {@code met}, {@code missed by 12 %} or {@code —}. */
    String verdict() {
        Boolean met = met();
        if (met == null) {
            return "—";
        }
        if (met) {
            return "met";
        }
        return String.format(Locale.ROOT, "missed by %.0f %%", (target - spread.median()) / target * 100);
    }
}
