package io.agentfactory.sdk.reactor.faults;

import static io.agentfactory.sdk.reactor.faults.CoordinatorUnderFault.FAST_RETRIES;
import static io.agentfactory.sdk.reactor.faults.CoordinatorUnderFault.NO_HANG;
import static io.agentfactory.sdk.reactor.faults.CoordinatorUnderFault.failure;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.RateLimitedException;
import io.agentfactory.sdk.error.UnavailableException;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.task.SubmitTaskRequest;

/**
 * 429 and 503 storms, with {@code Retry-After} as delta-seconds, as an HTTP date, and absent. A GET
 * waits what the server asked (up to the policy's cap) before each retry, gives up after
 * {@code maxAttempts} with the typed error carrying the asked delay, and succeeds as soon as the
 * storm clears. A POST is never sent twice.
 */
class RetryStormTest {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    @RegisterExtension
    static final CoordinatorUnderFault UNDER_FAULT = CoordinatorUnderFault.withPoolOf(4);

    private final FaultServer server = UNDER_FAULT.server();

    @Test
    void aRateLimitStormEndsInRateLimitedWithTheAskedDelayAfterEveryAttempt() {
        server.answer(status(429, "Retry-After: 30"));

        RateLimitedException e = failure(UNDER_FAULT.client().getStats(), RateLimitedException.class);

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(e.isRetryable()).isTrue();
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void anUnavailableStormWithAnHttpDateEndsInUnavailableWithTheDelayUntilThen() {
        server.answer(status(503, "Retry-After: " + httpDate(Duration.ofSeconds(120))));

        UnavailableException e = failure(UNDER_FAULT.client().getStats(), UnavailableException.class);

        assertThat(e.retryAfter()).hasValueSatisfying(delay -> assertThat(delay)
                .isBetween(Duration.ofSeconds(100), Duration.ofSeconds(120)));
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void aStormWithoutRetryAfterBacksOffAndCarriesNoDelay() {
        server.answer(status(503));

        UnavailableException e = failure(UNDER_FAULT.client().getStats(), UnavailableException.class);

        assertThat(e.retryAfter()).isEmpty();
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(UNDER_FAULT.logs().linesContaining("retry 1 of 2 in 1 ms")).hasSize(1);
        assertThat(UNDER_FAULT.logs().linesContaining("retry 2 of 2 in 2 ms")).hasSize(1);
    }

    @Test
    void retryAfterInSecondsIsWaitedBeforeTheRetry() {
        server.answerInTurn(status(429, "Retry-After: 1"), Fault.json("{}"));
        ReactorCoordinatorClient client = UNDER_FAULT.client(t -> t.retryPolicy(
                FAST_RETRIES.withRetryAfterCap(Duration.ofMinutes(1))));

        StepVerifier.create(client.getStats()).expectNextCount(1).expectComplete().verify(NO_HANG);

        assertThat(gaps()).singleElement().satisfies(gap -> assertThat(gap).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
        assertThat(UNDER_FAULT.logs().linesContaining("retry 1 of 2 in 1000 ms")).hasSize(1);
    }

    @Test
    void retryAfterAsAnHttpDateIsWaitedBeforeTheRetry() {
        // HTTP dates have whole seconds and the date is fixed before the request is sent: three
        // seconds ahead stays at least one second away even on a loaded machine.
        server.answerInTurn(status(503, "Retry-After: " + httpDate(Duration.ofSeconds(3))), Fault.json("{}"));
        ReactorCoordinatorClient client = UNDER_FAULT.client(t -> t.retryPolicy(
                FAST_RETRIES.withRetryAfterCap(Duration.ofMinutes(1))));

        StepVerifier.create(client.getStats()).expectNextCount(1).expectComplete().verify(NO_HANG);

        assertThat(gaps()).singleElement().satisfies(gap -> assertThat(gap).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void retryAfterIsCappedByThePolicy() {
        server.answerInTurn(status(429, "Retry-After: 3600"), Fault.json("{}"));
        ReactorCoordinatorClient client = UNDER_FAULT.client(t -> t.retryPolicy(
                FAST_RETRIES.withRetryAfterCap(Duration.ofMillis(50))));

        StepVerifier.create(client.getStats()).expectNextCount(1).expectComplete().verify(NO_HANG);

        assertThat(gaps()).singleElement().satisfies(gap -> assertThat(gap).isGreaterThanOrEqualTo(Duration.ofMillis(50)));
        assertThat(UNDER_FAULT.logs().linesContaining("retry 1 of 2 in 50 ms")).hasSize(1);
    }

    @Test
    void aStormThatClearsSucceeds() {
        server.answerInTurn(status(429, "Retry-After: 0"), status(503), Fault.json("{\"workersOnline\":5}"));

        StepVerifier.create(UNDER_FAULT.client().getStats())
                .assertNext(stats -> assertThat(stats.workersOnline()).isEqualTo(5))
                .expectComplete()
                .verify(NO_HANG);

        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void aRateLimitedPostIsNotRetried() {
        server.answer(status(429, "Retry-After: 0"));

        RateLimitedException e = failure(UNDER_FAULT.client().submitTask(SubmitTaskRequest.of("REN-1")),
                RateLimitedException.class);

        assertThat(e.retryAfter()).contains(Duration.ZERO);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void anUnavailablePostIsNotRetried() {
        server.answer(status(503, "Retry-After: 0"));

        failure(UNDER_FAULT.client().submitTask(SubmitTaskRequest.of("REN-1")), UnavailableException.class);

        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void anUnparseableRetryAfterFallsBackToTheBackoff() {
        server.answer(status(429, "Retry-After: soon"));

        RateLimitedException e = failure(UNDER_FAULT.client().getStats(), RateLimitedException.class);

        assertThat(e.retryAfter()).isEmpty();
        assertThat(server.requestCount()).isEqualTo(3);
    }

    /** The times between consecutive requests. */
    private List<Duration> gaps() {
        List<FaultServer.Request> requests = server.requests();
        return IntStream.range(1, requests.size())
                .mapToObj(i -> Duration.ofNanos(requests.get(i).arrivedNanos() - requests.get(i - 1).arrivedNanos()))
                .toList();
    }

    private static Fault status(int status, String... headers) {
        String[] lines = new String[headers.length + 2];
        lines[0] = "Content-Type: application/json";
        System.arraycopy(headers, 0, lines, 1, headers.length);
        String body = "{\"error\":\"slow down\"}";
        lines[lines.length - 1] = "Content-Length: " + body.length();
        return Fault.head(status, lines).then(body);
    }

    /** An IMF-fixdate, as servers send it: {@code Thu, 07 May 2026 10:00:00 GMT}. */
    private static String httpDate(Duration fromNow) {
        return IMF_FIXDATE.format(ZonedDateTime.now(ZoneOffset.UTC).plus(fromNow));
    }
}
