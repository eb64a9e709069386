package io.agentfactory.sdk.reactor.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.reactor.RetryPolicy;
import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.coordinator.CoordinatorClientOptions;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.reactor.internal.http.UserAgent;
import io.agentfactory.sdk.reactor.testing.Fixtures;
import io.agentfactory.sdk.reactor.testing.RecordedRequest;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;

/** On the wire: a caller's client keeps its default headers, the User-Agent keeps the SDK's, the customizer runs. */
class CallersHttpClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private RecordingServer server;
    private ConnectionProvider pool;

    @BeforeEach
    void setUp() {
        server = RecordingServer.start();
        server.replyWith(Reply.json(Fixtures.text("stats-response")));
        pool = ConnectionProvider.create("callers-client", 2);
    }

    @AfterEach
    void tearDown() {
        pool.disposeLater().block(TIMEOUT);
        server.close();
    }

    private RecordedRequest onlyRequestOf(TransportOptions transport) {
        try (ReactorCoordinatorClient client = ReactorCoordinatorClient.create(CoordinatorClientOptions
                .builder(server.baseUrl()).token("rsk_callers").transport(transport).build())) {
            StepVerifier.create(client.getStats()).expectNextCount(1).expectComplete().verify(TIMEOUT);
        }
        return server.onlyRequest();
    }

    @Test
    void aCallersDefaultHeadersAreKeptBesideTheSdksOwn() {
        HttpClient callers = HttpClient.create(pool).headers(h -> h.set("X-Caller-Tenant", "acme"));

        RecordedRequest request = onlyRequestOf(TransportOptions.builder().httpClient(callers)
                .applicationId("billing-service/2.3").retryPolicy(RetryPolicy.none()).build());

        assertThat(request.header("X-Caller-Tenant")).isEqualTo("acme");
        assertThat(request.header("User-Agent")).isEqualTo("billing-service/2.3 " + UserAgent.DEFAULT);
        assertThat(request.header("Authorization")).isEqualTo("Bearer rsk_callers");
    }

    @Test
    void theCustomizerSeesTheSdksClientAndItsChangesReachTheWire() {
        RecordedRequest request = onlyRequestOf(TransportOptions.builder().retryPolicy(RetryPolicy.none())
                .httpClientCustomizer(client -> client.headers(h -> h.set("X-Customized", "last"))).build());

        assertThat(request.header("X-Customized")).isEqualTo("last");
        assertThat(request.header("User-Agent")).isEqualTo(UserAgent.DEFAULT);
    }
}
