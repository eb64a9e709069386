package io.agentfactory.sdk.reactor.observation;

import java.time.Duration;

import io.micrometer.observation.Observation;

/**
 * The context of the wait before a retry ({@link ClientObservationDocumentation#RETRY}); the
 * failure that caused it is its {@linkplain #getError() error}.
 */
public final class ClientRetryObservationContext extends Observation.Context {

    private final String client;
    private final String method;
    private final String routeTemplate;
    private final String path;
    private final int nextAttempt;
    private final Duration wait;
    private final boolean serverAsked;
    private final Throwable failure;

    /**
     * @param client {@code coordinator} or {@code daemon}
     * @param method the HTTP method
     * @param routeTemplate the route template, ids masked
     * @param path the real path, without query
     * @param nextAttempt the attempt the wait precedes, 2 or more
     * @param wait how long the wait is
     * @param serverAsked whether the server set it ({@code Retry-After}) rather than the backoff
     * @param failure the failure that caused the retry
     */
    public ClientRetryObservationContext(String client, String method, String routeTemplate, String path,
            int nextAttempt, Duration wait, boolean serverAsked, Throwable failure) {
        this.client = client;
        this.method = method;
        this.routeTemplate = routeTemplate;
        this.path = path;
        this.nextAttempt = nextAttempt;
        this.wait = wait;
        this.serverAsked = serverAsked;
        this.failure = failure;
    }

    /** {@code coordinator} or {@code daemon}. */
    public String client() {
        return client;
    }

    /** The HTTP method. */
    public String method() {
        return method;
    }

    /** The route template, ids masked as {@code {}}. */
    public String routeTemplate() {
        return routeTemplate;
    }

    /** The real path, without query (high cardinality). */
    public String path() {
        return path;
    }

    /** The attempt this wait precedes. */
    public int nextAttempt() {
        return nextAttempt;
    }

    /** How long the wait is. */
    public Duration waitDuration() {
        return wait;
    }

    /** Whether the server's {@code Retry-After} set the wait (rather than the policy's backoff). */
    public boolean serverAsked() {
        return serverAsked;
    }

    /** The failure that caused the retry. */
    public Throwable failure() {
        return failure;
    }
}
