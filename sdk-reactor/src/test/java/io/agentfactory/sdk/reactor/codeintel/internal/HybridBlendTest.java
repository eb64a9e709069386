package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The blend's arithmetic and the embedding cache. */
class HybridBlendTest {

    @Test
    void cosineOfKnownVectors() {
        assertThat(HybridBlend.cosine(new double[] {1, 0}, new double[] {1, 1})).isCloseTo(0.7071067811865475, within(1e-12));
        assertThat(HybridBlend.cosine(new double[] {1, 2, 3}, new double[] {-1, -2, -3})).isCloseTo(-1.0, within(1e-12));
        assertThat(HybridBlend.cosine(new double[] {0, 0}, new double[] {1, 1})).isEqualTo(0.0);
    }

    @Test
    void minMaxOfAConstantColumnIsZeros() {
        assertThat(HybridBlend.minMax(new double[] {2, 2, 2})).containsExactly(0, 0, 0);
        assertThat(HybridBlend.minMax(new double[] {1, 3, 2})).containsExactly(0, 1, 0.5);
    }

    @Test
    void blendIsTheConvexCombination() {
        List<Double> scores = HybridBlend.blend(new double[] {1, 0, 0.7071067811865475}, new double[] {3, 2, 1}, 0.45);
        assertThat(scores.get(0)).isCloseTo(1.0, within(1e-9));
        assertThat(scores.get(1)).isCloseTo(0.275, within(1e-9));
        assertThat(scores.get(2)).isCloseTo(0.318198051533946, within(1e-9));
    }

    @Test
    void cacheKeysAreTheInputTypeAndTheSha256() {
        assertThat(EmbeddingCache.key("document", "abc"))
                .isEqualTo("document:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(EmbeddingCache.key("query", "abc")).startsWith("query:ba7816bf");
    }

    @Test
    void theCacheDropsTheLeastRecentlyUsed() {
        EmbeddingCache cache = new EmbeddingCache(2);
        double[] a = {1};
        cache.put("a", a);
        cache.put("b", new double[] {2});
        assertThat(cache.get("a")).isSameAs(a);
        cache.put("c", new double[] {3});
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("a")).isSameAs(a);
        assertThat(cache.get("c")).containsExactly(3);
        assertThat(cache.size()).isEqualTo(2);

        EmbeddingCache off = new EmbeddingCache(0);
        off.put("a", a);
        assertThat(off.get("a")).isNull();
        assertThat(off.size()).isZero();
    }
}
