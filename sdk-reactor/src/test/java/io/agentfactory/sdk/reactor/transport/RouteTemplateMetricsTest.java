package io.agentfactory.sdk.reactor.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.reactor.RetryPolicy;
import io.agentfactory.sdk.reactor.RouteTemplates;
import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.coordinator.CoordinatorClientOptions;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.reactor.testing.Fixtures;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;

/**
 * A caller's Reactor Netty client with {@code metrics(true, RouteTemplates.uriTagValue())} makes one
 * meter per route, not one per session id; without it, every id is a meter.
 */
class RouteTemplateMetricsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private RecordingServer server;
    private ConnectionProvider pool;

    @BeforeEach
    void setUp() {
        Metrics.addRegistry(meters);
        server = RecordingServer.start();
        pool = ConnectionProvider.create("route-template-metrics", 4);
        Reply stopped = Reply.json(Fixtures.text("stop-session-response"));
        Reply detail = Reply.json(Fixtures.text("session-detail-response"));
        server.replyWith(request -> request.path().endsWith("/stop") ? stopped : detail);
    }

    @AfterEach
    void tearDown() {
        Metrics.removeRegistry(meters);
        meters.close();
        pool.disposeLater().block(TIMEOUT);
        server.close();
    }

    private Set<String> uriTagsAfterCallsFor(HttpClient http, String... sessionIds) {
        try (ReactorCoordinatorClient client = ReactorCoordinatorClient.create(CoordinatorClientOptions
                .builder(server.baseUrl())
                .transport(TransportOptions.builder().httpClient(http).retryPolicy(RetryPolicy.none()).build())
                .build())) {
            for (String id : sessionIds) {
                StepVerifier.create(client.stopSession(id)).expectNextCount(1).expectComplete().verify(TIMEOUT);
                StepVerifier.create(client.getSessionDetail(id)).expectNextCount(1).expectComplete().verify(TIMEOUT);
            }
        }
        return meters.find("reactor.netty.http.client.response.time").meters().stream()
                .map(Meter::getId).map(id -> id.getTag("uri")).collect(Collectors.toSet());
    }

    @Test
    void theUriTagIsTheRouteTemplate() {
        Set<String> uris = uriTagsAfterCallsFor(HttpClient.create(pool).metrics(true, RouteTemplates.uriTagValue()),
                "s-1", "s-2", "s-3");

        assertThat(uris).containsExactlyInAnyOrder("/api/public/sessions/{}/stop", "/api/public/sessions/{}");
    }

    @Test
    void withoutItEverySessionIdIsAMeter() {
        Set<String> uris = uriTagsAfterCallsFor(HttpClient.create(pool).metrics(true, uri -> uri), "s-1", "s-2");

        assertThat(uris).contains("/api/public/sessions/s-1/stop", "/api/public/sessions/s-2/stop",
                "/api/public/sessions/s-1", "/api/public/sessions/s-2");
    }

    @Test
    void otherPathsGoThroughTheFallback() {
        assertThat(RouteTemplates.uriTagValue(path -> "OTHER").apply("/not/an/sdk/route")).isEqualTo("OTHER");
        assertThat(RouteTemplates.templateOf("/not/an/sdk/route")).isEmpty();
    }
}
