package io.agentfactory.sdk.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.ClientClosedException;
import io.agentfactory.sdk.error.RequestTimeoutException;
import io.agentfactory.sdk.error.TransportException;
import io.agentfactory.sdk.reactor.coordinator.CoordinatorClientOptions;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.reactor.daemon.DaemonClientOptions;
import io.agentfactory.sdk.reactor.daemon.ReactorDaemonClient;
import io.agentfactory.sdk.reactor.faults.Fault;
import io.agentfactory.sdk.reactor.faults.FaultServer;
import io.agentfactory.sdk.reactor.testing.PoolProbe;

/**
 * {@code warmup()} of both clients against a loopback server that counts the TCP connections it
 * accepts: lazy, idempotent, local unless a connection is asked for, never blocking a non-blocking
 * thread (BlockHound is on in every test JVM), typed when the connection ahead fails, and refused
 * once the client is closed.
 */
class WarmupTest {

    private static final String TOKEN = "rsk_live_warmupT0kenNeverSent";
    private static final String CONTROL_TOKEN = "ctl_warmupControlT0ken";
    private static final String SESSIONS = "{\"sessions\":[],\"count\":0,\"timestamp\":\"2026-01-01T00:00:00Z\"}";
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private static final FaultServer server = FaultServer.start();

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void resetServer() {
        server.reset();
    }

    @Test
    void warmupContactsNobodyAndLeavesTheFirstCallToOpenTheOnlyConnection() {
        try (ReactorCoordinatorClient client = coordinator(server.baseUrl())) {
            StepVerifier.create(client.warmup()).expectComplete().verify(LIMIT);

            assertThat(server.connectionCount()).isZero();
            assertThat(server.requestCount()).isZero();
            server.answer(Fault.json(SESSIONS));
            assertThat(client.getSessions().block(LIMIT).count()).isZero();
            assertThat(server.connectionCount()).isEqualTo(1);
        }
    }

    @Test
    void warmupIsLazyNothingHappensUntilSubscription() {
        try (ReactorCoordinatorClient client = coordinator(server.baseUrl())) {
            Mono<Void> warmup = client.warmup(WarmupOptions.withConnection());

            assertThat(server.connectionCount()).as("not subscribed yet").isZero();
            StepVerifier.create(warmup).expectComplete().verify(LIMIT);
            assertThat(server.connectionCount()).isEqualTo(1);
        }
    }

    @Test
    void warmupIsIdempotent() {
        try (ReactorCoordinatorClient client = coordinator(server.baseUrl())) {
            StepVerifier.create(client.warmup().then(client.warmup())).expectComplete().verify(LIMIT);
            server.answer(Fault.json(SESSIONS));
            client.getSessions().block(LIMIT);
            StepVerifier.create(client.warmup()).expectComplete().verify(LIMIT);

            assertThat(server.connectionCount()).isEqualTo(1);
            assertThat(server.requests()).extracting(FaultServer.Request::method).containsExactly("GET");
        }
    }

    @Test
    void warmupSubscribedOnANonBlockingThreadRunsNoBlockingCallThere() {
        try (ReactorCoordinatorClient coordinator = coordinator(server.baseUrl());
                ReactorDaemonClient daemon = daemon(server.baseUrl())) {
            AtomicReference<String> subscribedOn = new AtomicReference<>();
            Mono<Void> both = Mono.defer(() -> {
                subscribedOn.set(Thread.currentThread().getName());
                return coordinator.warmup().then(daemon.warmup());
            }).subscribeOn(Schedulers.parallel());

            StepVerifier.create(both).expectComplete().verify(LIMIT);
            assertThat(subscribedOn.get()).startsWith("parallel-");
        }
    }

    @Test
    void aConnectionAskedForIsOpenedAheadWithoutCredentialsAndReusedByTheFirstCall() {
        try (ReactorCoordinatorClient client = coordinator(server.baseUrl())) {
            server.answerInTurn(Fault.answer(405, "text/plain", "method not allowed"), Fault.json(SESSIONS));

            StepVerifier.create(client.warmup(WarmupOptions.withConnection())).expectComplete().verify(LIMIT);
            assertThat(server.connectionCount()).isEqualTo(1);
            client.getSessions().block(LIMIT);

            assertThat(server.connectionCount()).as("the first call reused the connection opened ahead").isEqualTo(1);
            List<FaultServer.Request> requests = server.requests();
            assertThat(requests).extracting(FaultServer.Request::method).containsExactly("OPTIONS", "GET");
            assertThat(requests.get(0).uri()).isEqualTo("/api/public/sessions");
            assertThat(requests.get(0).header("Authorization")).isNull();
            assertThat(requests.get(1).header("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(requests.get(1).onConnection()).isEqualTo(2);
        }
    }

    @Test
    void theDaemonOpensItsConnectionOnTheStatusPathWithoutTheControlToken() {
        try (ReactorDaemonClient client = daemon(server.baseUrl())) {
            StepVerifier.create(client.warmup(WarmupOptions.withConnection())).expectComplete().verify(LIMIT);

            FaultServer.Request options = server.requests().get(0);
            assertThat(options.method() + " " + options.uri()).isEqualTo("OPTIONS /api/daemon/status");
            assertThat(options.header("Authorization")).isNull();
            assertThat(server.connectionCount()).isEqualTo(1);
        }
    }

    @Test
    void aConnectionAheadToNobodyFailsTypedAsACallWould() throws IOException {
        try (ReactorCoordinatorClient client = coordinator("http://127.0.0.1:" + closedPort())) {
            StepVerifier.create(client.warmup(WarmupOptions.withConnection()))
                    .expectErrorSatisfies(e -> assertThat(e).isExactlyInstanceOf(TransportException.class)
                            .hasMessageStartingWith("OPTIONS /api/public/sessions: "))
                    .verify(LIMIT);
            StepVerifier.create(client.warmup()).as("the local part needs nobody").expectComplete().verify(LIMIT);
        }
    }

    @Test
    void aServerThatNeverAnswersTheConnectionAheadTimesOutTyped() {
        try (ReactorCoordinatorClient client = coordinator(server.baseUrl(), Duration.ofMillis(300))) {
            server.answer(Fault.stall());

            StepVerifier.create(client.warmup(WarmupOptions.withConnection()))
                    .expectError(RequestTimeoutException.class)
                    .verify(LIMIT);
        }
    }

    @Test
    void anEndlessAnswerToTheConnectionAheadIsCutAfterTheErrorBodyLimit() {
        try (ReactorCoordinatorClient client = coordinator(server.baseUrl())) {
            Fault endless = Fault.head(200, "Content-Type: text/plain", "Transfer-Encoding: chunked");
            for (int i = 0; i < 200; i++) {
                endless = endless.thenChunk("x".repeat(1024));
            }
            server.answer(endless.then(Fault.stall()));

            StepVerifier.create(client.warmup(WarmupOptions.withConnection())).expectComplete().verify(LIMIT);
        }
    }

    @Test
    void cancellingTheConnectionAheadMidAnswerReleasesTheConnection() throws InterruptedException {
        CountDownLatch headersSent = new CountDownLatch(1);
        server.answer(Fault.head(200, "Content-Type: text/plain", "Content-Length: 100").then("partial")
                .thenAwait(Mono.never().doOnSubscribe(s -> headersSent.countDown())));
        try (PoolProbe pool = PoolProbe.create("warmup-cancel", 2);
                ReactorCoordinatorClient client = ReactorCoordinatorClient.create(CoordinatorClientOptions
                        .builder(server.baseUrl()).transport(TransportOptions.builder()
                                .connectionProvider(pool.provider()).retryPolicy(RetryPolicy.none()).build())
                        .build())) {
            Disposable warmup = client.warmup(WarmupOptions.withConnection()).subscribe();
            assertThat(headersSent.await(10, TimeUnit.SECONDS)).isTrue();

            warmup.dispose();

            pool.awaitIdle(LIMIT);
            assertThat(server.connectionCount()).isEqualTo(1);
        }
    }

    @Test
    void afterCloseWarmupFailsWithClientClosedAndContactsNobody() {
        ReactorCoordinatorClient coordinator = coordinator(server.baseUrl());
        ReactorDaemonClient daemon = daemon(server.baseUrl());
        coordinator.close();
        daemon.close();

        StepVerifier.create(coordinator.warmup()).expectError(ClientClosedException.class).verify(LIMIT);
        StepVerifier.create(daemon.warmup()).expectError(ClientClosedException.class).verify(LIMIT);
        StepVerifier.create(coordinator.warmup(WarmupOptions.withConnection()))
                .expectError(ClientClosedException.class).verify(LIMIT);
        StepVerifier.create(daemon.warmup(WarmupOptions.withConnection()))
                .expectError(ClientClosedException.class).verify(LIMIT);
        assertThat(server.connectionCount()).isZero();
    }

    @Test
    void aViewSharesItsParentsWarmupAndItsClosing() {
        ReactorCoordinatorClient parent = coordinator(server.baseUrl());
        ReactorCoordinatorClient view = parent.withOptions(RequestOptions.builder().deadline(Duration.ofSeconds(5)).build());

        StepVerifier.create(view.warmup()).expectComplete().verify(LIMIT);
        parent.close();
        StepVerifier.create(view.warmup()).expectError(ClientClosedException.class).verify(LIMIT);
    }

    private static ReactorCoordinatorClient coordinator(String baseUrl) {
        return coordinator(baseUrl, Duration.ofSeconds(5));
    }

    private static ReactorCoordinatorClient coordinator(String baseUrl, Duration responseTimeout) {
        return ReactorCoordinatorClient.create(CoordinatorClientOptions.builder(baseUrl).token(TOKEN)
                .transport(transport(responseTimeout)).build());
    }

    private static ReactorDaemonClient daemon(String baseUrl) {
        return ReactorDaemonClient.create(DaemonClientOptions.builder().baseUrl(baseUrl).controlToken(CONTROL_TOKEN)
                .transport(transport(Duration.ofSeconds(5))).build());
    }

    private static TransportOptions transport(Duration responseTimeout) {
        return TransportOptions.builder().connectTimeout(Duration.ofSeconds(2)).responseTimeout(responseTimeout)
                .retryPolicy(RetryPolicy.none()).build();
    }

    /** A loopback port nobody listens on: bound, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
