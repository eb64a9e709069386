package io.agentfactory.sdk.reactor.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.error.RequestTimeoutException;
import io.agentfactory.sdk.reactor.RetryPolicy;
import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;
import io.agentfactory.sdk.workarea.WorkareaRestoreRequest;

/**
 * The calls that may outlive the client's response timeout (drain, restart preflight, workarea
 * restore) on the wire: each takes its own deadline, succeeds past the ordinary timeout within it,
 * fails with {@link RequestTimeoutException} after it, refuses a non-positive one before sending,
 * and closes its connection as soon as it is cancelled.
 */
class DaemonLongCallsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** The ordinary response timeout of the client under test: shorter than the slow answers. */
    private static final Duration SHORT = Duration.ofMillis(300);

    /** How long the slow answers take: well past {@link #SHORT}, well within the per-call deadlines. */
    private static final Duration SLOW = Duration.ofMillis(1200);

    @RegisterExtension
    static final DaemonUnderTest UNDER_TEST = DaemonUnderTest.withOptions(o -> o.controlToken(DaemonWire.CONTROL_TOKEN)
            .transport(TransportOptions.builder().responseTimeout(SHORT).retryPolicy(RetryPolicy.none()).build()));

    private final RecordingServer server = UNDER_TEST.server();
    private final ReactorDaemonClient daemon = UNDER_TEST.client();

    private static final String PREPARED = """
            {"protocol":"session-shim-restart-preflight-v1","state":"prepared","preparationId":"prep-1","scopeCount":1}""";
    private static final String RESTORED = """
            {"workarea":{"id":"wa-new","kind":"active","providerId":"local","status":"ready",\
            "workareaRoot":"/w/wa-new"}}""";

    record LongCall(String name, String path, String body, String answer,
            Function<ReactorDaemonClient, Mono<?>> bounded, Function<ReactorDaemonClient, Mono<?>> ordinary) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> longCalls() {
        WorkareaRestoreRequest restore = new WorkareaRestoreRequest("investigation", "");
        return Stream.of(
                new LongCall("drain", "/api/daemon/drain", "{\"timeoutSeconds\":60}", DaemonWire.ACTION_OK,
                        c -> c.drain(60, Duration.ofSeconds(8)), c -> c.drain(60)),
                new LongCall("prepareRestart", "/api/daemon/restart/prepare", "", PREPARED,
                        c -> c.prepareRestart(Duration.ofSeconds(8)), c -> c.prepareRestart()),
                new LongCall("restoreWorkarea", "/api/daemon/workareas/wa-arch/restore",
                        "{\"reason\":\"investigation\"}", RESTORED,
                        c -> c.restoreWorkarea("wa-arch", restore, Duration.ofSeconds(8)),
                        c -> c.restoreWorkarea("wa-arch", restore)),
                new LongCall("restoreWorkareaV1", "/api/daemon/workareas/wa-arch/restore",
                        "{\"reason\":\"investigation\"}", RESTORED,
                        c -> c.restoreWorkareaV1("wa-arch", restore, Duration.ofSeconds(8)),
                        c -> c.restoreWorkareaV1("wa-arch", restore)))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("longCalls")
    void withItsOwnDeadlineTheCallOutlivesTheResponseTimeout(LongCall call) {
        server.replyWith(slowly(call.answer()));

        Object answer = call.bounded().apply(daemon).block(WAIT);

        assertThat(answer).isNotNull();
        var request = server.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo(call.path());
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + DaemonWire.CONTROL_TOKEN);
        assertThat(request.bodyText()).isEqualTo(call.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("longCalls")
    void withoutADeadlineTheOrdinaryResponseTimeoutStillBoundsIt(LongCall call) {
        server.replyWith(slowly(call.answer()));

        StepVerifier.create(call.ordinary().apply(daemon))
                .expectError(RequestTimeoutException.class)
                .verify(WAIT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("longCalls")
    void cancellingClosesTheConnectionAtOnce(LongCall call) throws InterruptedException {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        server.replyWith(request -> Reply.custom((req, res) -> {
            res.withConnection(connection -> connection.onDispose(closed::countDown));
            arrived.countDown();
            return Mono.never();
        }));

        Disposable pending = call.bounded().apply(daemon).subscribe(x -> { }, e -> { });
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        pending.dispose();

        assertThat(closed.await(5, TimeUnit.SECONDS)).as("the server saw the connection close").isTrue();
    }

    @Test
    void aBodyTricklingPastTheDeadlineFailsEvenThoughEveryReadIsInTime() {
        // Each chunk arrives well within the per-read timeout; the whole answer takes longer than the deadline.
        server.replyWith(Reply.json(DaemonWire.ACTION_OK).chunked(2).chunkDelay(Duration.ofMillis(100)));

        StepVerifier.create(daemon.drain(0, Duration.ofMillis(600)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RequestTimeoutException.class)
                        .hasMessageContaining("POST /api/daemon/drain: no answer within PT0.6S"))
                .verify(WAIT);
    }

    @Test
    void aNonPositiveDeadlineIsRefusedBeforeSending() {
        WorkareaRestoreRequest restore = new WorkareaRestoreRequest("", "");
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1), null}) {
            assertThatThrownBy(() -> daemon.drain(0, bad).block(WAIT)).isInstanceOf(InvalidArgumentException.class)
                    .hasMessage("deadline must be positive");
            assertThatThrownBy(() -> daemon.prepareRestart(bad).block(WAIT))
                    .isInstanceOf(InvalidArgumentException.class).hasMessage("timeout must be positive");
            assertThatThrownBy(() -> daemon.restoreWorkarea("wa-1", restore, bad).block(WAIT))
                    .isInstanceOf(InvalidArgumentException.class);
            assertThatThrownBy(() -> daemon.restoreWorkareaV1("wa-1", restore, bad).block(WAIT))
                    .isInstanceOf(InvalidArgumentException.class);
        }
        assertThatThrownBy(() -> daemon.drain(-1, Duration.ofSeconds(1)).block(WAIT))
                .isInstanceOf(InvalidArgumentException.class);
        assertThat(server.requestCount()).isZero();
    }

    /** {@code json} answered after {@link #SLOW}, past the client's ordinary response timeout. */
    private static Reply slowly(String json) {
        return Reply.custom((req, res) -> Mono.delay(SLOW)
                .then(res.status(200).header("Content-Type", "application/json").sendString(Mono.just(json)).then()));
    }
}
