package io.agentfactory.sdk.examples.simulator;

import java.time.Instant;

import io.agentfactory.sdk.session.ActivityEvent;

/**
 * An activity published through {@link AgentFactorySimulator#publishActivity}: the event as pollers
 * will see it, and when it became visible.
 *
 * @param sessionId the session it belongs to
 * @param event the event, exactly as {@code GET /api/public/session-activities} will serve it
 * @param publishedAt the simulated time of publication (the event's {@code timestamp})
 * @param publishedNanos {@link System#nanoTime()} at publication, to measure delivery latency
 */
public record PublishedActivity(String sessionId, ActivityEvent event, Instant publishedAt, long publishedNanos) {

    /** The event id. */
    public String eventId() {
        return event.id();
    }
}
