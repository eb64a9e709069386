package io.agentfactory.sdk.reactor.faults;

import static io.agentfactory.sdk.reactor.faults.CoordinatorUnderFault.NO_HANG;
import static io.agentfactory.sdk.reactor.faults.CoordinatorUnderFault.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.RequestTimeoutException;
import io.agentfactory.sdk.error.UnavailableException;
import io.agentfactory.sdk.reactor.RequestOptions;
import io.agentfactory.sdk.reactor.RetryPolicy;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.reactor.testing.Fixtures;
import io.agentfactory.sdk.task.SubmitTaskRequest;

/**
 * Per-call options through {@code withOptions(...)}: a total deadline that bounds attempts, waits
 * and slow bodies (a server trickling a byte a second), a retry policy override, extra headers on
 * the wire, and an idempotency key that makes a POST retryable. After each test the pool is idle,
 * nothing leaked and no log line holds the token.
 */
class PerCallOptionsTest {

    private static final String STATS = Fixtures.text("stats-response");

    private static final String SUBMITTED = Fixtures.text("submit-task-response");

    @RegisterExtension
    static final CoordinatorUnderFault UNDER_FAULT = CoordinatorUnderFault.withPoolOf(4);

    private final FaultServer server = UNDER_FAULT.server();

    private static Fault unavailable() {
        return Fault.answer(503, "application/json", "{\"error\":\"busy\"}");
    }

    @Test
    void aBodyTrickledAtOneBytePerSecondEndsAtTheDeadline() {
        byte[] body = STATS.getBytes(StandardCharsets.UTF_8);
        server.answer(Fault.head(200, "Content-Type: application/json", "Content-Length: " + body.length)
                .thenTrickle(body, 1, Duration.ofSeconds(1)));
        ReactorCoordinatorClient client = UNDER_FAULT.client().withOptions(RequestOptions.builder()
                .deadline(Duration.ofMillis(3000)).build());

        long start = System.nanoTime();
        RequestTimeoutException e = failure(client.getStats(), RequestTimeoutException.class);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(e.getMessage())
                .isEqualTo("GET /api/public/stats: no complete answer within the deadline of 3000 ms");
        assertThat(tookMillis).as("ended at the deadline, not after the %d-second body", body.length)
                .isBetween(2900L, 9000L);
    }

    @Test
    void withoutADeadlineTheTrickleIsNotCutOffByTheResponseTimeout() {
        server.answer(Fault.trickled(STATS, 4, Duration.ofMillis(300)));

        StepVerifier.create(UNDER_FAULT.client().getStats()).expectNextCount(1).expectComplete().verify(NO_HANG);
    }

    @Test
    void theDeadlineCoversRetriesAndTheWaitsBetweenThem() {
        server.answerInTurn(unavailable(), unavailable(), Fault.stall());
        ReactorCoordinatorClient client = UNDER_FAULT.client().withOptions(RequestOptions.builder()
                .deadline(Duration.ofSeconds(4))
                .retryPolicy(RetryPolicy.defaults().withMaxAttempts(5).withBackoff(Duration.ofMillis(50),
                        Duration.ofMillis(50), 0.0))
                .build());

        failure(client.getStats(), RequestTimeoutException.class);

        assertThat(server.requestCount()).as("two 503s retried, the third attempt stalled").isEqualTo(3);
    }

    @Test
    void aRetryAfterBeyondTheDeadlineFailsAtOnceWithTheServersAnswer() {
        server.answer(Fault.head(503, "Content-Type: application/json", "Content-Length: 2", "Retry-After: 30")
                .then("{}"));
        ReactorCoordinatorClient client = UNDER_FAULT.client(t -> t.retryPolicy(RetryPolicy.defaults()))
                .withOptions(RequestOptions.builder().deadline(Duration.ofSeconds(5)).build());

        long start = System.nanoTime();
        UnavailableException e = failure(client.getStats(), UnavailableException.class);

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no wait for the deadline")
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aRetryPolicyOverrideReplacesTheTransportsForTheViewOnly() {
        server.answer(unavailable());
        ReactorCoordinatorClient client = UNDER_FAULT.client();

        failure(client.withOptions(RequestOptions.builder().retryPolicy(RetryPolicy.none()).build()).getStats(),
                UnavailableException.class);
        assertThat(server.requestCount()).isEqualTo(1);

        failure(client.getStats(), UnavailableException.class);
        assertThat(server.requestCount()).as("the parent keeps its 3 attempts").isEqualTo(4);
    }

    @Test
    void extraHeadersGoOnTheWireBesideTheSdksOwn() {
        server.answer(Fault.json(STATS));
        ReactorCoordinatorClient client = UNDER_FAULT.client().withOptions(RequestOptions.builder()
                .header("X-Request-Id", "req-42")
                .header("Baggage", "tenant=acme")
                .build());

        StepVerifier.create(client.getStats()).expectNextCount(1).expectComplete().verify(NO_HANG);

        FaultServer.Request request = server.requests().get(0);
        assertThat(request.header("X-Request-Id")).isEqualTo("req-42");
        assertThat(request.header("Baggage")).isEqualTo("tenant=acme");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + CoordinatorUnderFault.TOKEN);
        assertThat(request.header("X-Rensei-Org")).isEqualTo("org_faults");
        assertThat(request.header("Idempotency-Key")).isNull();
    }

    @Test
    void headersTheSdkOwnsOrThatCouldInjectAreRefusedWhenBuilt() {
        RequestOptions.Builder b = RequestOptions.builder();
        assertThatThrownBy(() -> b.header("Authorization", "Bearer other"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("header Authorization is set by the SDK")
                .hasMessageNotContaining("Bearer other");
        assertThatThrownBy(() -> b.header("x-rensei-org", "org_other")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.header("Idempotency-Key", "k")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.header("Host", "evil")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.header("X-Ok", "a\r\nX-Injected: 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control characters")
                .hasMessageNotContaining("X-Injected");
        assertThatThrownBy(() -> b.header("X Bad", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.header("X-Bad\n", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.idempotencyKey("k\u0000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.idempotencyKey(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.deadline(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPostWithAnIdempotencyKeyIsRetriedWithTheSameKey() {
        server.answerInTurn(unavailable(), Fault.json(SUBMITTED));
        ReactorCoordinatorClient client = UNDER_FAULT.client().withOptions(RequestOptions.builder()
                .idempotencyKey("submit-REN-1-7f3a").build());

        StepVerifier.create(client.submitTask(SubmitTaskRequest.of("REN-1"))).expectNextCount(1).expectComplete()
                .verify(NO_HANG);

        assertThat(server.requests()).hasSize(2).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.header("Idempotency-Key")).isEqualTo("submit-REN-1-7f3a");
        });
    }

    @Test
    void aPostWithoutAnIdempotencyKeyIsStillNeverRetried() {
        server.answerInTurn(unavailable(), Fault.json(SUBMITTED));

        failure(UNDER_FAULT.client().submitTask(SubmitTaskRequest.of("REN-1")), UnavailableException.class);

        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(server.requests().get(0).header("Idempotency-Key")).isNull();
    }

    @Test
    void theIdempotencyKeyIsNotSentOnAGet() {
        server.answer(Fault.json(STATS));
        ReactorCoordinatorClient client = UNDER_FAULT.client().withOptions(RequestOptions.builder()
                .idempotencyKey("k-1").build());

        StepVerifier.create(client.getStats()).expectNextCount(1).expectComplete().verify(NO_HANG);

        assertThat(server.requests().get(0).header("Idempotency-Key")).isNull();
    }

    @Test
    void closingAViewLeavesTheClientWorking() {
        server.answer(Fault.json(STATS));
        ReactorCoordinatorClient client = UNDER_FAULT.client();

        client.withOptions(RequestOptions.none()).close();

        StepVerifier.create(client.getStats()).expectNextCount(1).expectComplete().verify(NO_HANG);
    }
}
