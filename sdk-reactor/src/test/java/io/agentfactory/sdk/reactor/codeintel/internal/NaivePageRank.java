package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An independent statement of the reference's PageRank loop, written the obvious way on maps, for tests. */
public final class NaivePageRank {

    private NaivePageRank() {
    }

    /** The scores of {@code graph} (every node a key; targets that are not keys count in the out-degree). */
    public static Map<String, Double> of(Map<String, Set<String>> graph) {
        List<String> nodes = new ArrayList<>(graph.keySet());
        nodes.sort(null);
        int n = nodes.size();
        Map<String, List<String>> in = new HashMap<>();
        nodes.forEach(v -> in.put(v, new ArrayList<>()));
        for (String from : nodes) {
            for (String to : graph.get(from)) {
                if (in.containsKey(to)) {
                    in.get(to).add(from);
                }
            }
        }
        Map<String, Double> scores = new HashMap<>();
        nodes.forEach(v -> scores.put(v, 1.0 / n));
        for (int iteration = 0; iteration < 100; iteration++) {
            Map<String, Double> next = new HashMap<>();
            double delta = 0;
            for (String v : nodes) {
                double sum = 0;
                for (String u : in.get(v)) {
                    sum += scores.get(u) / graph.get(u).size();
                }
                next.put(v, 0.15 / n + 0.85 * sum);
                delta = Math.max(delta, Math.abs(next.get(v) - scores.get(v)));
            }
            scores.putAll(next);
            if (delta < 1e-6) {
                break;
            }
        }
        return scores;
    }
}
