package io.agentfactory.sdk.reactor.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of {@link ClientObservationDocumentation#STREAM} observations. Implement it
 * (or extend {@link DefaultClientStreamObservationConvention}) to rename them or change their key
 * values, and pass it to {@link io.agentfactory.sdk.reactor.TransportOptions.Builder#streamObservationConvention}.
 */
public interface ClientStreamObservationConvention extends ObservationConvention<ClientStreamObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof ClientStreamObservationContext;
    }
}
