package io.agentfactory.sdk.reactor.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.UnknownHostException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.TransportException;
import io.agentfactory.sdk.reactor.RetryPolicy;
import io.agentfactory.sdk.reactor.TransportOptions;

/** Every valid port works: one-digit ports are a connection attempt, never a host-name lookup. */
class SingleDigitPortTest {

    @Test
    void aOneDigitPortIsConnectedToNotResolvedAsPartOfTheHost() {
        try (ReactorCoordinatorClient client = ReactorCoordinatorClient.create(
                CoordinatorClientOptions.builder("http://127.0.0.1:9")
                        .transport(TransportOptions.builder().retryPolicy(RetryPolicy.none()).build())
                        .build())) {
            StepVerifier.create(client.getStats())
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(TransportException.class);
                        assertThat(e).hasMessageNotContaining("resolve");
                        for (Throwable t = e; t != null; t = t.getCause()) {
                            assertThat(t).isNotInstanceOf(UnknownHostException.class);
                        }
                    })
                    .verify(Duration.ofSeconds(20));
        }
    }
}
