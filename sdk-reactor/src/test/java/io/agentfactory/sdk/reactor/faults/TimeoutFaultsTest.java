package io.agentfactory.sdk.reactor.faults;

import static io.agentfactory.sdk.reactor.faults.CoordinatorUnderFault.FAST_RETRIES;
import static io.agentfactory.sdk.reactor.faults.CoordinatorUnderFault.NO_HANG;
import static io.agentfactory.sdk.reactor.faults.CoordinatorUnderFault.failure;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.ErrorKind;
import io.agentfactory.sdk.error.RequestTimeoutException;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.session.ChatSessionRequest;
import io.agentfactory.sdk.task.SubmitTaskRequest;
import io.agentfactory.sdk.reactor.testing.Fixtures;

/**
 * The server is slow: it never sends the headers, or stops sending mid-body, or sends a body a
 * few bytes at a time. The response timeout bounds the wait for the first byte and the gap between
 * two reads, never the whole answer: a stall is a {@link RequestTimeoutException}, a slow but
 * steady body succeeds however long it takes.
 */
class TimeoutFaultsTest {

    /** The response timeout of these tests: the time to the first byte, and between two reads. */
    private static final Duration READ_GAP = Duration.ofMillis(400);

    private static final String STATS = Fixtures.text("stats-response");

    @RegisterExtension
    static final CoordinatorUnderFault UNDER_FAULT = CoordinatorUnderFault.withPoolOf(4);

    private final FaultServer server = UNDER_FAULT.server();

    @Test
    void headersThatNeverComeAreATimeout() {
        server.answer(Fault.stall());

        RequestTimeoutException e = failure(client().getStats(), RequestTimeoutException.class);

        assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(e.getMessage()).startsWith("GET /api/public/stats: no answer in time");
        assertThat(server.requestCount()).as("timeouts are not retried by default").isEqualTo(1);
    }

    @Test
    void aTimedOutGetIsRetriedWhenThePolicyAsksForIt() {
        server.answer(Fault.stall());
        ReactorCoordinatorClient client = UNDER_FAULT.client(t -> t.responseTimeout(READ_GAP)
                .retryPolicy(FAST_RETRIES.withRetryOnTimeout(true)));

        failure(client.getStats(), RequestTimeoutException.class);

        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void aTimedOutPostIsNeverRetried() {
        server.answer(Fault.stall());
        ReactorCoordinatorClient client = UNDER_FAULT.client(t -> t.responseTimeout(READ_GAP)
                .retryPolicy(FAST_RETRIES.withRetryOnTimeout(true)));

        failure(client.submitTask(SubmitTaskRequest.of("REN-1")), RequestTimeoutException.class);

        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aBodyThatStopsMidwayIsATimeout() {
        server.answer(Fault.truncated(STATS, 30).thenStall());

        failure(client().getStats(), RequestTimeoutException.class);
    }

    @Test
    void aChunkedBodyThatStopsMidwayIsATimeout() {
        server.answer(Fault.head(200, "Content-Type: application/json", "Transfer-Encoding: chunked")
                .thenChunk(STATS.substring(0, 30))
                .thenStall());

        failure(client().getStats(), RequestTimeoutException.class);
    }

    @Test
    void aSlowButSteadyBodySucceedsLongAfterTheResponseTimeout() {
        // 12 pieces, one every 100 ms: about 1.2 s in all, three times the response timeout.
        server.answer(Fault.trickled(STATS, 12, Duration.ofMillis(100)));
        long start = System.nanoTime();

        StepVerifier.create(client().getStats())
                .assertNext(stats -> assertThat(stats.completedToday()).isEqualTo(48))
                .expectComplete()
                .verify(NO_HANG);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(READ_GAP.multipliedBy(2));
    }

    @Test
    void slowHeadersWithinTheResponseTimeoutSucceed() {
        server.answer(Fault.pause(READ_GAP.dividedBy(2)).then(Fault.json(STATS)));

        StepVerifier.create(client().getStats())
                .expectNextCount(1)
                .expectComplete()
                .verify(NO_HANG);
    }

    @Test
    void aPostWhoseBodyThePeerNeverReadsIsATimeout() throws IOException {
        // 32 MiB cannot fit in the socket buffers of a peer that never reads.
        String prompt = "x".repeat(32 * 1024 * 1024);
        try (SilentPeer peer = SilentPeer.start()) {
            ReactorCoordinatorClient client = UNDER_FAULT.client(peer.url("http"), t -> t.responseTimeout(READ_GAP));
            long start = System.nanoTime();

            RequestTimeoutException e = failure(client.chatSession("s-1", new ChatSessionRequest(prompt)),
                    RequestTimeoutException.class);

            assertThat(e.getMessage()).startsWith("POST /api/public/sessions/s-1/prompt: could not send the request in time");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(peer.connections()).isEqualTo(1);
        }
    }

    @Test
    void aTlsHandshakeThatIsNeverAnsweredIsATimeoutWithinTheConnectTimeout() throws IOException {
        try (SilentPeer peer = SilentPeer.start()) {
            ReactorCoordinatorClient client = UNDER_FAULT.client(peer.url("https"), t -> t
                    .connectTimeout(Duration.ofMillis(500)).responseTimeout(Duration.ofSeconds(5)));
            long start = System.nanoTime();

            RequestTimeoutException e = failure(client.getStats(), RequestTimeoutException.class);

            assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("bounded by the 500 ms connect timeout")
                    .isLessThan(Duration.ofSeconds(3));
        }
    }

    private static ReactorCoordinatorClient client() {
        return UNDER_FAULT.client(t -> t.responseTimeout(READ_GAP));
    }
}
