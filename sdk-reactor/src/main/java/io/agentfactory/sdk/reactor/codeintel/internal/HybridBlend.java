package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of the embedding rescorer: cosine similarity, min-max normalisation (a constant
 * column becomes zeros) and the convex blend {@code alpha · minmax(cosine) + (1 - alpha) ·
 * minmax(previous)}. Not API.
 */
public final class HybridBlend {

    private HybridBlend() {
    }

    /** The cosine of two vectors of one dimension; {@code 0} when either has zero length. */
    public static double cosine(double[] a, double[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        if (normA == 0 || normB == 0) {
            return 0;
        }
        return dot / (Math.sqrt(normA) * Math.sqrt(normB));
    }

    /** {@code values} rescaled to [0, 1]; all zeros when they are all equal. */
    public static double[] minMax(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double span = hi - lo;
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = span == 0 ? 0 : (values[i] - lo) / span;
        }
        return out;
    }

    /** The blended scores, one per position. */
    public static List<Double> blend(double[] cosines, double[] previous, double alpha) {
        double[] c = minMax(cosines);
        double[] p = minMax(previous);
        List<Double> scores = new ArrayList<>(c.length);
        for (int i = 0; i < c.length; i++) {
            scores.add(alpha * c[i] + (1 - alpha) * p[i]);
        }
        return scores;
    }
}
