package io.agentfactory.sdk.reactor.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.testing.LoopbackServer;
import io.agentfactory.sdk.reactor.testing.RecordedRequest;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;
import io.agentfactory.sdk.task.StopAgentRequest;

/**
 * The headers of sdk-api/CONTRACT.md §3: the bearer token and the {@code X-Rensei-*} scopes only when
 * configured, CR/LF refused before anything is sent, and the SDK's User-Agent.
 */
class CoordinatorHeadersTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final LoopbackServer loopback = new LoopbackServer();

    private static RecordingServer server() {
        return loopback.server();
    }

    @BeforeEach
    void reset() {
        server().replyWith(Reply.json(CoordinatorWire.STATS));
    }

    @Test
    void aTokenIsSentAsBearerOnGets() {
        try (ReactorCoordinatorClient client = Coordinators.withToken(server())) {
            client.getStats().block(WAIT);
        }

        assertThat(server().onlyRequest().header("Authorization")).isEqualTo("Bearer " + Coordinators.TOKEN);
    }

    @Test
    void aTokenIsSentAsBearerOnPosts() {
        server().replyWith(Reply.json(CoordinatorWire.STOP_AGENT));
        try (ReactorCoordinatorClient client = Coordinators.withToken(server())) {
            client.stopAgent(new StopAgentRequest("task-1")).block(WAIT);
        }

        assertThat(server().onlyRequest().header("Authorization")).isEqualTo("Bearer " + Coordinators.TOKEN);
    }

    @Test
    void withoutATokenNoAuthorizationHeaderIsSent() {
        try (ReactorCoordinatorClient client = Coordinators.anonymous(server())) {
            client.getStats().block(WAIT);
        }

        assertThat(server().onlyRequest().hasHeader("Authorization")).isFalse();
    }

    @Test
    void aBlankTokenCountsAsNoToken() {
        try (ReactorCoordinatorClient client = Coordinators.client(server(), b -> b.token("  "))) {
            client.getStats().block(WAIT);
            assertThat(client.credentials()).isEmpty();
        }

        assertThat(server().onlyRequest().hasHeader("Authorization")).isFalse();
    }

    @Test
    void scopesAreSentWhenConfigured() {
        try (ReactorCoordinatorClient client = Coordinators.client(server(),
                b -> b.orgScope("org_123").projectScope("prj_456"))) {
            client.getStats().block(WAIT);
        }

        RecordedRequest request = server().onlyRequest();
        assertThat(request.header("X-Rensei-Org")).isEqualTo("org_123");
        assertThat(request.header("X-Rensei-Project")).isEqualTo("prj_456");
    }

    @Test
    void withoutScopesNoScopeHeaderIsSent() {
        try (ReactorCoordinatorClient client = Coordinators.withToken(server())) {
            client.getStats().block(WAIT);
        }

        RecordedRequest request = server().onlyRequest();
        assertThat(request.hasHeader("X-Rensei-Org")).isFalse();
        assertThat(request.hasHeader("X-Rensei-Project")).isFalse();
    }

    @Test
    void eachScopeIsIndependent() {
        try (ReactorCoordinatorClient client = Coordinators.client(server(), b -> b.projectScope("prj_456"))) {
            client.getStats().block(WAIT);
        }

        RecordedRequest request = server().onlyRequest();
        assertThat(request.hasHeader("X-Rensei-Org")).isFalse();
        assertThat(request.header("X-Rensei-Project")).isEqualTo("prj_456");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsk_abc\r\nX-Evil: 1", "rsk_abc\n", "rsk_\rabc"})
    void aTokenWithCrOrLfIsRefusedWithoutEchoingIt(String token) {
        assertThatThrownBy(() -> CoordinatorClientOptions.builder(server().baseUrl()).token(token))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token")
                .hasMessageNotContaining("rsk_");
        assertThat(server().requestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"org\r\nX-Evil: 1", "org\n"})
    void anOrgScopeWithCrOrLfIsRefused(String org) {
        assertThatThrownBy(() -> CoordinatorClientOptions.builder(server().baseUrl()).orgScope(org))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X-Rensei-Org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prj\r\nX-Evil: 1", "prj\r"})
    void aProjectScopeWithCrOrLfIsRefused(String project) {
        assertThatThrownBy(() -> CoordinatorClientOptions.builder(server().baseUrl()).projectScope(project))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X-Rensei-Project");
    }

    @Test
    void theSdkUserAgentIsSent() {
        try (ReactorCoordinatorClient client = Coordinators.anonymous(server())) {
            client.getStats().block(WAIT);
        }

        assertThat(server().onlyRequest().header("User-Agent")).startsWith("agentfactory-sdk-java/");
    }

    @Test
    void aCustomUserAgentReplacesTheDefault() {
        try (ReactorCoordinatorClient client = Coordinators.client(server(),
                b -> b.transport(Coordinators.transport().userAgent("acme-ops/2.1").build()))) {
            client.getStats().block(WAIT);
        }

        assertThat(server().onlyRequest().header("User-Agent")).isEqualTo("acme-ops/2.1");
    }

    @Test
    void aUserAgentWithCrOrLfIsRefused() {
        assertThatThrownBy(() -> TransportOptions.builder().userAgent("x\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPostWithoutRequestObjectSendsNoBodyAndNoContentType() {
        server().replyWith(Reply.json(CoordinatorWire.STOP_SESSION));
        try (ReactorCoordinatorClient client = Coordinators.withToken(server())) {
            client.stopSession("sess-1").block(WAIT);
        }

        RecordedRequest request = server().onlyRequest();
        assertThat(request.body()).isEmpty();
        assertThat(request.hasHeader("Content-Type")).isFalse();
        assertThat(request.hasHeader("Transfer-Encoding")).as("no chunked empty body").isFalse();
    }
}
