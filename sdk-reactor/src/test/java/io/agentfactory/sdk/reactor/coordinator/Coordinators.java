package io.agentfactory.sdk.reactor.coordinator;

import java.time.Duration;
import java.util.function.UnaryOperator;

import io.agentfactory.sdk.reactor.RetryPolicy;
import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.testing.RecordingServer;

/** Coordinator clients pointed at a {@link RecordingServer}, as the coordinator tests build them. */
final class Coordinators {

    /** A token shaped like the real ones; tests look for it in every log line and error. */
    static final String TOKEN = "rsk_live_7Hq2ZpX9sEcretT0ken";

    /** Short timeouts, and no retry unless a test asks for one. */
    static TransportOptions.Builder transport() {
        return TransportOptions.builder()
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.none());
    }

    /** A client with no token and no scopes. */
    static ReactorCoordinatorClient anonymous(RecordingServer server) {
        return client(server, b -> b);
    }

    /** A client with {@link #TOKEN}. */
    static ReactorCoordinatorClient withToken(RecordingServer server) {
        return client(server, b -> b.token(TOKEN));
    }

    /** A client configured by {@code options} on top of the short-timeout, no-retry transport. */
    static ReactorCoordinatorClient client(RecordingServer server,
            UnaryOperator<CoordinatorClientOptions.Builder> options) {
        return ReactorCoordinatorClient.create(options.apply(CoordinatorClientOptions.builder(server.baseUrl())
                .transport(transport().build())).build());
    }

    private Coordinators() {
    }
}
