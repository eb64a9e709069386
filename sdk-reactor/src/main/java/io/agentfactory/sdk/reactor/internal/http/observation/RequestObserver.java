package io.agentfactory.sdk.reactor.internal.http.observation;

import java.time.Duration;

import io.netty.handler.codec.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientResponse;
import reactor.util.context.ContextView;

import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.internal.http.Route;

/**
 * What the pipeline reports about its requests, retries and streams. Names no Micrometer type:
 * {@link #NONE} serves when no registry is configured, and the Micrometer implementation is
 * loaded only when one is. Not API.
 */
public interface RequestObserver {

    /** Observes nothing. */
    RequestObserver NONE = new RequestObserver() {

        @Override
        public Attempt start(Route route, int attempt, ContextView context) {
            return Attempt.NONE;
        }

        @Override
        public <T> Mono<T> retryWait(Route route, int nextAttempt, Duration wait, boolean serverAsked,
                Throwable failure, Mono<T> delay) {
            return delay;
        }

        @Override
        public <T> Flux<T> stream(String stream, String template, Flux<T> elements) {
            return elements;
        }
    };

    /**
     * The observer the options ask for: {@link #NONE} without an observation registry.
     *
     * @param client the client's name in observations ({@code coordinator}, {@code daemon})
     */
    static RequestObserver of(TransportOptions options, String client) {
        if (options.observationRegistry() == null) {
            return NONE;
        }
        // Only here is a Micrometer type touched: without a registry the class is never loaded.
        return MicrometerRequestObserver.create(options, client);
    }

    /** Starts observing attempt {@code attempt} (1-based) of {@code route}, child of the context's observation. */
    Attempt start(Route route, int attempt, ContextView context);

    /** {@code delay}, observed as the wait before attempt {@code nextAttempt}. */
    <T> Mono<T> retryWait(Route route, int nextAttempt, Duration wait, boolean serverAsked, Throwable failure,
            Mono<T> delay);

    /** {@code elements}, observed as one stream: elements delivered and how it ended. */
    <T> Flux<T> stream(String stream, String template, Flux<T> elements);

    /** One attempt being observed. Each method is called at most once, in order. */
    interface Attempt {

        /** Observes nothing. */
        Attempt NONE = new Attempt() {
        };

        /** Adds the trace context headers (e.g. {@code traceparent}) to the request. */
        default void propagate(HttpHeaders headers) {
        }

        /** The answer's status line and headers arrived. */
        default void response(HttpClientResponse response) {
        }

        /** The attempt succeeded. */
        default void success() {
        }

        /** The attempt failed with {@code failure} (an AgentFactoryException). */
        default void failure(Throwable failure) {
        }

        /** The caller cancelled the attempt. */
        default void cancel() {
        }
    }
}
