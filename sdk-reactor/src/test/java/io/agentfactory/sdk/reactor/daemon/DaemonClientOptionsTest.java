package io.agentfactory.sdk.reactor.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import io.agentfactory.sdk.daemon.DaemonConfig;
import io.agentfactory.sdk.reactor.TransportOptions;

/**
 * Where the daemon client connects and with which control token: defaults, {@link DaemonConfig},
 * IPv6 hosts, and the environment overrides {@code DONMAI_DAEMON_URL}, {@code DONMAI_DAEMON_HOST},
 * {@code DONMAI_DAEMON_PORT} and {@code DONMAI_CONTROL_TOKEN}.
 */
class DaemonClientOptionsTest {

    private static final DaemonConfig FROM_YAML = new DaemonConfig("10.1.2.3", 9000);

    @Test
    void defaultsPointAtTheLocalDaemonWithoutControlToken() {
        DaemonClientOptions options = DaemonClientOptions.defaults();

        assertThat(options.baseUrl()).isEqualTo("http://127.0.0.1:7734");
        assertThat(options.controlToken()).isEmpty();
    }

    @Test
    void aDaemonConfigGivesHostAndPort() {
        assertThat(DaemonClientOptions.builder(FROM_YAML).build().baseUrl()).isEqualTo("http://10.1.2.3:9000");
    }

    @ParameterizedTest(name = "{0}:{1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "::1        | 7734 | http://[::1]:7734",
        "[::1]      | 7734 | http://[::1]:7734",
        "fe80::1    | 8080 | http://[fe80::1]:8080",
        "localhost  | 7734 | http://localhost:7734",
    })
    void hostAndPortMakeAValidUrlWithIpv6LiteralsBracketed(String host, int port, String url) {
        assertThat(DaemonClientOptions.builder().host(host).port(port).build().baseUrl()).isEqualTo(url);
    }

    @Test
    void anIpv6DaemonConfigMakesABracketedUrl() {
        assertThat(DaemonClientOptions.builder(new DaemonConfig("::1", 0)).build().baseUrl())
                .isEqualTo("http://[::1]:7734");
    }

    @Test
    void anIpv6HostReachesADaemonOnIpv6Loopback() {
        DisposableServer ipv6 = bindIpv6LoopbackDaemon();
        try (ReactorDaemonClient daemon = ReactorDaemonClient.create(
                DaemonClientOptions.builder().host("::1").port(ipv6.port()).build())) {

            var status = daemon.getStatus().block(Duration.ofSeconds(20));

            assertThat(status.pid()).isEqualTo(4242);
        }
        finally {
            ipv6.disposeNow(Duration.ofSeconds(5));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example/x", "user@host", "host?x=1", "host#x", "two words", "::1]"})
    void aHostThatIsNotJustAHostIsRefused(String host) {
        assertThatThrownBy(() -> DaemonClientOptions.builder().host(host))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a valid host");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536})
    void aPortOutsideTheValidRangeIsRefused(int port) {
        assertThatThrownBy(() -> DaemonClientOptions.builder().port(port))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1-65535");
    }

    @Test
    void aBaseUrlKeepsItsPathPrefixAndDropsTheTrailingSlash() {
        assertThat(DaemonClientOptions.builder().baseUrl("http://daemon.internal:8080/control/").build().baseUrl())
                .isEqualTo("http://daemon.internal:8080/control");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1:7734", "127.0.0.1:7734", "http://admin:hunter2@127.0.0.1:7734",
        "http://127.0.0.1:7734/?q=1"})
    void aBaseUrlThatIsNotAPlainHttpUrlIsRefusedWithoutRepeatingIt(String url) {
        assertThatThrownBy(() -> DaemonClientOptions.builder().baseUrl(url))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain(url).doesNotContain("hunter2");
    }

    @Test
    void theLastOfBaseUrlAndHostOrPortWins() {
        assertThat(DaemonClientOptions.builder().host("10.0.0.1").baseUrl("http://daemon:1").build().baseUrl())
                .isEqualTo("http://daemon:1");
        assertThat(DaemonClientOptions.builder().baseUrl("http://daemon:1").port(9000).build().baseUrl())
                .isEqualTo("http://127.0.0.1:9000");
    }

    @Test
    void environmentHostAndPortOverrideTheDaemonConfig() {
        DaemonClientOptions options = DaemonClientOptions.fromEnvironment(FROM_YAML,
                Map.of("DONMAI_DAEMON_HOST", "192.168.1.20", "DONMAI_DAEMON_PORT", "7800"));

        assertThat(options.baseUrl()).isEqualTo("http://192.168.1.20:7800");
    }

    @Test
    void environmentPortAloneKeepsTheConfiguredHost() {
        DaemonClientOptions options = DaemonClientOptions.fromEnvironment(FROM_YAML, Map.of("DONMAI_DAEMON_PORT", "7800"));

        assertThat(options.baseUrl()).isEqualTo("http://10.1.2.3:7800");
    }

    @Test
    void anIpv6HostFromTheEnvironmentIsBracketed() {
        DaemonClientOptions options = DaemonClientOptions.fromEnvironment(DaemonConfig.defaults(),
                Map.of("DONMAI_DAEMON_HOST", "::1"));

        assertThat(options.baseUrl()).isEqualTo("http://[::1]:7734");
    }

    @Test
    void environmentUrlWinsOverHostAndPort() {
        DaemonClientOptions options = DaemonClientOptions.fromEnvironment(FROM_YAML, Map.of(
                "DONMAI_DAEMON_URL", "http://daemon.internal:7999/",
                "DONMAI_DAEMON_HOST", "192.168.1.20",
                "DONMAI_DAEMON_PORT", "7800"));

        assertThat(options.baseUrl()).isEqualTo("http://daemon.internal:7999");
    }

    @Test
    void environmentControlTokenIsTheControlToken() {
        DaemonClientOptions options = DaemonClientOptions.fromEnvironment(DaemonConfig.defaults(),
                Map.of("DONMAI_CONTROL_TOKEN", " " + DaemonWire.CONTROL_TOKEN + "\n"));

        assertThat(options.controlToken()).contains(DaemonWire.CONTROL_TOKEN);
    }

    @Test
    void blankOrAbsentVariablesChangeNothing() {
        DaemonClientOptions options = DaemonClientOptions.builder(FROM_YAML)
                .controlToken(DaemonWire.CONTROL_TOKEN)
                .environment(Map.of("DONMAI_DAEMON_HOST", " ", "DONMAI_DAEMON_PORT", "", "DONMAI_DAEMON_URL", "",
                        "DONMAI_CONTROL_TOKEN", "  ", "UNRELATED", "x"))
                .build();

        assertThat(options.baseUrl()).isEqualTo("http://10.1.2.3:9000");
        assertThat(options.controlToken()).contains(DaemonWire.CONTROL_TOKEN);
    }

    @Test
    void builderCallsAfterTheEnvironmentOverrideIt() {
        DaemonClientOptions options = DaemonClientOptions.builder()
                .environment(Map.of("DONMAI_DAEMON_PORT", "7800", "DONMAI_CONTROL_TOKEN", DaemonWire.CONTROL_TOKEN))
                .port(7900)
                .controlToken(null)
                .build();

        assertThat(options.baseUrl()).isEqualTo("http://127.0.0.1:7900");
        assertThat(options.controlToken()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "70000", "0", "77.34"})
    void aBadPortInTheEnvironmentNamesTheVariableButNeverRepeatsItsValue(String port) {
        assertThatThrownBy(() -> DaemonClientOptions.fromEnvironment(DaemonConfig.defaults(),
                Map.of("DONMAI_DAEMON_PORT", port)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("DONMAI_DAEMON_PORT: ")
                .hasMessageContaining("1-65535")
                .message().doesNotContain("'" + port + "'").doesNotContain(": " + port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example/x", "user:s3cr3t@host", "h?q=internal-name"})
    void aBadHostInTheEnvironmentNamesTheVariableButNeverRepeatsItsValue(String host) {
        assertThatThrownBy(() -> DaemonClientOptions.fromEnvironment(DaemonConfig.defaults(),
                Map.of("DONMAI_DAEMON_HOST", host)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("DONMAI_DAEMON_HOST: ")
                .message().doesNotContain(host).doesNotContain("s3cr3t").doesNotContain("internal-name");
    }

    @Test
    void aBadUrlInTheEnvironmentNamesTheVariableButNeverRepeatsTheUrl() {
        assertThatThrownBy(() -> DaemonClientOptions.fromEnvironment(DaemonConfig.defaults(),
                Map.of("DONMAI_DAEMON_URL", "http://admin:hunter2@127.0.0.1:7734")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("DONMAI_DAEMON_URL: ")
                .message().doesNotContain("hunter2");
    }

    @Test
    void aControlTokenWithALineBreakNamesTheVariableButNeverRepeatsTheToken() {
        assertThatThrownBy(() -> DaemonClientOptions.fromEnvironment(DaemonConfig.defaults(),
                Map.of("DONMAI_CONTROL_TOKEN", "dct_secret\r\nX-Injected: 1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("DONMAI_CONTROL_TOKEN: ")
                .message().doesNotContain("dct_secret");
    }

    @Test
    void theDocumentedVariableNamesAreTheConstants() {
        assertThat(DaemonClientOptions.ENV_URL).isEqualTo("DONMAI_DAEMON_URL");
        assertThat(DaemonClientOptions.ENV_HOST).isEqualTo("DONMAI_DAEMON_HOST");
        assertThat(DaemonClientOptions.ENV_PORT).isEqualTo("DONMAI_DAEMON_PORT");
        assertThat(DaemonClientOptions.ENV_CONTROL_TOKEN).isEqualTo("DONMAI_CONTROL_TOKEN");
    }

    @Test
    void toBuilderKeepsEveryValue() {
        TransportOptions transport = TransportOptions.builder().maxConnections(2).build();
        DaemonClientOptions options = DaemonClientOptions.builder().baseUrl("http://daemon:1")
                .controlToken(DaemonWire.CONTROL_TOKEN).transport(transport).build();

        DaemonClientOptions copy = options.toBuilder().build();

        assertThat(copy.baseUrl()).isEqualTo("http://daemon:1");
        assertThat(copy.controlToken()).contains(DaemonWire.CONTROL_TOKEN);
        assertThat(copy.transport()).isSameAs(transport);
    }

    /** A one-route daemon on {@code [::1]}; the test is skipped where the machine has no IPv6 loopback. */
    private static DisposableServer bindIpv6LoopbackDaemon() {
        DisposableServer server = null;
        try {
            server = HttpServer.create().host("::1").port(0)
                    .route(routes -> routes.get("/api/daemon/status", (request, response) -> response
                            .header("Content-Type", "application/json")
                            .sendString(Mono.just(DaemonWire.STATUS))))
                    .bindNow(Duration.ofSeconds(10));
        }
        catch (RuntimeException e) {
            // no IPv6 loopback here
        }
        assumeThat(server).as("an IPv6 loopback interface").isNotNull();
        return server;
    }
}
