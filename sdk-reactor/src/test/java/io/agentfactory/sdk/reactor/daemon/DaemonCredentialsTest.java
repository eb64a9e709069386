package io.agentfactory.sdk.reactor.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.http.client.HttpClient;

import io.agentfactory.sdk.error.NotAuthenticatedException;
import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.testing.RecordedRequest;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;

/**
 * Which credential goes to the daemon (sdk-api/CONTRACT.md §4, "Daemon auth"): its own control token, on
 * mutating routes only; never the coordinator's token or scopes; and the control token never shows
 * in a string or an error.
 */
class DaemonCredentialsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String COORDINATOR_TOKEN = "rsk_coordinator_secret";

    /** A shared HttpClient set up for the coordinator, as a caller might hand it to both clients. */
    private static final HttpClient COORDINATOR_HTTP = HttpClient.create().headers(h -> h
            .set("Authorization", "Bearer " + COORDINATOR_TOKEN)
            .set("X-Rensei-Org", "org_1")
            .set("X-Rensei-Project", "proj_1"));

    @RegisterExtension
    static final DaemonUnderTest UNDER_TEST = DaemonUnderTest.withDefaults();

    private final RecordingServer server = UNDER_TEST.server();

    @BeforeEach
    void answerOk() {
        server.replyWith(Reply.json(DaemonWire.ACTION_OK));
    }

    @Test
    void withoutControlTokenNoRouteCarriesAuthorization() {
        try (ReactorDaemonClient daemon = client(DaemonClientOptions.builder().baseUrl(server.baseUrl()))) {
            daemon.pause().block(TIMEOUT);
            daemon.getStatus().block(TIMEOUT);
        }

        assertThat(server.requests()).hasSize(2).noneMatch(r -> r.hasHeader("Authorization"));
    }

    @Test
    void controlTokenGoesOnMutatingRoutesOnly() {
        try (ReactorDaemonClient daemon = client(DaemonClientOptions.builder().baseUrl(server.baseUrl())
                .controlToken(DaemonWire.CONTROL_TOKEN))) {
            daemon.getStatus().block(TIMEOUT);
            daemon.pause().block(TIMEOUT);
        }

        RecordedRequest get = server.requests().get(0);
        RecordedRequest post = server.requests().get(1);
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.hasHeader("Authorization")).isFalse();
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.header("Authorization")).isEqualTo("Bearer " + DaemonWire.CONTROL_TOKEN);
    }

    @Test
    void aControlTokenSetInTheBuilderIsTrimmedLikeOneFromTheEnvironment() {
        DaemonClientOptions fromBuilder = DaemonClientOptions.builder().baseUrl(server.baseUrl())
                .controlToken("  " + DaemonWire.CONTROL_TOKEN + " \t").build();
        DaemonClientOptions fromEnvironment = DaemonClientOptions.builder().baseUrl(server.baseUrl())
                .environment(java.util.Map.of(DaemonClientOptions.ENV_CONTROL_TOKEN, "  " + DaemonWire.CONTROL_TOKEN + " \t"))
                .build();
        try (ReactorDaemonClient a = ReactorDaemonClient.create(fromBuilder);
                ReactorDaemonClient b = ReactorDaemonClient.create(fromEnvironment)) {
            a.pause().block(TIMEOUT);
            b.pause().block(TIMEOUT);
        }

        assertThat(fromBuilder.controlToken()).contains(DaemonWire.CONTROL_TOKEN);
        assertThat(server.requests()).hasSize(2).extracting(r -> r.header("Authorization"))
                .containsOnly("Bearer " + DaemonWire.CONTROL_TOKEN);
    }

    @Test
    void coordinatorCredentialsOnASharedHttpClientNeverReachTheDaemon() {
        try (ReactorDaemonClient daemon = client(DaemonClientOptions.builder().baseUrl(server.baseUrl())
                .transport(TransportOptions.builder().httpClient(COORDINATOR_HTTP).build()))) {
            daemon.getStatus().block(TIMEOUT);
            daemon.pause().block(TIMEOUT);
        }

        assertThat(server.requests()).hasSize(2).allSatisfy(r -> {
            assertThat(r.hasHeader("Authorization")).isFalse();
            assertThat(r.hasHeader("X-Rensei-Org")).isFalse();
            assertThat(r.hasHeader("X-Rensei-Project")).isFalse();
        });
    }

    @Test
    void controlTokenReplacesTheCoordinatorTokenOfASharedHttpClient() {
        try (ReactorDaemonClient daemon = client(DaemonClientOptions.builder().baseUrl(server.baseUrl())
                .controlToken(DaemonWire.CONTROL_TOKEN)
                .transport(TransportOptions.builder().httpClient(COORDINATOR_HTTP).build()))) {
            daemon.pause().block(TIMEOUT);
        }

        RecordedRequest post = server.onlyRequest();
        assertThat(post.headers()).filteredOn(h -> h.getKey().equalsIgnoreCase("Authorization"))
                .singleElement()
                .satisfies(h -> assertThat(h.getValue()).isEqualTo("Bearer " + DaemonWire.CONTROL_TOKEN));
        assertThat(post.hasHeader("X-Rensei-Org")).isFalse();
    }

    @Test
    void aRejectedControlTokenIsNotAuthenticated() {
        server.replyWith(Reply.json(401, "{\"error\":\"missing or invalid control token\"}"));

        Throwable e;
        try (ReactorDaemonClient daemon = client(DaemonClientOptions.builder().baseUrl(server.baseUrl()))) {
            e = catchThrowable(() -> daemon.stop().block(TIMEOUT));
        }

        assertThat(e).isInstanceOf(NotAuthenticatedException.class);
        assertThat(((NotAuthenticatedException) e).serverMessage()).isEqualTo("missing or invalid control token");
    }

    @Test
    void aControlTokenEchoedInAJsonErrorIsRedacted() {
        server.replyWith(Reply.json(401, "{\"error\":\"invalid control token " + DaemonWire.CONTROL_TOKEN
                + "\",\"presented\":\"Bearer " + DaemonWire.CONTROL_TOKEN + "\"}"));

        NotAuthenticatedException e = rejectedWithControlToken();

        assertThat(e.serverMessage()).isEqualTo("invalid control token REDACTED");
        assertThat(e.detail("presented")).contains("Bearer REDACTED");
        assertThat(e.getMessage()).doesNotContain(DaemonWire.CONTROL_TOKEN).contains("REDACTED");
    }

    @Test
    void aControlTokenEchoedInAPlainTextErrorIsRedacted() {
        server.replyWith(Reply.text(401, "bad token: " + DaemonWire.CONTROL_TOKEN + "\n"));

        NotAuthenticatedException e = rejectedWithControlToken();

        assertThat(e.serverMessage()).isEqualTo("bad token: REDACTED");
        assertThat(e.toString()).doesNotContain(DaemonWire.CONTROL_TOKEN);
    }

    @Test
    void toStringNeverShowsTheControlToken() {
        DaemonClientOptions options = DaemonClientOptions.builder().controlToken(DaemonWire.CONTROL_TOKEN).build();

        try (ReactorDaemonClient daemon = ReactorDaemonClient.create(options)) {
            assertThat(options.toString()).doesNotContain(DaemonWire.CONTROL_TOKEN).contains("controlToken=REDACTED");
            assertThat(daemon.toString()).doesNotContain(DaemonWire.CONTROL_TOKEN).contains("controlToken=REDACTED");
        }
        assertThat(DaemonClientOptions.defaults().toString()).contains("controlToken=none");
    }

    private NotAuthenticatedException rejectedWithControlToken() {
        Throwable e;
        try (ReactorDaemonClient daemon = client(DaemonClientOptions.builder().baseUrl(server.baseUrl())
                .controlToken(DaemonWire.CONTROL_TOKEN))) {
            e = catchThrowable(() -> daemon.pause().block(TIMEOUT));
        }
        assertThat(e).isInstanceOf(NotAuthenticatedException.class);
        return (NotAuthenticatedException) e;
    }

    private static ReactorDaemonClient client(DaemonClientOptions.Builder options) {
        return ReactorDaemonClient.create(options.build());
    }
}
