package io.agentfactory.sdk.reactor.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.TransportException;
import io.agentfactory.sdk.reactor.ProxyOptions;
import io.agentfactory.sdk.reactor.RetryPolicy;
import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.coordinator.CoordinatorClientOptions;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.reactor.testing.Fixtures;
import io.agentfactory.sdk.reactor.testing.RecordedRequest;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;

/**
 * Requests tunnel through a real CONNECT proxy on loopback: explicit {@link ProxyOptions} with
 * credentials, exclusions, and the system settings (Java properties, then environment variables).
 * Proxy credentials go only to the proxy and never show in errors.
 */
class ProxyTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final String PROXY_PASSWORD = "pr0xy-s3cret";

    private RecordingServer server;
    private ConnectProxy proxy;

    @BeforeEach
    void setUp() {
        server = RecordingServer.start();
        server.replyWith(Reply.json(Fixtures.text("stats-response")));
        proxy = ConnectProxy.start();
    }

    @AfterEach
    void tearDown() {
        proxy.close();
        server.close();
    }

    private ReactorCoordinatorClient client(ProxyOptions options) {
        return ReactorCoordinatorClient.create(CoordinatorClientOptions.builder(server.baseUrl()).token("rsk_proxied")
                .transport(TransportOptions.builder().proxy(options).retryPolicy(RetryPolicy.none())
                        .connectTimeout(Duration.ofSeconds(5)).build())
                .build());
    }

    private void getStatsThrough(ProxyOptions options) {
        try (ReactorCoordinatorClient client = client(options)) {
            StepVerifier.create(client.getStats()).expectNextCount(1).expectComplete().verify(TIMEOUT);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRequestTunnelsThroughTheProxyWithItsCredentials() {
        proxy.requireCredentials(basic("svc", PROXY_PASSWORD));

        getStatsThrough(ProxyOptions.http("127.0.0.1", proxy.port()).withCredentials("svc", PROXY_PASSWORD));

        assertThat(proxy.connects()).singleElement().satisfies(connect -> {
            assertThat(connect.line()).isEqualTo("CONNECT 127.0.0.1:" + server.port() + " HTTP/1.1");
            assertThat(connect.header("Host")).isEqualTo("127.0.0.1:" + server.port());
            assertThat(connect.header("Proxy-Authorization")).isEqualTo(basic("svc", PROXY_PASSWORD));
            assertThat(connect.header("Authorization")).as("the service's token stays inside the tunnel").isNull();
        });
        RecordedRequest request = server.onlyRequest();
        assertThat(request.header("Authorization")).isEqualTo("Bearer rsk_proxied");
        assertThat(request.hasHeader("Proxy-Authorization")).isFalse();
    }

    @Test
    void refusedProxyCredentialsFailTypedWithoutThePassword() {
        proxy.requireCredentials(basic("svc", "another"));
        AtomicReference<Throwable> error = new AtomicReference<>();

        try (ReactorCoordinatorClient client = client(ProxyOptions.http("127.0.0.1", proxy.port())
                .withCredentials("svc", PROXY_PASSWORD))) {
            StepVerifier.create(client.getStats()).expectErrorSatisfies(error::set).verify(TIMEOUT);
        }

        assertThat(error.get()).isInstanceOf(TransportException.class).hasMessageContaining("407");
        StringWriter text = new StringWriter();
        error.get().printStackTrace(new PrintWriter(text));
        assertThat(text.toString()).doesNotContain(PROXY_PASSWORD)
                .doesNotContain(basic("svc", PROXY_PASSWORD).substring("Basic ".length()));
        assertThat(server.requestCount()).isZero();
        assertThat(ProxyOptions.http("p", 1).withCredentials("svc", PROXY_PASSWORD).toString())
                .isEqualTo("ProxyOptions[http://p:1, user=svc, password=REDACTED]");
    }

    @Test
    void aHostMatchingTheExclusionsIsReachedDirectly() {
        getStatsThrough(ProxyOptions.http("127.0.0.1", proxy.port()).withNonProxyHosts("localhost", "127.*"));

        assertThat(proxy.connects()).isEmpty();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void theSystemPropertiesNameTheProxy() {
        Map<String, String> properties = Map.of("http.proxyHost", "127.0.0.1",
                "http.proxyPort", Integer.toString(proxy.port()), "http.nonProxyHosts", "");

        getStatsThrough(ProxyOptions.system(properties::get, Map.of("HTTP_PROXY", "http://127.0.0.1:1")));

        assertThat(proxy.connects()).extracting(ConnectProxy.Connect::line)
                .containsExactly("CONNECT 127.0.0.1:" + server.port() + " HTTP/1.1");
    }

    @Test
    void withoutNonProxyHostsTheJdkDefaultKeepsLoopbackDirect() {
        Map<String, String> properties = Map.of("http.proxyHost", "127.0.0.1",
                "http.proxyPort", Integer.toString(proxy.port()));

        getStatsThrough(ProxyOptions.system(properties::get, Map.of()));

        assertThat(proxy.connects()).isEmpty();
    }

    @Test
    void theEnvironmentNamesTheProxyAndItsCredentials() {
        proxy.requireCredentials(basic("svc", "p@ss:word"));

        getStatsThrough(ProxyOptions.system(name -> null,
                Map.of("HTTP_PROXY", "http://svc:p%40ss%3Aword@127.0.0.1:" + proxy.port())));

        assertThat(proxy.connects()).singleElement()
                .satisfies(c -> assertThat(c.header("Proxy-Authorization")).isEqualTo(basic("svc", "p@ss:word")));
    }

    @Test
    void noProxyKeepsAListedHostDirect() {
        getStatsThrough(ProxyOptions.system(name -> null, Map.of("http_proxy", "127.0.0.1:" + proxy.port(),
                "NO_PROXY", "internal.example, 127.0.0.1")));

        assertThat(proxy.connects()).isEmpty();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void systemSettingsAreReadForTheTargetsScheme() {
        Map<String, String> properties = Map.of("https.proxyHost", "secure-proxy", "https.proxyPort", "8443",
                "http.proxyHost", "plain-proxy");
        ProxyOptions system = ProxyOptions.system(properties::get, Map.of());

        assertThat(system.resolveFor(URI.create("https://api.example")))
                .hasValueSatisfying(p -> assertThat(p.host() + ":" + p.port()).isEqualTo("secure-proxy:8443"));
        assertThat(system.resolveFor(URI.create("http://api.example")))
                .hasValueSatisfying(p -> assertThat(p.host() + ":" + p.port()).isEqualTo("plain-proxy:80"));
        assertThat(ProxyOptions.system(name -> null, Map.of("HTTPS_PROXY", "http://corp-proxy:3128",
                "NO_PROXY", ".corp.example")).resolveFor(URI.create("https://api.corp.example"))).isEmpty();
        assertThat(ProxyOptions.system(name -> null, Map.of("HTTPS_PROXY", "http://corp-proxy:3128",
                "NO_PROXY", ".corp.example")).resolveFor(URI.create("https://corp.example.org"))).isPresent();
        assertThat(ProxyOptions.system(name -> null, Map.of()).resolveFor(URI.create("https://api.example"))).isEmpty();
    }

    @Test
    void aMalformedSystemSettingFailsWithoutRepeatingItsCredentials() {
        assertThatThrownBy(() -> ProxyOptions.system(name -> null, Map.of("HTTPS_PROXY", "socks5://u:hunter2@p:1080"))
                .resolveFor(URI.create("https://api.example")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("HTTPS_PROXY must be an http://")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> ProxyOptions.system(Map.of("http.proxyHost", "p", "http.proxyPort", "99999")::get,
                Map.of()).resolveFor(URI.create("http://api.example")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http.proxyPort");
    }
}
