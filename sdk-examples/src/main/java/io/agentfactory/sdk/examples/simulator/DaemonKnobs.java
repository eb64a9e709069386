package io.agentfactory.sdk.examples.simulator;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * Daemon conditions a test switches at run time: a daemon still starting, a saturated workarea
 * pool, a kit source that cannot be fetched. Thread-safe; setters chain.
 */
public final class DaemonKnobs {

    private final AtomicInteger startingRequests = new AtomicInteger();
    private volatile @Nullable RetryAfter poolSaturated;
    private volatile boolean kitSourceFetchFails;

    DaemonKnobs() {
    }

    /**
     * Answers the next {@code count} daemon requests, whatever the route, with 503
     * {@code {"error":"daemon is still starting","status":"starting"}} and {@code Retry-After: 1}.
     */
    public DaemonKnobs startingRequests(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        startingRequests.set(count);
        return this;
    }

    /**
     * Makes workarea restores answer 503 (pool saturated) with this {@code Retry-After} until
     * {@link #poolAvailable()}.
     */
    public DaemonKnobs poolSaturated(RetryAfter retryAfter) {
        this.poolSaturated = Objects.requireNonNull(retryAfter, "retryAfter");
        return this;
    }

    /** Restores succeed again. */
    public DaemonKnobs poolAvailable() {
        this.poolSaturated = null;
        return this;
    }

    /** Makes kit installs from a {@code git} source answer 502 (fetching the source failed). */
    public DaemonKnobs kitSourceFetchFails(boolean fails) {
        this.kitSourceFetchFails = fails;
        return this;
    }

    /** Back to a started daemon with a free pool and reachable kit sources. */
    public DaemonKnobs reset() {
        startingRequests.set(0);
        poolSaturated = null;
        kitSourceFetchFails = false;
        return this;
    }

    /** Whether this request is answered "still starting" (and counts it). */
    boolean takeStarting() {
        return startingRequests.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    @Nullable RetryAfter poolSaturation() {
        return poolSaturated;
    }

    boolean kitSourceFetchFails() {
        return kitSourceFetchFails;
    }
}
