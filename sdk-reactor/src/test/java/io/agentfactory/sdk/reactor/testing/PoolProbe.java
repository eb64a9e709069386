package io.agentfactory.sdk.reactor.testing;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;

/**
 * A real connection pool whose gauges a test can read: a {@link ConnectionProvider} built with
 * metrics and a {@link ConnectionProvider.MeterRegistrar} that keeps each per-remote-address
 * {@link ConnectionPoolMetrics} (acquired, idle, pending) instead of publishing them. Give
 * {@link #provider()} to the client under test, then assert the pool went back to idle.
 */
public final class PoolProbe implements AutoCloseable {

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
                .metrics(true, () -> registrar)
                .build();
    }

    /** A probed pool of at most {@code maxConnections} connections per remote address. */
    public static PoolProbe create(String name, int maxConnections) {
        return new PoolProbe(name, maxConnections, 2 * maxConnections);
    }

    /**
     * A probed pool where up to {@code pendingAcquireMaxCount} requests may wait for a connection
     * (Reactor Netty's default is twice the pool size; load tests run more callers than that).
     */
    public static PoolProbe create(String name, int maxConnections, int pendingAcquireMaxCount) {
        return new PoolProbe(name, maxConnections, pendingAcquireMaxCount);
    }

    /** The pool to hand to the client under test. */
    public ConnectionProvider provider() {
        return provider;
    }

    /** Connections currently lent out, over every remote address. */
    public int acquired() {
        return pools.values().stream().mapToInt(ConnectionPoolMetrics::acquiredSize).sum();
    }

    /** Connections open and idle in the pool, over every remote address. */
    public int idle() {
        return pools.values().stream().mapToInt(ConnectionPoolMetrics::idleSize).sum();
    }

    /** Requests waiting for a connection, over every remote address. */
    public int pending() {
        return pools.values().stream().mapToInt(ConnectionPoolMetrics::pendingAcquireSize).sum();
    }

    /** Connections the pool holds open (lent out or idle). */
    public int allocated() {
        return pools.values().stream().mapToInt(ConnectionPoolMetrics::allocatedSize).sum();
    }

    /** Whether the pool has been used at all (it registers its gauges on first connection). */
    public boolean used() {
        return !pools.isEmpty();
    }

    /**
     * Waits until nothing is lent out and nothing waits for a connection. Release after a cancel
     * happens on the event loop, after the cancelling call returned, so this polls the gauges,
     * returning as soon as they read idle.
     *
     * @throws AssertionError with the last readings when the pool is not idle within {@code timeout}
     */
    public void awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acquired() != 0 || pending() != 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("pool not idle after " + timeout + ": " + this);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }

    @Override
    public String toString() {
        return "PoolProbe[acquired=" + acquired() + ", idle=" + idle() + ", pending=" + pending() + ", allocated="
                + allocated() + "]";
    }

    /** Disposes the pool. */
    @Override
    public void close() {
        provider.disposeLater().block(Duration.ofSeconds(10));
    }
}
