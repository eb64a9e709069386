package io.agentfactory.sdk.reactor.internal.http;

import java.time.Duration;
import java.util.function.UnaryOperator;

import io.agentfactory.sdk.reactor.RetryPolicy;
import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.testing.RecordingServer;

/** Pipelines pointed at a {@link RecordingServer}, as the pipeline tests build them. */
final class Pipelines {

    /** Short timeouts, and no retry unless a test asks for one. */
    static TransportOptions.Builder transport() {
        return TransportOptions.builder()
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.none());
    }

    /** A pipeline with no service headers, no secret, and {@code options}. */
    static HttpPipeline to(RecordingServer server, TransportOptions options) {
        return HttpPipeline.create(server.baseUrl(), options, (route, headers) -> { }, UnaryOperator.identity(),
                "pipeline-test");
    }

    /** A pipeline with the default test transport. */
    static HttpPipeline to(RecordingServer server) {
        return to(server, transport().build());
    }

    private Pipelines() {
    }
}
