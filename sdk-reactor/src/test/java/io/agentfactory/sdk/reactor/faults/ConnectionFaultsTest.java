package io.agentfactory.sdk.reactor.faults;

import static io.agentfactory.sdk.reactor.faults.CoordinatorUnderFault.NO_HANG;
import static io.agentfactory.sdk.reactor.faults.CoordinatorUnderFault.failure;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.ClientClosedException;
import io.agentfactory.sdk.error.ErrorKind;
import io.agentfactory.sdk.error.TransportException;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.session.ActivityFollowRequest;
import io.agentfactory.sdk.task.SubmitTaskRequest;
import io.agentfactory.sdk.reactor.testing.Fixtures;

/**
 * The connection fails: nobody listens, the server resets or closes before or during the answer,
 * the name does not resolve, TLS meets a plain-HTTP port. Each is a {@link TransportException}
 * naming the method and path; GETs are retried per the policy, POSTs never (the server may have
 * acted). After each test the pool is idle and nothing leaked ({@link CoordinatorUnderFault}).
 */
class ConnectionFaultsTest {

    private static final String STATS = Fixtures.text("stats-response");
    private static final String MACHINES = Fixtures.text("machine-stats-array");

    @RegisterExtension
    static final CoordinatorUnderFault UNDER_FAULT = CoordinatorUnderFault.withPoolOf(4);

    private final FaultServer server = UNDER_FAULT.server();

    @Test
    void aRefusedConnectionIsATransportErrorOnceTheRetriesAreSpent() throws IOException {
        ReactorCoordinatorClient client = UNDER_FAULT.client("http://127.0.0.1:" + closedPort(), t -> t);

        TransportException e = failure(client.getStats(), TransportException.class);

        assertThat(e.kind()).isEqualTo(ErrorKind.TRANSPORT);
        assertThat(e.method()).contains("GET");
        assertThat(e.path()).contains("/api/public/stats");
        assertThat(e.getMessage()).startsWith("GET /api/public/stats: ").contains("Connection refused");
        assertThat(UNDER_FAULT.logs().linesContaining("retry 2 of 2")).hasSize(1);
    }

    @Test
    void aResetBeforeTheHeadersIsATransportErrorAfterEveryAttempt() {
        server.answer(Fault.reset());

        TransportException e = failure(UNDER_FAULT.client().getStats(), TransportException.class);

        assertThat(e.getMessage()).startsWith("GET /api/public/stats: ");
        assertThat(server.requestCount()).as("a GET is tried maxAttempts times").isEqualTo(3);
    }

    @Test
    void aResetBeforeTheHeadersIsRecoveredByRetryingTheGet() {
        server.answerInTurn(Fault.reset(), Fault.json(STATS));

        StepVerifier.create(UNDER_FAULT.client().getStats())
                .assertNext(stats -> assertThat(stats.completedToday()).isEqualTo(48))
                .expectComplete()
                .verify(NO_HANG);

        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void aResetBeforeTheHeadersOfAPostIsNotRetried() {
        server.answer(Fault.reset());

        failure(UNDER_FAULT.client().submitTask(SubmitTaskRequest.of("REN-1")), TransportException.class);

        assertThat(server.requestCount()).as("the server may have acted: sent once").isEqualTo(1);
    }

    @Test
    void aConnectionClosedMidJsonBodyIsATransportError() {
        server.answer(Fault.truncated(STATS, 40).thenClose());

        TransportException e = failure(UNDER_FAULT.client().getStats(), TransportException.class);

        assertThat(e.getMessage()).contains("prematurely closed");
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void aConnectionClosedMidChunkedJsonBodyIsATransportError() {
        server.answer(Fault.head(200, "Content-Type: application/json", "Transfer-Encoding: chunked")
                .thenChunk(STATS.substring(0, 40))
                .thenClose());

        failure(UNDER_FAULT.client().getStats(), TransportException.class);
    }

    @Test
    void aConnectionResetMidJsonBodyIsATransportError() {
        server.answer(Fault.truncated(STATS, 40).thenReset());

        failure(UNDER_FAULT.client().getStats(), TransportException.class);
    }

    @Test
    void aPostCutMidBodyIsNotRetried() {
        server.answer(Fault.head(200, "Content-Type: application/json", "Content-Length: 200")
                .then("{\"submitted\":tr")
                .thenClose());

        failure(UNDER_FAULT.client().submitTask(SubmitTaskRequest.of("REN-1")), TransportException.class);

        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void anArrayCutMidBodyEmitsNoElementAndFails() {
        server.answer(Fault.truncated(MACHINES, 30).thenClose());

        StepVerifier.create(UNDER_FAULT.client().getMachineStats())
                .expectError(TransportException.class)
                .verify(NO_HANG);
    }

    @Test
    void aCutBodyRecoveredByRetryDeliversTheWholeArrayOnce() {
        server.answerInTurn(
                Fault.truncated(MACHINES, 30).thenReset(),
                Fault.json(MACHINES));

        StepVerifier.create(UNDER_FAULT.client().getMachineStats())
                .assertNext(m -> assertThat(m.id()).isEqualTo("mac-studio-marks-office"))
                .assertNext(m -> assertThat(m.id()).isEqualTo("build-box-fra-02"))
                .expectComplete()
                .verify(NO_HANG);
    }

    @Test
    void anUnresolvableHostIsATransportError() {
        try (UnknownNamesDns dns = UnknownNamesDns.start()) {
            ReactorCoordinatorClient client = UNDER_FAULT.client("http://coordinator.invalid:8080",
                    t -> t.connectionProvider(null).httpClient(dns.httpClient(UNDER_FAULT.pool().provider())));

            TransportException e = failure(client.getStats(), TransportException.class);

            assertThat(e.getMessage()).startsWith("GET /api/public/stats: ").contains("coordinator.invalid");
            assertThat(dns.queryCount()).as("the name was asked for").isPositive();
        }
    }

    @Test
    void tlsAgainstAPlainHttpPortFailsTheHandshakeAndSendsNoRequest() {
        ReactorCoordinatorClient client = UNDER_FAULT.client("https://127.0.0.1:" + server.port(), t -> t);

        TransportException e = failure(client.getStats(), TransportException.class);

        assertThat(e.getMessage()).startsWith("GET /api/public/stats: ");
        assertThat(e).hasRootCauseInstanceOf(javax.net.ssl.SSLException.class);
        assertThat(server.connectionCount()).isPositive();
        assertThat(server.requestCount()).as("no request ever crossed in clear text").isZero();
    }

    /** A loopback port nobody listens on: bound, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aCallAfterCloseFailsAtOnceTypedWithoutConnecting() {
        ReactorCoordinatorClient client = UNDER_FAULT.client();
        client.close();

        ClientClosedException e = failure(client.getStats(), ClientClosedException.class);

        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage()).isEqualTo("GET /api/public/stats: the client is closed");
        failure(client.followActivities(ActivityFollowRequest.of("s-1")), ClientClosedException.class);
        assertThat(server.connectionCount()).isZero();
    }

    @Test
    void callsInFlightAtCloseEndTypedNotHung() {
        Sinks.Empty<Void> asked = Sinks.empty();
        server.answer(request -> {
            asked.tryEmitEmpty();
            return Fault.stall();
        });
        ReactorCoordinatorClient client = UNDER_FAULT.client(t -> t.responseTimeout(Duration.ofMinutes(5)));

        StepVerifier.create(client.getStats())
                .then(() -> {
                    asked.asMono().block(NO_HANG);
                    client.close();
                })
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ClientClosedException.class))
                .verify(Duration.ofSeconds(5));
    }
}
