package io.agentfactory.sdk.reactor.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of {@link ClientObservationDocumentation#RETRY} observations. Implement it
 * (or extend {@link DefaultClientRetryObservationConvention}) to rename them or change their key
 * values, and pass it to {@link io.agentfactory.sdk.reactor.TransportOptions.Builder#retryObservationConvention}.
 */
public interface ClientRetryObservationConvention extends ObservationConvention<ClientRetryObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof ClientRetryObservationContext;
    }
}
