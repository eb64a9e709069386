package io.agentfactory.sdk.reactor.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.TransportException;
import io.agentfactory.sdk.reactor.ProxyOptions;
import io.agentfactory.sdk.reactor.RetryPolicy;
import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.coordinator.CoordinatorClientOptions;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;
import io.agentfactory.sdk.reactor.transport.ConnectProxy;

/**
 * The proxy password (and its Basic encoding) appears in no log line — the SDK's and Reactor
 * Netty's at DEBUG — when a proxy refuses it, nor in the options' description.
 */
class ProxySecrecyTest {

    private static final String PASSWORD = "pr0xy-0nly-s3cret";

    @Test
    void aRefusedProxyPasswordIsNeverLogged() {
        String encoded = Base64.getEncoder().encodeToString(("svc:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (LogCapture logs = LogCapture.start();
                RecordingServer server = RecordingServer.start();
                ConnectProxy proxy = ConnectProxy.start().requireCredentials("Basic bm90OnRoaXM=")) {
            server.replyWith(Reply.json("{}"));
            ProxyOptions proxied = ProxyOptions.http("127.0.0.1", proxy.port()).withCredentials("svc", PASSWORD);
            TransportOptions transport = TransportOptions.builder().proxy(proxied).retryPolicy(RetryPolicy.none())
                    .build();
            try (ReactorCoordinatorClient client = ReactorCoordinatorClient.create(CoordinatorClientOptions
                    .builder(server.baseUrl()).transport(transport).build())) {
                StepVerifier.create(client.getStats()).expectError(TransportException.class)
                        .verify(Duration.ofSeconds(10));
                assertThat(client.toString()).doesNotContain(PASSWORD);
            }

            assertThat(logs.lines()).as("something was logged at DEBUG").isNotEmpty();
            assertThat(logs.linesContaining(PASSWORD)).isEmpty();
            assertThat(logs.linesContaining(encoded)).isEmpty();
            assertThat(proxy.connects()).singleElement()
                    .satisfies(c -> assertThat(c.header("Proxy-Authorization")).isEqualTo("Basic " + encoded));
        }
    }
}
