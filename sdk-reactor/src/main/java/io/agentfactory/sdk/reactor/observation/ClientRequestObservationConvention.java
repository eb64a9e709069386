package io.agentfactory.sdk.reactor.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of {@link ClientObservationDocumentation#REQUEST} observations. Implement it
 * (or extend {@link DefaultClientRequestObservationConvention}) to rename them or change their key
 * values, and pass it to {@link io.agentfactory.sdk.reactor.TransportOptions.Builder#requestObservationConvention}.
 */
public interface ClientRequestObservationConvention extends ObservationConvention<ClientRequestObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof ClientRequestObservationContext;
    }
}
