package io.agentfactory.sdk.reactor.observation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/** Records every observation's context when it stops, for exact assertions on names and key values. */
final class StoppedObservations implements ObservationHandler<Observation.Context> {

    private final ConcurrentLinkedQueue<Observation.Context> stopped = new ConcurrentLinkedQueue<>();

    @Override
    public boolean supportsContext(Observation.Context context) {
        return true;
    }

    @Override
    public void onStop(Observation.Context context) {
        stopped.add(context);
    }

    /** The stopped observations named {@code name}, in stopping order. */
    List<Observation.Context> named(String name) {
        return stopped.stream().filter(c -> name.equals(c.getName())).toList();
    }

    void clear() {
        stopped.clear();
    }

    static Map<String, String> low(Observation.Context context) {
        return asMap(context.getLowCardinalityKeyValues());
    }

    static Map<String, String> high(Observation.Context context) {
        return asMap(context.getHighCardinalityKeyValues());
    }

    private static Map<String, String> asMap(Iterable<KeyValue> values) {
        Map<String, String> map = new TreeMap<>();
        values.forEach(kv -> map.put(kv.getKey(), kv.getValue()));
        return map;
    }
}
