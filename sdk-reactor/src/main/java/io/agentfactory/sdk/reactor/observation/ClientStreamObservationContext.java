package io.agentfactory.sdk.reactor.observation;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.observation.Observation;

/**
 * The context of one stream ({@link ClientObservationDocumentation#STREAM}): how many elements it
 * delivered and how it ended.
 */
public final class ClientStreamObservationContext extends Observation.Context {

    /** How a stream ended. */
    public enum Ending {
        /** Still running. */
        OPEN,
        /** The stream completed. */
        COMPLETE,
        /** The subscriber cancelled. */
        CANCEL,
        /** The stream failed; the failure is the context's error. */
        ERROR
    }

    private final String client;
    private final String stream;
    private final String routeTemplate;
    private final AtomicLong delivered = new AtomicLong();
    private volatile Ending ending = Ending.OPEN;

    /**
     * @param client {@code coordinator} or {@code daemon}
     * @param stream the stream's name: {@code followActivities} or {@code streamDiff}
     * @param routeTemplate the template of the route it reads, ids masked
     */
    public ClientStreamObservationContext(String client, String stream, String routeTemplate) {
        this.client = client;
        this.stream = stream;
        this.routeTemplate = routeTemplate;
    }

    /** {@code coordinator} or {@code daemon}. */
    public String client() {
        return client;
    }

    /** The stream's name. */
    public String stream() {
        return stream;
    }

    /** The template of the route the stream reads. */
    public String routeTemplate() {
        return routeTemplate;
    }

    /** Elements delivered so far. */
    public long delivered() {
        return delivered.get();
    }

    /** How the stream ended ({@link Ending#OPEN} while it runs). */
    public Ending ending() {
        return ending;
    }

    /** Counts one delivered element (by the SDK). */
    public void countDelivered() {
        delivered.incrementAndGet();
    }

    /** Records how the stream ended (by the SDK). */
    public void end(Ending how) {
        this.ending = how;
    }
}
