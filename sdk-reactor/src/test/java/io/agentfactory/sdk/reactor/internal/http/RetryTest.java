package io.agentfactory.sdk.reactor.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.HttpStatusException;
import io.agentfactory.sdk.error.RequestTimeoutException;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.error.TransportException;
import io.agentfactory.sdk.error.UnavailableException;
import io.agentfactory.sdk.fleet.StatsResponse;
import io.agentfactory.sdk.reactor.RetryPolicy;
import io.agentfactory.sdk.reactor.testing.DelayRecordingScheduler;
import io.agentfactory.sdk.reactor.testing.LoopbackServer;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;

/**
 * Retries (sdk-api/CONTRACT.md §2, the retry rules) against a real server() with virtual delays:
 * the HTTP exchanges are real, every backoff runs on a {@link DelayRecordingScheduler}, so a test
 * reads each delay the pipeline chose, checks it, and advances virtual time past it. Nothing waits
 * in real time for a backoff.
 */
class RetryTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ResponseDecoder<StatsResponse> STATS = ResponseDecoder.json(StatsResponse.class);
    private static final Reply OK = Reply.json("{\"queueDepth\":7}");
    private static final Reply UNAVAILABLE = Reply.json(503, "{\"error\":\"saturated\"}");
    /** Doubling from 1 s, no jitter: delays are exact. */
    private static final RetryPolicy EXACT = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), 0.0,
            Duration.ofSeconds(60), false);

    @RegisterExtension
    static final LoopbackServer loopback = new LoopbackServer();

    private static RecordingServer server() {
        return loopback.server();
    }

    private DelayRecordingScheduler time;

    @BeforeEach
    void reset() {
        time = DelayRecordingScheduler.create();
    }

    @Test
    void theDefaultsAreThreeAttemptsAndASixtySecondRetryAfterCap() {
        RetryPolicy defaults = RetryPolicy.defaults();

        assertThat(defaults.maxAttempts()).isEqualTo(3);
        assertThat(defaults.retryAfterCap()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.jitter()).isBetween(0.0, 1.0).isPositive();
    }

    @Test
    void aGetFailingWith503IsSentMaxAttemptsTimesWithDoublingBackoffThenFails() {
        server().replyWith(UNAVAILABLE);

        try (HttpPipeline pipeline = pipeline(EXACT)) {
            StepVerifier.withVirtualTime(() -> get(pipeline), () -> time, Long.MAX_VALUE)
                    .then(() -> assertThat(time.nextDelay(WAIT)).isEqualTo(Duration.ofSeconds(1)))
                    .then(() -> assertThat(server().requestCount()).isEqualTo(1))
                    .thenAwait(Duration.ofMillis(999))
                    .then(() -> assertThat(server().requestCount()).as("not before the backoff").isEqualTo(1))
                    .thenAwait(Duration.ofMillis(1))
                    .then(() -> assertThat(time.nextDelay(WAIT)).isEqualTo(Duration.ofSeconds(2)))
                    .then(() -> assertThat(server().requestCount()).isEqualTo(2))
                    .thenAwait(Duration.ofSeconds(2))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(UnavailableException.class)
                            .hasMessage("GET /api/stats: HTTP 503: saturated"))
                    .verify(WAIT);
        }
        assertThat(server().requestCount()).isEqualTo(3);
        assertThat(time.pendingDelayReports()).as("no delay after the last attempt").isZero();
    }

    @Test
    void theNumberOfAttemptsIsConfigurable() {
        server().replyWith(UNAVAILABLE);

        List<Duration> delays = failWithDelays(EXACT.withMaxAttempts(5), 4);

        assertThat(delays).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8));
        assertThat(server().requestCount()).isEqualTo(5);
    }

    @Test
    void oneAttemptMeansNoRetry() {
        server().replyWith(UNAVAILABLE);

        try (HttpPipeline pipeline = pipeline(RetryPolicy.none())) {
            StepVerifier.withVirtualTime(() -> get(pipeline), () -> time, Long.MAX_VALUE)
                    .expectError(UnavailableException.class)
                    .verify(WAIT);
        }
        assertThat(server().requestCount()).isEqualTo(1);
        assertThat(time.pendingDelayReports()).isZero();
    }

    @Test
    void theBackoffIsCappedAtMaxBackoff() {
        server().replyWith(UNAVAILABLE);
        RetryPolicy policy = EXACT.withMaxAttempts(5).withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(3), 0.0);

        assertThat(failWithDelays(policy, 4)).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(3), Duration.ofSeconds(3));
    }

    @Test
    void jitterSpreadsEachDelayWithinItsBounds() {
        server().replyWith(UNAVAILABLE);
        RetryPolicy policy = new RetryPolicy(7, Duration.ofSeconds(1), Duration.ofSeconds(100), 0.5,
                Duration.ofSeconds(60), false);

        List<Duration> delays = failWithDelays(policy, 6);

        for (int i = 0; i < delays.size(); i++) {
            long base = 1000L << i;
            assertThat(delays.get(i).toMillis()).as("retry %d", i + 1).isBetween(base / 2, base * 3 / 2);
        }
        assertThat(delays).as("jittered, not the bare doubling")
                .isNotEqualTo(List.of(1, 2, 4, 8, 16, 32).stream().map(Duration::ofSeconds).toList());
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {429, 502, 503, 504})
    void aGetIsRetriedOnARetryableStatusAndSucceeds(int status) {
        server().replySequence(Reply.json(status, "{\"error\":\"try again\"}"), OK);

        try (HttpPipeline pipeline = pipeline(EXACT)) {
            StepVerifier.withVirtualTime(() -> get(pipeline), () -> time, Long.MAX_VALUE)
                    .then(() -> assertThat(time.nextDelay(WAIT)).isEqualTo(Duration.ofSeconds(1)))
                    .thenAwait(Duration.ofSeconds(1))
                    .assertNext(stats -> assertThat(stats.queueDepth()).isEqualTo(7))
                    .verifyComplete();
        }
        assertThat(server().requestCount()).isEqualTo(2);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 403, 404, 409, 422, 500, 501})
    void aGetIsNotRetriedOnAPermanentStatus(int status) {
        server().replySequence(Reply.json(status, "{\"error\":\"no\"}"), OK);

        try (HttpPipeline pipeline = pipeline(EXACT)) {
            StepVerifier.withVirtualTime(() -> get(pipeline), () -> time, Long.MAX_VALUE)
                    .expectErrorSatisfies(e -> assertThat(((HttpStatusException) e).status()).isEqualTo(status))
                    .verify(WAIT);
        }
        assertThat(server().requestCount()).isEqualTo(1);
        assertThat(time.pendingDelayReports()).isZero();
    }

    @Test
    void aDecodeErrorIsNotRetried() {
        server().replySequence(Reply.json("{bad"), OK);

        try (HttpPipeline pipeline = pipeline(EXACT)) {
            StepVerifier.withVirtualTime(() -> get(pipeline), () -> time, Long.MAX_VALUE)
                    .expectError(ResponseDecodeException.class)
                    .verify(WAIT);
        }
        assertThat(server().requestCount()).isEqualTo(1);
    }

    @Test
    void aGetIsRetriedWhenTheConnectionClosesBeforeTheAnswer() {
        server().replySequence(closeConnection(), OK);

        try (HttpPipeline pipeline = pipeline(EXACT)) {
            StepVerifier.withVirtualTime(() -> get(pipeline), () -> time, Long.MAX_VALUE)
                    .then(() -> assertThat(time.nextDelay(WAIT)).isEqualTo(Duration.ofSeconds(1)))
                    .thenAwait(Duration.ofSeconds(1))
                    .assertNext(stats -> assertThat(stats.queueDepth()).isEqualTo(7))
                    .verifyComplete();
        }
        assertThat(server().requestCount()).isEqualTo(2);
    }

    @Test
    void aGetIsRetriedWhenTheConnectionIsRefused() {
        RecordingServer gone = RecordingServer.start();
        HttpPipeline pipeline = HttpPipeline.create(gone.baseUrl(), Pipelines.transport().retryPolicy(EXACT).build(),
                (route, headers) -> { }, s -> s, "retry-test");
        gone.close();

        try (pipeline) {
            StepVerifier.withVirtualTime(() -> get(pipeline), () -> time, Long.MAX_VALUE)
                    .then(() -> assertThat(time.nextDelay(WAIT)).isEqualTo(Duration.ofSeconds(1)))
                    .thenAwait(Duration.ofSeconds(1))
                    .then(() -> assertThat(time.nextDelay(WAIT)).isEqualTo(Duration.ofSeconds(2)))
                    .thenAwait(Duration.ofSeconds(2))
                    .expectError(TransportException.class)
                    .verify(WAIT);
        }
    }

    @Test
    void retryAfterInSecondsReplacesTheBackoff() {
        server().replySequence(Reply.json(429, "{}").header("Retry-After", "7"), OK);

        try (HttpPipeline pipeline = pipeline(EXACT)) {
            StepVerifier.withVirtualTime(() -> get(pipeline), () -> time, Long.MAX_VALUE)
                    .then(() -> assertThat(time.nextDelay(WAIT)).isEqualTo(Duration.ofSeconds(7)))
                    .thenAwait(Duration.ofMillis(6999))
                    .then(() -> assertThat(server().requestCount()).isEqualTo(1))
                    .thenAwait(Duration.ofMillis(1))
                    .expectNextCount(1)
                    .verifyComplete();
        }
        assertThat(server().requestCount()).isEqualTo(2);
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() {
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
        server().replySequence(UNAVAILABLE.header("Retry-After", at), OK);

        try (HttpPipeline pipeline = pipeline(EXACT)) {
            StepVerifier.withVirtualTime(() -> get(pipeline), () -> time, Long.MAX_VALUE)
                    .then(() -> assertThat(time.nextDelay(WAIT).toSeconds()).isBetween(27L, 30L))
                    .thenAwait(Duration.ofSeconds(30))
                    .expectNextCount(1)
                    .verifyComplete();
        }
    }

    @Test
    void retryAfterIsCappedAtSixtySecondsByDefault() {
        server().replySequence(UNAVAILABLE.header("Retry-After", "3600"), OK);

        try (HttpPipeline pipeline = pipeline(RetryPolicy.defaults())) {
            StepVerifier.withVirtualTime(() -> get(pipeline), () -> time, Long.MAX_VALUE)
                    .then(() -> assertThat(time.nextDelay(WAIT)).isEqualTo(Duration.ofSeconds(60)))
                    .thenAwait(Duration.ofSeconds(60))
                    .expectNextCount(1)
                    .verifyComplete();
        }
    }

    @Test
    void theRetryAfterCapIsConfigurable() {
        server().replySequence(Reply.json(429, "{}").header("Retry-After", "45"), OK);

        try (HttpPipeline pipeline = pipeline(EXACT.withRetryAfterCap(Duration.ofSeconds(10)))) {
            StepVerifier.withVirtualTime(() -> get(pipeline), () -> time, Long.MAX_VALUE)
                    .then(() -> assertThat(time.nextDelay(WAIT)).isEqualTo(Duration.ofSeconds(10)))
                    .thenAwait(Duration.ofSeconds(10))
                    .expectNextCount(1)
                    .verifyComplete();
        }
    }

    @Test
    void aPostIsNeverRetriedOnARetryableStatus() {
        server().replySequence(UNAVAILABLE.header("Retry-After", "1"), OK);

        try (HttpPipeline pipeline = pipeline(EXACT)) {
            StepVerifier.withVirtualTime(() -> post(pipeline), () -> time, Long.MAX_VALUE)
                    .expectError(UnavailableException.class)
                    .verify(WAIT);
        }
        assertThat(server().requestCount()).isEqualTo(1);
        assertThat(time.pendingDelayReports()).isZero();
    }

    @Test
    void aPostIsNeverRetriedWhenTheConnectionClosesBeforeTheAnswer() {
        server().replySequence(closeConnection(), OK);

        try (HttpPipeline pipeline = pipeline(EXACT)) {
            StepVerifier.withVirtualTime(() -> post(pipeline), () -> time, Long.MAX_VALUE)
                    .expectError(TransportException.class)
                    .verify(WAIT);
        }
        assertThat(server().requestCount()).as("the server() may have acted: never sent twice").isEqualTo(1);
    }

    @Test
    void aPostOnAReusedConnectionIsNeverRetriedWhenTheConnectionCloses() {
        server().replySequence(OK, closeConnection(), OK);

        try (HttpPipeline pipeline = pipeline(EXACT)) {
            get(pipeline).block(WAIT);
            StepVerifier.withVirtualTime(() -> post(pipeline), () -> time, Long.MAX_VALUE)
                    .expectError(TransportException.class)
                    .verify(WAIT);
        }
        assertThat(server().requests()).extracting(r -> r.method()).containsExactly("GET", "POST");
    }

    @Test
    void aTimedOutGetIsNotRetriedByDefault() {
        server().replySequence(Reply.custom((request, response) -> Mono.never()), OK);

        try (HttpPipeline pipeline = pipeline(EXACT, Duration.ofMillis(200))) {
            StepVerifier.withVirtualTime(() -> get(pipeline), () -> time, Long.MAX_VALUE)
                    .expectError(RequestTimeoutException.class)
                    .verify(WAIT);
        }
        assertThat(server().requestCount()).isEqualTo(1);
    }

    @Test
    void aTimedOutGetIsRetriedWhenAskedFor() {
        server().replySequence(Reply.custom((request, response) -> Mono.never()), OK);

        try (HttpPipeline pipeline = pipeline(EXACT.withRetryOnTimeout(true), Duration.ofMillis(200))) {
            StepVerifier.withVirtualTime(() -> get(pipeline), () -> time, Long.MAX_VALUE)
                    .then(() -> assertThat(time.nextDelay(WAIT)).isEqualTo(Duration.ofSeconds(1)))
                    .thenAwait(Duration.ofSeconds(1))
                    .expectNextCount(1)
                    .verifyComplete();
        }
        assertThat(server().requestCount()).isEqualTo(2);
    }

    @Test
    void invalidPoliciesAreRefused() {
        assertThatThrownBy(() -> RetryPolicy.defaults().withMaxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.defaults().withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.defaults().withRetryAfterCap(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Runs a GET that fails every attempt; returns the {@code retries} delays the pipeline chose. */
    private List<Duration> failWithDelays(RetryPolicy policy, int retries) {
        List<Duration> delays = new ArrayList<>();
        try (HttpPipeline pipeline = pipeline(policy)) {
            StepVerifier.Step<StatsResponse> step = StepVerifier.withVirtualTime(() -> get(pipeline), () -> time,
                    Long.MAX_VALUE).expectSubscription();
            for (int i = 0; i < retries; i++) {
                step = step.then(() -> {
                    Duration d = time.nextDelay(WAIT);
                    delays.add(d);
                    time.advanceTimeBy(d);
                });
            }
            step.expectError(HttpStatusException.class).verify(WAIT);
        }
        assertThat(time.pendingDelayReports()).isZero();
        return delays;
    }

    private static Mono<StatsResponse> get(HttpPipeline pipeline) {
        return pipeline.exchange(() -> Route.get("/api/stats"), STATS);
    }

    private static Mono<StatsResponse> post(HttpPipeline pipeline) {
        Supplier<Route> route = () -> Route.post("/api/stats/{}/reset", "s-1").json(Map.of("a", 1));
        return pipeline.exchange(route, STATS);
    }

    private static Reply closeConnection() {
        return Reply.custom((request, response) -> {
            response.withConnection(connection -> connection.channel().close());
            return Mono.never();
        });
    }

    private static HttpPipeline pipeline(RetryPolicy policy) {
        return Pipelines.to(server(), Pipelines.transport().retryPolicy(policy).build());
    }

    private static HttpPipeline pipeline(RetryPolicy policy, Duration responseTimeout) {
        return Pipelines.to(server(), Pipelines.transport().retryPolicy(policy).responseTimeout(responseTimeout).build());
    }
}
