package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class PageRankTest {

    private static final double EXACT = 1e-9;

    @Test
    void aHubImportedByThreeFilesEndsAtBasePlusTheirShares() {
        // The reference's hub graph. Iteration 2 gives every file without in-links (1-d)/N = 0.03,
        // and the hub 0.03 + 0.85 * 3 * 0.03; iteration 3 changes nothing, so that is the result.
        Map<String, Double> scores = PageRank.compute(Map.of("hub", Set.of(), "leaf", Set.of(),
                "i1", Set.of("hub"), "i2", Set.of("hub"), "i3", Set.of("hub")));

        assertThat(scores).hasSize(5);
        assertThat(scores.get("hub")).isCloseTo(0.03 + 0.85 * 0.09, within(EXACT));
        assertThat(scores.get("leaf")).isCloseTo(0.03, within(EXACT));
        assertThat(scores.get("i1")).isCloseTo(0.03, within(EXACT));
        assertThat(scores.get("hub")).isGreaterThan(scores.get("leaf")).isGreaterThan(0.0);
    }

    @Test
    void aChainIsExactAfterItsDepthPlusOneIterations() {
        Map<String, Double> scores = PageRank.compute(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of()));

        assertThat(scores.get("a")).isCloseTo(0.05, within(EXACT));
        assertThat(scores.get("b")).isCloseTo(0.05 + 0.85 * 0.05, within(EXACT));
        assertThat(scores.get("c")).isCloseTo(0.05 + 0.85 * (0.05 + 0.85 * 0.05), within(EXACT));
    }

    @Test
    void aCycleKeepsTheUniformScoreAndRepeatedRunsAgreeExactly() {
        Map<String, Set<String>> cycle = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"));

        Map<String, Double> first = PageRank.compute(cycle);
        Map<String, Double> second = PageRank.compute(new TreeMap<>(cycle));

        assertThat(first).isEqualTo(second);
        first.values().forEach(score -> assertThat(score).isCloseTo(1.0 / 3, within(EXACT)));
    }

    @Test
    void anEmptyGraphHasNoScores() {
        assertThat(PageRank.compute(Map.of())).isEmpty();
        assertThat(PageRank.compute(new int[0][], new int[0])).isEmpty();
    }

    @Test
    void danglingMassIsNotRedistributedSoScoresDoNotSumToOne() {
        Map<String, Double> scores = PageRank.compute(Map.of("a", Set.of("b"), "b", Set.of()));

        // a = 0.075, b = 0.075 + 0.85 * 0.075; the sum is well below 1.
        assertThat(scores.get("a")).isCloseTo(0.075, within(EXACT));
        assertThat(scores.get("b")).isCloseTo(0.075 + 0.85 * 0.075, within(EXACT));
        assertThat(scores.values().stream().mapToDouble(Double::doubleValue).sum()).isLessThan(0.3);
    }

    @Test
    void linksToTargetsThatAreNotNodesStillCountInTheOutDegree() {
        // a links to b and to "gone" (not a node): b gets half of a's score, the other half is lost.
        Map<String, Double> scores = PageRank.compute(Map.of("a", Set.of("b", "gone"), "b", Set.of()));

        assertThat(scores).containsOnlyKeys("a", "b");
        assertThat(scores.get("b")).isCloseTo(0.075 + 0.85 * 0.075 / 2, within(EXACT));
    }

    @Test
    void matchesAnIndependentPowerIterationOnARandomCyclicGraph() {
        Random random = new Random(17);
        Map<String, Set<String>> graph = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            Set<String> links = new java.util.HashSet<>();
            int degree = random.nextInt(4);
            for (int k = 0; k < degree; k++) {
                links.add("n" + random.nextInt(60));
            }
            if (random.nextInt(10) == 0) {
                links.add("outside" + i);
            }
            graph.put("n" + i, links);
        }

        Map<String, Double> scores = PageRank.compute(graph);
        Map<String, Double> expected = NaivePageRank.of(graph);

        assertThat(scores).containsOnlyKeys(expected.keySet());
        expected.forEach((node, score) -> assertThat(scores.get(node)).as(node).isCloseTo(score, within(EXACT)));
    }
}
