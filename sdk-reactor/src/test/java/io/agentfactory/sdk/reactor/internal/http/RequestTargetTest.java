package io.agentfactory.sdk.reactor.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.fleet.StatsResponse;
import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.testing.LoopbackServer;
import io.agentfactory.sdk.reactor.testing.RecordedRequest;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;

/**
 * The remote address is worked out once per pipeline and each request carries only its path: the
 * wire must see what an absolute URI per request gave — the base URL's path prefix, the query, the
 * {@code Host} header — and a caller's client must not redirect the SDK's requests.
 */
class RequestTargetTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ResponseDecoder<StatsResponse> STATS = ResponseDecoder.json(StatsResponse.class);

    @RegisterExtension
    static final LoopbackServer loopback = new LoopbackServer();

    private static RecordedRequest onlyRequestVia(String baseUrl, TransportOptions options, Route route) {
        RecordingServer server = loopback.server();
        server.replyWith(Reply.json("{\"queueDepth\":7}"));
        try (HttpPipeline pipeline = HttpPipeline.create(baseUrl, options, (r, headers) -> { },
                UnaryOperator.identity(), "target-test")) {
            StepVerifier.create(pipeline.exchange(() -> route, STATS))
                    .assertNext(stats -> assertThat(stats.queueDepth()).isEqualTo(7))
                    .verifyComplete();
        }
        return server.onlyRequest();
    }

    @Test
    void theBaseUrlsPathPrefixesEveryRoutesPathAndTheQueryIsKept() {
        RecordedRequest request = onlyRequestVia(loopback.server().baseUrl() + "/proxy/af/",
                Pipelines.transport().build(), Route.get("/api/sessions/{}", "a b").query("limit", "5"));

        assertThat(request.uri()).isEqualTo("/proxy/af/api/sessions/a%20b?limit=5");
    }

    @Test
    void theHostHeaderNamesTheBaseUrlsHostAndPort() {
        int port = loopback.server().port();

        RecordedRequest byName = onlyRequestVia("http://localhost:" + port, Pipelines.transport().build(),
                Route.get("/api/stats"));
        loopback.server().reset();
        RecordedRequest byAddress = onlyRequestVia("http://127.0.0.1:" + port, Pipelines.transport().build(),
                Route.get("/api/stats"));

        assertThat(byName.header("Host")).isEqualTo("localhost:" + port);
        assertThat(byAddress.header("Host")).isEqualTo("127.0.0.1:" + port);
        assertThat(byAddress.uri()).isEqualTo("/api/stats");
    }

    @Test
    void aCallersClientAimedElsewhereStillSendsToTheSdksBaseUrl() {
        ConnectionProvider pool = ConnectionProvider.create("target-test-callers", 1);
        try {
            // A base URL and a remote address of its own, both pointing at nothing that listens.
            HttpClient callers = HttpClient.create(pool).baseUrl("http://127.0.0.1:9/elsewhere")
                    .remoteAddress(() -> InetSocketAddress.createUnresolved("127.0.0.1", 9));

            RecordedRequest request = onlyRequestVia(loopback.server().baseUrl(),
                    Pipelines.transport().httpClient(callers).build(), Route.get("/api/stats"));

            assertThat(request.uri()).isEqualTo("/api/stats");
        }
        finally {
            pool.disposeLater().block(WAIT);
        }
    }

    @Test
    void aCallersTlsClientSpeaksPlainHttpToAnHttpBaseUrl() {
        ConnectionProvider pool = ConnectionProvider.create("target-test-tls", 1);
        try {
            HttpClient callers = HttpClient.create(pool).secure();

            RecordedRequest request = onlyRequestVia(loopback.server().baseUrl(),
                    Pipelines.transport().httpClient(callers).build(), Route.get("/api/stats"));

            assertThat(request.uri()).isEqualTo("/api/stats");
        }
        finally {
            pool.disposeLater().block(WAIT);
        }
    }

    @Test
    void anHttpsBaseUrlTurnsTlsOnAndKeepsACallersOwnTlsSettings() {
        RequestTarget https = RequestTarget.of("https://coordinator.example:8443/base");
        HttpClient plain = HttpClient.create();
        HttpClient callersTls = HttpClient.create().secure(spec -> spec.sslContext(
                reactor.netty.tcp.SslProvider.defaultClientProvider().getSslContext()));

        assertThat(https.applyTo(plain).configuration().isSecure()).isTrue();
        assertThat(https.applyTo(callersTls).configuration().sslProvider())
                .isSameAs(callersTls.configuration().sslProvider());
        assertThat(RequestTarget.of("http://coordinator.example").applyTo(callersTls).configuration().isSecure())
                .isFalse();
    }

    @Test
    void defaultPortsIpv6LiteralsAndTrailingSlashesAreResolvedOnce() {
        RequestTarget https = RequestTarget.of("https://coordinator.example");
        RequestTarget v6 = RequestTarget.of("http://[::1]:8080/api");

        assertThat(https.address().getHostString()).isEqualTo("coordinator.example");
        assertThat(https.address().getPort()).isEqualTo(443);
        assertThat(https.secure()).isTrue();
        assertThat(https.pathPrefix()).isEmpty();
        assertThat(RequestTarget.of("http://coordinator.example").address().getPort()).isEqualTo(80);
        assertThat(v6.address().getAddress()).isNotNull();
        assertThat(v6.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(v6.address().getPort()).isEqualTo(8080);
        assertThat(v6.pathPrefix()).isEqualTo("/api");
        assertThat(v6.uriOf(Route.get("/x"))).isEqualTo("/api/x");
    }
}
