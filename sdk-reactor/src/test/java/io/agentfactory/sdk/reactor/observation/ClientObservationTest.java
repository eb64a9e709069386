package io.agentfactory.sdk.reactor.observation;

import static io.agentfactory.sdk.reactor.observation.StoppedObservations.high;
import static io.agentfactory.sdk.reactor.observation.StoppedObservations.low;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.NotFoundException;
import io.agentfactory.sdk.error.TransportException;
import io.agentfactory.sdk.error.UnavailableException;
import io.agentfactory.sdk.reactor.RetryPolicy;
import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.coordinator.CoordinatorClientOptions;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.reactor.daemon.DaemonClientOptions;
import io.agentfactory.sdk.reactor.daemon.ReactorDaemonClient;
import io.agentfactory.sdk.reactor.testing.Fixtures;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;
import io.agentfactory.sdk.reactor.testing.SessionFeed;
import io.agentfactory.sdk.session.SessionStatus;

/**
 * Observations of real requests to a loopback server: one per attempt with bounded key values (the
 * route template, never an id), the wait before each retry, one per stream with what it delivered
 * and how it ended, and conventions that rename them.
 */
class ClientObservationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final RetryPolicy FAST = RetryPolicy.defaults()
            .withBackoff(Duration.ofMillis(1), Duration.ofMillis(2), 0.0)
            .withRetryAfterCap(Duration.ofMillis(5));

    private static final String NDJSON = "{\"path\":\"a.txt\",\"status\":\"added\",\"sizeB\":3,\"hashB\":\"bb\"}\n"
            + "{\"path\":\"z.txt\",\"status\":\"removed\",\"sizeA\":9,\"hashA\":\"aa\"}\n"
            + "{\"summary\":{\"workareaA\":\"ar-1\",\"workareaB\":\"ar-2\",\"added\":1,\"removed\":1,\"modified\":0,"
            + "\"total\":2}}\n";

    private static final RecordingServer SERVER = RecordingServer.start();

    private final TestObservationRegistry registry = TestObservationRegistry.create();
    private final StoppedObservations stopped = new StoppedObservations();
    private ReactorCoordinatorClient coordinator;
    private ReactorDaemonClient daemon;

    @BeforeEach
    void setUp() {
        SERVER.reset();
        registry.observationConfig().observationHandler(stopped);
        coordinator = coordinator(t -> t);
        daemon = ReactorDaemonClient.create(DaemonClientOptions.builder().baseUrl(SERVER.baseUrl())
                .transport(transport().build()).build());
    }

    @AfterEach
    void tearDown() {
        coordinator.close();
        daemon.close();
        assertThat(registry).doesNotHaveAnyRemainingCurrentObservation();
    }

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    private TransportOptions.Builder transport() {
        return TransportOptions.builder().responseTimeout(Duration.ofSeconds(5)).retryPolicy(FAST)
                .observationRegistry(registry);
    }

    private ReactorCoordinatorClient coordinator(java.util.function.UnaryOperator<TransportOptions.Builder> t) {
        return ReactorCoordinatorClient.create(CoordinatorClientOptions.builder(SERVER.baseUrl()).token("rsk_obs")
                .transport(t.apply(transport()).build()).build());
    }

    @Test
    void aRequestIsOneObservationWhoseTagsNameTheRouteNotTheId() {
        SERVER.replyWith(Reply.json(Fixtures.text("session-detail-response")));

        StepVerifier.create(coordinator.getSessionDetail("s-8f2c 01")).expectNextCount(1).expectComplete()
                .verify(TIMEOUT);

        List<Observation.Context> requests = stopped.named("agentfactory.client.requests");
        assertThat(requests).hasSize(1);
        Observation.Context request = requests.get(0);
        assertThat(request.getContextualName()).isEqualTo("GET /api/public/sessions/{}");
        assertThat(low(request)).isEqualTo(Map.of("client", "coordinator", "method", "GET",
                "route", "/api/public/sessions/{}", "status", "200", "outcome", "SUCCESS", "error", "NONE",
                "attempt", "1"));
        assertThat(high(request)).isEqualTo(Map.of("path", "/api/public/sessions/s-8f2c%2001"));
        assertThat(registry).hasSingleObservationThat().hasNameEqualTo("agentfactory.client.requests")
                .hasBeenStarted().hasBeenStopped();
    }

    @Test
    void eachAttemptOfARetriedCallIsObservedAndSoIsEachWait() {
        SERVER.replySequence(Reply.json(503, "{}"), Reply.json(503, "{}"), Reply.json(Fixtures.text("stats-response")));

        StepVerifier.create(coordinator.getStats()).expectNextCount(1).expectComplete().verify(TIMEOUT);

        List<Map<String, String>> attempts = stopped.named("agentfactory.client.requests").stream()
                .map(StoppedObservations::low).toList();
        assertThat(attempts).extracting(m -> m.get("attempt") + " " + m.get("status") + " " + m.get("outcome")
                + " " + m.get("error")).containsExactly("1 503 ERROR UNAVAILABLE", "2 503 ERROR UNAVAILABLE",
                        "3 200 SUCCESS NONE");
        List<Observation.Context> waits = stopped.named("agentfactory.client.retries");
        assertThat(waits).hasSize(2);
        assertThat(low(waits.get(0))).isEqualTo(Map.of("client", "coordinator", "method", "GET",
                "route", "/api/public/stats", "attempt", "2", "error", "UNAVAILABLE", "wait", "backoff"));
        assertThat(low(waits.get(1))).containsEntry("attempt", "3");
        assertThat(waits.get(0).getContextualName()).isEqualTo("retry GET /api/public/stats");
        assertThat(((ClientRetryObservationContext) waits.get(0)).waitDuration()).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void aRetryAfterWaitIsTaggedAsTheServers() {
        SERVER.replySequence(Reply.json(429, "{}").header("Retry-After", "1"),
                Reply.json(Fixtures.text("stats-response")));

        StepVerifier.create(coordinator.getStats()).expectNextCount(1).expectComplete().verify(TIMEOUT);

        List<Observation.Context> waits = stopped.named("agentfactory.client.retries");
        assertThat(waits).hasSize(1);
        assertThat(low(waits.get(0))).containsEntry("wait", "retry-after").containsEntry("error", "RATE_LIMITED");
        assertThat(((ClientRetryObservationContext) waits.get(0)).waitDuration()).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    void aConnectionFailureHasNoStatusAndATransportError() {
        ReactorCoordinatorClient unreachable = ReactorCoordinatorClient.create(
                CoordinatorClientOptions.builder("http://127.0.0.1:1").transport(transport()
                        .retryPolicy(RetryPolicy.none()).build()).build());

        StepVerifier.create(unreachable.getStats()).expectError(TransportException.class).verify(TIMEOUT);
        unreachable.close();

        assertThat(stopped.named("agentfactory.client.requests")).singleElement()
                .satisfies(c -> assertThat(low(c)).containsEntry("status", "NONE").containsEntry("outcome", "ERROR")
                        .containsEntry("error", "TRANSPORT"));
    }

    @Test
    void aCompleteStreamReportsWhatItDeliveredAndParentsItsRequest() {
        SERVER.replyWith(Reply.status(200).header("Content-Type", "application/x-ndjson").body(NDJSON));

        StepVerifier.create(daemon.streamDiff("ar-1", "ar-2")).expectNextCount(3).expectComplete().verify(TIMEOUT);

        Observation.Context stream = stopped.named("agentfactory.client.streams").get(0);
        assertThat(stream.getContextualName()).isEqualTo("streamDiff");
        assertThat(low(stream)).isEqualTo(Map.of("client", "daemon", "stream", "streamDiff",
                "route", "/api/daemon/workareas/{}/diff/{}", "outcome", "COMPLETE", "error", "NONE"));
        assertThat(high(stream)).isEqualTo(Map.of("delivered", "3"));
        Observation.Context request = stopped.named("agentfactory.client.requests").get(0);
        assertThat(low(request)).containsEntry("client", "daemon").containsEntry("route",
                "/api/daemon/workareas/{}/diff/{}");
        assertThat(request.getParentObservation()).isNotNull();
        assertThat(request.getParentObservation().getContextView()).isSameAs(stream);
    }

    @Test
    void aCancelledStreamSaysSo() {
        SERVER.replyWith(Reply.status(200).header("Content-Type", "application/x-ndjson").body(NDJSON));

        StepVerifier.create(daemon.streamDiff("ar-1", "ar-2").take(1)).expectNextCount(1).expectComplete()
                .verify(TIMEOUT);

        Observation.Context stream = stopped.named("agentfactory.client.streams").get(0);
        assertThat(low(stream)).containsEntry("outcome", "CANCEL").containsEntry("error", "NONE");
        assertThat(high(stream)).containsEntry("delivered", "1");
        assertThat(low(stopped.named("agentfactory.client.requests").get(0))).containsEntry("outcome", "CANCELLED");
    }

    @Test
    void aFailedStreamNamesItsErrorKind() {
        SERVER.replyWith(Reply.json(404, "{\"error\":\"no such workarea\"}"));

        StepVerifier.create(daemon.streamDiff("ar-1", "ar-2")).expectError(NotFoundException.class).verify(TIMEOUT);

        Observation.Context stream = stopped.named("agentfactory.client.streams").get(0);
        assertThat(low(stream)).containsEntry("outcome", "ERROR").containsEntry("error", "NOT_FOUND");
        assertThat(stream.getError()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void followingActivitiesIsOneStreamParentOfEachPoll() {
        SessionFeed feed = SessionFeed.of(SessionStatus.COMPLETED, 2, 5);
        SERVER.replyWith(feed::reply);

        StepVerifier.create(coordinator.followActivities("sess-1")).expectNextCount(5).expectComplete()
                .verify(TIMEOUT);

        Observation.Context stream = stopped.named("agentfactory.client.streams").get(0);
        assertThat(low(stream)).isEqualTo(Map.of("client", "coordinator", "stream", "followActivities",
                "route", "/api/public/session-activities", "outcome", "COMPLETE", "error", "NONE"));
        assertThat(high(stream)).isEqualTo(Map.of("delivered", "5"));
        List<Observation.Context> polls = stopped.named("agentfactory.client.requests");
        assertThat(polls).hasSize(4).allSatisfy(poll -> {
            assertThat(low(poll)).containsEntry("route", "/api/public/session-activities");
            assertThat(poll.getParentObservation().getContextView()).isSameAs(stream);
        });
    }

    @Test
    void conventionsRenameObservationsAndChangeTheirKeyValues() {
        ReactorCoordinatorClient renamed = coordinator(t -> t.retryPolicy(RetryPolicy.none())
                .requestObservationConvention(new DefaultClientRequestObservationConvention() {
                    @Override
                    public String getName() {
                        return "billing.agentfactory.calls";
                    }
                }));
        SERVER.replyWith(Reply.json(503, "{}"));

        StepVerifier.create(renamed.getStats()).expectError(UnavailableException.class).verify(TIMEOUT);
        renamed.close();

        assertThat(stopped.named("billing.agentfactory.calls")).singleElement()
                .satisfies(c -> assertThat(low(c)).containsEntry("status", "503").containsEntry("route",
                        "/api/public/stats"));
        assertThat(stopped.named("agentfactory.client.requests")).isEmpty();
    }
}
