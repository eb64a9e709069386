package io.agentfactory.sdk.reactor.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations the clients make, their names and key values. Low-cardinality values are
 * bounded (a route is its template, {@code /api/public/sessions/{}}, never a raw id); the real path
 * is only a high-cardinality value.
 */
public enum ClientObservationDocumentation implements ObservationDocumentation {

    /**
     * One attempt of one HTTP request, from sending to the end of its body: {@code
     * agentfactory.client.requests}. A retried call makes one per attempt ({@code attempt} = 1, 2, …).
     */
    REQUEST {
        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultClientRequestObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return new KeyName[] {Keys.CLIENT, Keys.METHOD, Keys.ROUTE, Keys.STATUS, Keys.OUTCOME, Keys.ERROR,
                    Keys.ATTEMPT};
        }

        @Override
        public KeyName[] getHighCardinalityKeyNames() {
            return new KeyName[] {Keys.PATH};
        }
    },

    /**
     * The wait before a retry — the backoff, or the server's {@code Retry-After}: {@code
     * agentfactory.client.retries}. Its duration is the wait; {@code attempt} is the attempt it
     * precedes, {@code error} the failure that caused it.
     */
    RETRY {
        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultClientRetryObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return new KeyName[] {Keys.CLIENT, Keys.METHOD, Keys.ROUTE, Keys.ATTEMPT, Keys.ERROR, Keys.WAIT};
        }

        @Override
        public KeyName[] getHighCardinalityKeyNames() {
            return new KeyName[] {Keys.PATH};
        }
    },

    /**
     * One stream ({@code followActivities}, {@code streamDiff}) from subscription to its end:
     * {@code agentfactory.client.streams}, parent of the requests it makes.
     */
    STREAM {
        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultClientStreamObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return new KeyName[] {Keys.CLIENT, Keys.STREAM, Keys.ROUTE, Keys.OUTCOME, Keys.ERROR};
        }

        @Override
        public KeyName[] getHighCardinalityKeyNames() {
            return new KeyName[] {Keys.DELIVERED};
        }
    };

    /** The key names of the clients' observations. */
    public enum Keys implements KeyName {

        /** {@code coordinator} or {@code daemon}. */
        CLIENT("client"),
        /** The HTTP method. */
        METHOD("method"),
        /** The route template, ids masked as {@code {}}: {@code /api/public/sessions/{}}. */
        ROUTE("route"),
        /** The HTTP status code, or {@code NONE} when no answer arrived. */
        STATUS("status"),
        /**
         * Requests: {@code SUCCESS}, {@code ERROR} or {@code CANCELLED}. Streams: {@code COMPLETE},
         * {@code CANCEL} or {@code ERROR}.
         */
        OUTCOME("outcome"),
        /** The {@link io.agentfactory.sdk.error.ErrorKind} of the failure, or {@code NONE}. */
        ERROR("error"),
        /** The attempt, 1-based. */
        ATTEMPT("attempt"),
        /** What set a retry's wait: {@code retry-after} (the server) or {@code backoff} (the policy). */
        WAIT("wait"),
        /** The stream: {@code followActivities} or {@code streamDiff}. */
        STREAM("stream"),
        /** High cardinality: the request's real path (without query). */
        PATH("path"),
        /** High cardinality: how many elements the stream delivered. */
        DELIVERED("delivered");

        private final String key;

        Keys(String key) {
            this.key = key;
        }

        @Override
        public String asString() {
            return key;
        }
    }
}
