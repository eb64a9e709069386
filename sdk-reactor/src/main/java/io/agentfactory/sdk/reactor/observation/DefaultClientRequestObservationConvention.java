package io.agentfactory.sdk.reactor.observation;

import io.micrometer.common.KeyValues;
import reactor.netty.http.client.HttpClientResponse;

import io.agentfactory.sdk.reactor.observation.ClientObservationDocumentation.Keys;

/**
 * The default names of request observations: {@code agentfactory.client.requests}, contextual name
 * {@code "<method> <route template>"}; low cardinality {@code client}, {@code method}, {@code route},
 * {@code status}, {@code outcome}, {@code error}, {@code attempt}; high cardinality {@code path}.
 */
public class DefaultClientRequestObservationConvention implements ClientRequestObservationConvention {

    /** The observation name. */
    public static final String NAME = "agentfactory.client.requests";

    /** The shared instance. */
    public static final DefaultClientRequestObservationConvention INSTANCE =
            new DefaultClientRequestObservationConvention();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(ClientRequestObservationContext context) {
        return context.method() + " " + context.routeTemplate();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ClientRequestObservationContext context) {
        HttpClientResponse response = context.getResponse();
        return KeyValues.of(
                Keys.CLIENT.withValue(context.client()),
                Keys.METHOD.withValue(context.method()),
                Keys.ROUTE.withValue(context.routeTemplate()),
                Keys.STATUS.withValue(response == null ? "NONE" : Integer.toString(response.status().code())),
                Keys.OUTCOME.withValue(outcome(context)),
                Keys.ERROR.withValue(ObservedErrors.kindOf(context.getError())),
                Keys.ATTEMPT.withValue(Integer.toString(context.attempt())));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(ClientRequestObservationContext context) {
        return KeyValues.of(Keys.PATH.withValue(context.path()));
    }

    private static String outcome(ClientRequestObservationContext context) {
        if (context.cancelled()) {
            return "CANCELLED";
        }
        return context.getError() == null ? "SUCCESS" : "ERROR";
    }
}
