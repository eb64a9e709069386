package io.agentfactory.sdk.reactor.faults;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;

/**
 * A real connection pool whose gauges a test can read: built with
 * {@code metrics(true, () -> registrar)}, where the {@link ConnectionProvider.MeterRegistrar} keeps
 * each per-address {@link ConnectionPoolMetrics} instead of publishing it. Hand
 * {@link #provider()} to the client under test, then assert the pool went back to idle.
 */
final class PoolProbe implements AutoCloseable {

    /** The gauges summed over every remote address, at one moment. */
    record Reading(int acquired, int pending, int idle, int allocated) {

        boolean idleNow() {
            return acquired == 0 && pending == 0;
        }
    }

    private final Map<SocketAddress, ConnectionPoolMetrics> pools = new ConcurrentHashMap<>();
    private final ConnectionProvider provider;

    private PoolProbe(String name, int maxConnections, int pendingAcquireMaxCount) {
        ConnectionProvider.MeterRegistrar registrar = new ConnectionProvider.MeterRegistrar() {
            @Override
            public void registerMetrics(String poolName, String id, SocketAddress remote,
                    ConnectionPoolMetrics metrics) {
                pools.put(remote, metrics);
            }
        };
        this.provider = ConnectionProvider.builder(name)
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(pendingAcquireMaxCount)
                .pendingAcquireTimeout(Duration.ofSeconds(30))
                .metrics(true, () -> registrar)
                .build();
    }

    /** A probed pool of at most {@code maxConnections} per remote address. */
    static PoolProbe create(String name, int maxConnections) {
        return new PoolProbe(name, maxConnections, 1024);
    }

    /** A probed pool with room for {@code pendingAcquireMaxCount} waiting requests. */
    static PoolProbe create(String name, int maxConnections, int pendingAcquireMaxCount) {
        return new PoolProbe(name, maxConnections, pendingAcquireMaxCount);
    }

    /** The pool to hand to the client under test. */
    ConnectionProvider provider() {
        return provider;
    }

    /** The gauges now. */
    Reading read() {
        int acquired = 0;
        int pending = 0;
        int idle = 0;
        int allocated = 0;
        for (ConnectionPoolMetrics m : pools.values()) {
            acquired += m.acquiredSize();
            pending += m.pendingAcquireSize();
            idle += m.idleSize();
            allocated += m.allocatedSize();
        }
        return new Reading(acquired, pending, idle, allocated);
    }

    /**
     * Waits until nothing is lent out and nothing waits for a connection, and returns that
     * reading. A connection goes back on the event loop after the call that used it has ended,
     * so the gauges are polled (on their own timer, never virtual time) until they read idle.
     *
     * @throws AssertionError with the last reading when the pool is not idle within {@code timeout}
     */
    Reading awaitIdle(Duration timeout) {
        Reading idle = Flux.interval(Duration.ZERO, Duration.ofMillis(5), Schedulers.single())
                .map(tick -> read())
                .filter(Reading::idleNow)
                .next()
                .timeout(timeout, Schedulers.single())
                .onErrorResume(e -> Mono.empty())
                .block();
        if (idle == null) {
            throw new AssertionError("pool not idle after " + timeout + ": " + read());
        }
        return idle;
    }

    /** Disposes the pool. */
    @Override
    public void close() {
        provider.disposeLater().block(Duration.ofSeconds(10));
    }
}
