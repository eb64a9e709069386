package io.agentfactory.sdk.reactor.internal.http.observation;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientResponse;
import reactor.util.context.ContextView;

import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.internal.http.Route;
import io.agentfactory.sdk.reactor.observation.ClientObservationDocumentation;
import io.agentfactory.sdk.reactor.observation.ClientRequestObservationContext;
import io.agentfactory.sdk.reactor.observation.ClientRequestObservationConvention;
import io.agentfactory.sdk.reactor.observation.ClientRetryObservationContext;
import io.agentfactory.sdk.reactor.observation.ClientRetryObservationConvention;
import io.agentfactory.sdk.reactor.observation.ClientStreamObservationContext;
import io.agentfactory.sdk.reactor.observation.ClientStreamObservationContext.Ending;
import io.agentfactory.sdk.reactor.observation.ClientStreamObservationConvention;
import io.agentfactory.sdk.reactor.observation.DefaultClientRequestObservationConvention;
import io.agentfactory.sdk.reactor.observation.DefaultClientRetryObservationConvention;
import io.agentfactory.sdk.reactor.observation.DefaultClientStreamObservationConvention;

/**
 * Observes requests, retry waits and streams with Micrometer. The parent of each observation is
 * the one in the Reactor context (key {@code micrometer.observation}, as Reactor's and Micrometer's
 * context propagation put it), else the registry's current one. Not API.
 */
final class MicrometerRequestObserver implements RequestObserver {

    /** {@code ObservationThreadLocalAccessor.KEY}, written out: that class needs context-propagation. */
    static final String OBSERVATION_KEY = "micrometer.observation";

    private final ObservationRegistry registry;
    private final String client;
    private final @Nullable ClientRequestObservationConvention requestConvention;
    private final @Nullable ClientRetryObservationConvention retryConvention;
    private final @Nullable ClientStreamObservationConvention streamConvention;

    private MicrometerRequestObserver(TransportOptions options, String client) {
        this.registry = options.observationRegistry();
        this.client = client;
        this.requestConvention = options.requestObservationConvention();
        this.retryConvention = options.retryObservationConvention();
        this.streamConvention = options.streamObservationConvention();
    }

    static RequestObserver create(TransportOptions options, String client) {
        return new MicrometerRequestObserver(options, client);
    }

    @Override
    public Attempt start(Route route, int attempt, ContextView context) {
        ClientRequestObservationContext observed = new ClientRequestObservationContext(client, route.method(),
                route.template(), route.path(), attempt);
        Observation observation = ClientObservationDocumentation.REQUEST
                .observation(requestConvention, DefaultClientRequestObservationConvention.INSTANCE,
                        () -> observed, registry)
                .parentObservation(parent(context))
                .start();
        return new ObservedAttempt(observation, observed);
    }

    @Override
    public <T> Mono<T> retryWait(Route route, int nextAttempt, Duration wait, boolean serverAsked, Throwable failure,
            Mono<T> delay) {
        return Mono.deferContextual(context -> {
            ClientRetryObservationContext observed = new ClientRetryObservationContext(client, route.method(),
                    route.template(), route.path(), nextAttempt, wait, serverAsked, failure);
            observed.setError(failure);
            Observation observation = ClientObservationDocumentation.RETRY
                    .observation(retryConvention, DefaultClientRetryObservationConvention.INSTANCE,
                            () -> observed, registry)
                    .parentObservation(parent(context))
                    .start();
            // The wait ends once: when it elapsed, or when the call was cancelled during it.
            AtomicBoolean ended = new AtomicBoolean();
            Runnable stop = () -> {
                if (ended.compareAndSet(false, true)) {
                    observation.stop();
                }
            };
            return delay.doOnSuccess(x -> stop.run()).doOnError(e -> stop.run()).doOnCancel(stop);
        });
    }

    @Override
    public <T> Flux<T> stream(String stream, String template, Flux<T> elements) {
        return Flux.deferContextual(context -> {
            ClientStreamObservationContext observed = new ClientStreamObservationContext(client, stream, template);
            Observation observation = ClientObservationDocumentation.STREAM
                    .observation(streamConvention, DefaultClientStreamObservationConvention.INSTANCE,
                            () -> observed, registry)
                    .parentObservation(parent(context))
                    .start();
            // Stop before the signal travels on: whoever sees the end sees the observation stopped.
            AtomicBoolean ended = new AtomicBoolean();
            return elements
                    .doOnNext(element -> observed.countDelivered())
                    .doOnComplete(() -> end(ended, observation, observed, Ending.COMPLETE, null))
                    .doOnError(e -> end(ended, observation, observed, Ending.ERROR, e))
                    .doOnCancel(() -> end(ended, observation, observed, Ending.CANCEL, null))
                    .contextWrite(c -> c.put(OBSERVATION_KEY, observation));
        });
    }

    /** Ends the stream's observation once (a cancel may follow a completion). */
    private static void end(AtomicBoolean ended, Observation observation, ClientStreamObservationContext observed,
            Ending how, @Nullable Throwable error) {
        if (ended.compareAndSet(false, true)) {
            if (error != null) {
                observation.error(error);
            }
            observed.end(how);
            observation.stop();
        }
    }

    private @Nullable Observation parent(ContextView context) {
        Object parent = context.getOrDefault(OBSERVATION_KEY, null);
        return parent instanceof Observation o ? o : registry.getCurrentObservation();
    }

    /** One observed attempt. */
    private static final class ObservedAttempt implements Attempt {

        private final Observation observation;
        private final ClientRequestObservationContext context;
        private final AtomicBoolean ended = new AtomicBoolean();

        ObservedAttempt(Observation observation, ClientRequestObservationContext context) {
            this.observation = observation;
            this.context = context;
        }

        @Override
        public void propagate(HttpHeaders headers) {
            HttpHeaders carrier = context.getCarrier();
            if (carrier != null) {
                for (Map.Entry<String, String> header : carrier) {
                    headers.set(header.getKey(), header.getValue());
                }
            }
        }

        @Override
        public void response(HttpClientResponse response) {
            context.setResponse(response);
        }

        @Override
        public void success() {
            if (ended.compareAndSet(false, true)) {
                observation.stop();
            }
        }

        @Override
        public void failure(Throwable failure) {
            if (ended.compareAndSet(false, true)) {
                observation.error(failure);
                observation.stop();
            }
        }

        /** A cancel after the attempt ended (a {@code single()} downstream, say) changes nothing. */
        @Override
        public void cancel() {
            if (ended.compareAndSet(false, true)) {
                context.markCancelled();
                observation.stop();
            }
        }
    }
}
