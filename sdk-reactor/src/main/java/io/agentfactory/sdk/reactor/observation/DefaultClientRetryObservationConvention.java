package io.agentfactory.sdk.reactor.observation;

import io.micrometer.common.KeyValues;

import io.agentfactory.sdk.reactor.observation.ClientObservationDocumentation.Keys;

/**
 * The default names of retry-wait observations: {@code agentfactory.client.retries}, contextual
 * name {@code "retry <method> <route template>"}; low cardinality {@code client}, {@code method},
 * {@code route}, {@code attempt} (the attempt the wait precedes), {@code error} (the failure that
 * caused it), {@code wait} ({@code retry-after} or {@code backoff}); high cardinality {@code path}.
 */
public class DefaultClientRetryObservationConvention implements ClientRetryObservationConvention {

    /** The observation name. */
    public static final String NAME = "agentfactory.client.retries";

    /** The shared instance. */
    public static final DefaultClientRetryObservationConvention INSTANCE =
            new DefaultClientRetryObservationConvention();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(ClientRetryObservationContext context) {
        return "retry " + context.method() + " " + context.routeTemplate();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ClientRetryObservationContext context) {
        return KeyValues.of(
                Keys.CLIENT.withValue(context.client()),
                Keys.METHOD.withValue(context.method()),
                Keys.ROUTE.withValue(context.routeTemplate()),
                Keys.ATTEMPT.withValue(Integer.toString(context.nextAttempt())),
                Keys.ERROR.withValue(ObservedErrors.kindOf(context.failure())),
                Keys.WAIT.withValue(context.serverAsked() ? "retry-after" : "backoff"));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(ClientRetryObservationContext context) {
        return KeyValues.of(Keys.PATH.withValue(context.path()));
    }
}
