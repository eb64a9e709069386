package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference's PageRank over a directed graph: damping 0.85, at most 100 Jacobi iterations,
 * stopping once no score moved by 1e-6 or more; scores start at {@code 1/N}, and each iteration sets
 * {@code score(v) = (1-d)/N + d * sum(score(u) / outDegree(u))} over the in-links {@code u} of
 * {@code v}, taken in node order. Nodes are sorted. Kept for parity: the score of a node without
 * out-links (dangling) is not redistributed, so the scores need not sum to 1; and the out-degree
 * counts links to targets that are not nodes, whose share is lost. Pure CPU work.
 */
final class PageRank {

    static final double DAMPING = 0.85;
    static final int MAX_ITERATIONS = 100;
    static final double TOLERANCE = 1e-6;

    private PageRank() {
    }

    /**
     * The scores of the nodes of {@code adjacency} (node to the targets it links to; a target that
     * is not a key counts towards the out-degree only; repeated targets count once).
     */
    static Map<String, Double> compute(Map<String, ? extends Collection<String>> adjacency) {
        List<String> nodes = new ArrayList<>(adjacency.keySet());
        nodes.sort(null);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i), i);
        }
        int[] outDegree = new int[nodes.size()];
        int[][] targets = new int[nodes.size()][];
        for (int from = 0; from < nodes.size(); from++) {
            Set<String> distinct = new LinkedHashSet<>(adjacency.get(nodes.get(from)));
            outDegree[from] = distinct.size();
            targets[from] = distinct.stream().map(index::get).filter(to -> to != null).mapToInt(Integer::intValue).toArray();
        }
        double[] scores = compute(targets, outDegree);
        Map<String, Double> out = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            out.put(nodes.get(i), scores[i]);
        }
        return out;
    }

    /**
     * The scores of nodes {@code 0..N-1} in sorted order.
     *
     * @param targets per node, the nodes it links to (distinct)
     * @param outDegree per node, its out-degree (at least {@code targets[i].length})
     */
    static double[] compute(int[][] targets, int[] outDegree) {
        int n = targets.length;
        if (n == 0) {
            return new double[0];
        }
        int[] inCount = new int[n];
        for (int[] links : targets) {
            for (int to : links) {
                inCount[to]++;
            }
        }
        int[][] inLinks = new int[n][];
        for (int i = 0; i < n; i++) {
            inLinks[i] = new int[inCount[i]];
        }
        int[] filled = new int[n];
        for (int from = 0; from < n; from++) { // ascending, so each in-link list is in node order
            for (int to : targets[from]) {
                inLinks[to][filled[to]++] = from;
            }
        }
        double base = (1 - DAMPING) / n;
        double[] scores = new double[n];
        java.util.Arrays.fill(scores, 1.0 / n);
        double[] next = new double[n];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double maxDelta = 0;
            for (int v = 0; v < n; v++) {
                double sum = 0;
                for (int u : inLinks[v]) {
                    sum += scores[u] / outDegree[u];
                }
                next[v] = base + DAMPING * sum;
                maxDelta = Math.max(maxDelta, Math.abs(next[v] - scores[v]));
            }
            double[] swap = scores;
            scores = next;
            next = swap;
            if (maxDelta < TOLERANCE) {
                break;
            }
        }
        return scores;
    }
}
