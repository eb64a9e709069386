package io.agentfactory.sdk.examples.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The simulator's time: it starts at a fixed instant and moves only when the simulation ticks, so
 * every timestamp a client sees is reproducible.
 */
final class SimClock extends Clock {

    private volatile Instant now;

    SimClock(Instant start) {
        this.now = start;
    }

    void advance(Duration step) {
        now = now.plus(step);
    }

    /** Now, as the RFC 3339 text the services write. */
    String stamp() {
        return now.toString();
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("the simulated clock is UTC only");
        }
        return this;
    }
}
