package io.agentfactory.sdk.reactor.observation;

import io.micrometer.common.KeyValues;

import io.agentfactory.sdk.reactor.observation.ClientObservationDocumentation.Keys;

/**
 * The default names of stream observations: {@code agentfactory.client.streams}, contextual name
 * the stream's name; low cardinality {@code client}, {@code stream}, {@code route}, {@code outcome}
 * ({@code COMPLETE}, {@code CANCEL}, {@code ERROR}), {@code error}; high cardinality {@code delivered}.
 */
public class DefaultClientStreamObservationConvention implements ClientStreamObservationConvention {

    /** The observation name. */
    public static final String NAME = "agentfactory.client.streams";

    /** The shared instance. */
    public static final DefaultClientStreamObservationConvention INSTANCE =
            new DefaultClientStreamObservationConvention();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(ClientStreamObservationContext context) {
        return context.stream();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ClientStreamObservationContext context) {
        return KeyValues.of(
                Keys.CLIENT.withValue(context.client()),
                Keys.STREAM.withValue(context.stream()),
                Keys.ROUTE.withValue(context.routeTemplate()),
                Keys.OUTCOME.withValue(context.ending().name()),
                Keys.ERROR.withValue(ObservedErrors.kindOf(context.getError())));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(ClientStreamObservationContext context) {
        return KeyValues.of(Keys.DELIVERED.withValue(Long.toString(context.delivered())));
    }
}
