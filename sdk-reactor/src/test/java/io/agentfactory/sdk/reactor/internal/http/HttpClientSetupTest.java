package io.agentfactory.sdk.reactor.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientConfig;
import reactor.netty.resources.ConnectionProvider;

import io.agentfactory.sdk.reactor.TransportOptions;

/**
 * A caller's {@link HttpClient} keeps its settings: the SDK turns redirects off and sets its
 * User-Agent, sets timeouts only when asked (or when the caller has none), and runs the caller's
 * customizer last.
 */
class HttpClientSetupTest {

    private static final String BASE = "http://127.0.0.1:9";

    private static HttpClientConfig configured(TransportOptions options) {
        HttpClientSetup setup = HttpClientSetup.create(BASE, options, "setup-test");
        if (setup.ownedProvider() != null) {
            setup.ownedProvider().dispose();
        }
        return setup.client().configuration();
    }

    @Test
    void aCallersTimeoutsAreKeptUnlessTheOptionsSetThem() {
        HttpClient callers = HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1234)
                .responseTimeout(Duration.ofSeconds(7)).followRedirect(true);

        HttpClientConfig kept = configured(TransportOptions.builder().httpClient(callers).build());
        assertThat(kept.options().get(ChannelOption.CONNECT_TIMEOUT_MILLIS)).isEqualTo(1234);
        assertThat(kept.responseTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(kept.followRedirectPredicate()).as("redirects would carry credentials elsewhere").isNull();

        HttpClientConfig set = configured(TransportOptions.builder().httpClient(callers)
                .connectTimeout(Duration.ofMillis(500)).responseTimeout(Duration.ofSeconds(3)).build());
        assertThat(set.options().get(ChannelOption.CONNECT_TIMEOUT_MILLIS)).isEqualTo(500);
        assertThat(set.responseTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aCallersClientWithoutResponseTimeoutGetsTheSdks() {
        HttpClientConfig config = configured(TransportOptions.builder().httpClient(HttpClient.create()).build());

        assertThat(config.responseTimeout()).isEqualTo(TransportOptions.defaults().responseTimeout());
    }

    @Test
    void theSdksOwnClientGetsEveryOption() {
        HttpClientConfig config = configured(TransportOptions.defaults());

        assertThat(config.options().get(ChannelOption.CONNECT_TIMEOUT_MILLIS)).isEqualTo(10_000);
        assertThat(config.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.followRedirectPredicate()).isNull();
    }

    @Test
    void theCustomizerRunsLastAndWins() {
        HttpClientConfig config = configured(TransportOptions.builder().responseTimeout(Duration.ofSeconds(3))
                .httpClientCustomizer(client -> client.responseTimeout(Duration.ofSeconds(99))).build());

        assertThat(config.responseTimeout()).isEqualTo(Duration.ofSeconds(99));
    }

    @Test
    void theApplicationIdPrefixesTheSdksUserAgent() {
        TransportOptions options = TransportOptions.builder().applicationId("billing-service/2.3").build();

        assertThat(HttpClientSetup.userAgent(options)).isEqualTo("billing-service/2.3 " + UserAgent.DEFAULT);
        assertThat(HttpClientSetup.userAgent(TransportOptions.defaults())).isEqualTo(UserAgent.DEFAULT);
        assertThatThrownBy(() -> TransportOptions.builder().applicationId("app\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("X-Evil");
        assertThatThrownBy(() -> TransportOptions.builder().applicationId(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anHttpClientAndAConnectionProviderTogetherAreRefused() {
        ConnectionProvider pool = ConnectionProvider.create("setup-test-exclusive", 1);
        try {
            assertThatThrownBy(() -> TransportOptions.builder().httpClient(HttpClient.create())
                    .connectionProvider(pool).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("httpClient and connectionProvider are exclusive");
        }
        finally {
            pool.dispose();
        }
    }
}
