package io.agentfactory.sdk.examples.simulator;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many requests one simulated service received, per route, and how many carried each header.
 * Route keys are those of {@link SimulatedRoutes} ({@code "GET /api/public/session-activities"}),
 * or {@link SimulatedRoutes#UNMATCHED} for a path no route serves. Every request is counted on
 * arrival, whatever it is answered with (faults, 401, 503 included), so retries are visible.
 * Thread-safe.
 */
public final class RequestCounters {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> headers = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();

    RequestCounters() {
    }

    void record(String routeKey, Iterable<String> headerNames) {
        counts.computeIfAbsent(routeKey, key -> new LongAdder()).increment();
        for (String name : headerNames) {
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new LongAdder()).increment();
        }
        total.increment();
    }

    /** Requests received for {@code routeKey} (0 when none). */
    public long count(String routeKey) {
        LongAdder adder = counts.get(routeKey);
        return adder == null ? 0 : adder.sum();
    }

    /**
     * Requests that carried header {@code name} (any value; case-insensitive), e.g. to check that
     * the daemon never received {@code X-Rensei-Org} or a coordinator's {@code Authorization}.
     */
    public long carrying(String name) {
        LongAdder adder = headers.get(name.toLowerCase(Locale.ROOT));
        return adder == null ? 0 : adder.sum();
    }

    /** Requests received for every route together. */
    public long total() {
        return total.sum();
    }

    /** A sorted snapshot of the non-zero counts. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((key, adder) -> copy.put(key, adder.sum()));
        return copy;
    }

    /** Forgets every count. */
    public void reset() {
        counts.clear();
        headers.clear();
        total.reset();
    }

    @Override
    public String toString() {
        return "RequestCounters" + snapshot();
    }
}
