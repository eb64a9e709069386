package io.agentfactory.sdk.examples.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps with the iteration order they were written in. {@code Map.of} iterates in an order that
 * changes from one JVM to the next, which would make the simulator's bytes differ between runs.
 */
final class Ordered {

    private Ordered() {
    }

    /** A mutable, insertion-ordered map of {@code key, value, key, value, …}. */
    @SuppressWarnings("unchecked")
    static <V> Map<String, V> map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return map;
    }
}
