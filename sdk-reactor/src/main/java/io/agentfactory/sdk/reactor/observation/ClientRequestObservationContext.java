package io.agentfactory.sdk.reactor.observation;

import io.micrometer.observation.transport.RequestReplySenderContext;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import reactor.netty.http.client.HttpClientResponse;

/**
 * The context of one attempt of one request ({@link ClientObservationDocumentation#REQUEST}). Its
 * carrier holds the headers a tracing handler propagates ({@code traceparent}, …), copied onto the
 * request; its response is the answer's status line and headers, once they arrived.
 */
public final class ClientRequestObservationContext
        extends RequestReplySenderContext<HttpHeaders, HttpClientResponse> {

    private final String client;
    private final String method;
    private final String routeTemplate;
    private final String path;
    private final int attempt;
    private volatile boolean cancelled;

    /**
     * @param client {@code coordinator} or {@code daemon}
     * @param method the HTTP method
     * @param routeTemplate the route template, ids masked
     * @param path the real path, without query
     * @param attempt the attempt, 1-based
     */
    public ClientRequestObservationContext(String client, String method, String routeTemplate, String path,
            int attempt) {
        super((carrier, key, value) -> {
            if (carrier != null) {
                carrier.set(key, value);
            }
        });
        this.client = client;
        this.method = method;
        this.routeTemplate = routeTemplate;
        this.path = path;
        this.attempt = attempt;
        setCarrier(new DefaultHttpHeaders());
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

    /** The attempt, 1-based. */
    public int attempt() {
        return attempt;
    }

    /** Whether the caller cancelled the attempt. */
    public boolean cancelled() {
        return cancelled;
    }

    /** Marks the attempt cancelled (by the SDK, when the caller cancels). */
    public void markCancelled() {
        this.cancelled = true;
    }
}
