package io.agentfactory.sdk.examples.simulator;

import static io.agentfactory.sdk.examples.simulator.WorkareaDiffTest.diff;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.ChannelId;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.resources.ConnectionProvider;

/** Each fault knob, the daemon's "still starting" answers, and the per-route request counts. */
class FaultKnobsTest extends FreshSimulatorPerTest {

    @Test
    void latencyDelaysEveryAnswer() {
        sim.coordinatorFaults().latency(Duration.ofMillis(300));

        long started = System.nanoTime();
        Http.Response response = coordinator.get("/api/public/stats");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.status()).isEqualTo(200);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        sim.coordinatorFaults().latency(Duration.ZERO);
        assertThat(coordinator.get("/api/public/stats").status()).isEqualTo(200);
    }

    @Test
    void theErrorRateFailsTheSameRequestsForTheSameSeed() {
        sim.coordinatorFaults().errorRate(0.3);
        List<Integer> first = statuses(coordinator, 40);
        List<Integer> second;
        try (AgentFactorySimulator twin = AgentFactorySimulator.start()) {
            twin.coordinatorFaults().errorRate(0.3);
            second = statuses(new Http(twin.coordinatorBaseUrl()), 40);
        }

        assertThat(first).isEqualTo(second).contains(200, 500);
        sim.coordinatorFaults().errorRate(1.0);
        assertThat(coordinator.get("/api/public/stats").asMap()).containsEntry("error", "simulated internal error");
    }

    @Test
    void rateLimitingAnswers429WithRetryAfterSecondsThenRecovers() {
        sim.coordinatorFaults().rateLimitNext(2, RetryAfter.seconds(7));

        Http.Response first = coordinator.get("/api/public/stats");
        Http.Response second = coordinator.get("/api/public/sessions");
        Http.Response third = coordinator.get("/api/public/stats");

        assertThat(first.status()).isEqualTo(429);
        assertThat(first.headers().get("Retry-After")).isEqualTo("7");
        assertThat(first.asMap()).containsEntry("error", "rate limited");
        assertThat(second.status()).isEqualTo(429);
        assertThat(third.status()).isEqualTo(200);
    }

    @Test
    void rateLimitingCanNameAnHttpDate() {
        sim.coordinatorFaults().rateLimitNext(1, RetryAfter.httpDate(Instant.parse("2026-05-04T09:00:30Z")));

        assertThat(coordinator.get("/api/public/stats").headers().get("Retry-After"))
                .isEqualTo("Mon, 04 May 2026 09:00:30 GMT");
    }

    @Test
    void retryAfterCanBeMissingOrMalformed() {
        sim.daemonFaults().unavailableNext(1, RetryAfter.none()).rateLimitNext(1, RetryAfter.raw("soon"));

        Http.Response limited = daemon.get("/api/daemon/status");
        Http.Response unavailable = daemon.get("/api/daemon/status");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers().get("Retry-After")).isEqualTo("soon");
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.headers().contains("Retry-After")).isFalse();
    }

    @Test
    void unavailabilityAnswers503ThenRecovers() {
        sim.daemonFaults().unavailableNext(1, RetryAfter.seconds(2));

        Http.Response unavailable = daemon.get("/api/daemon/status");

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.headers().get("Retry-After")).isEqualTo("2");
        assertThat(unavailable.asMap()).containsEntry("error", "service unavailable");
        assertThat(daemon.get("/api/daemon/status").status()).isEqualTo(200);
    }

    @Test
    void faultsBelongToOneService() {
        sim.coordinatorFaults().unavailableNext(5, RetryAfter.none());

        assertThat(daemon.get("/api/daemon/status").status()).isEqualTo(200);
        assertThat(coordinator.get("/api/public/stats").status()).isEqualTo(503);
    }

    @Test
    void aCutStreamEndsAfterExactlyNEntriesWithoutItsSummary() {
        sim.daemonFaults().cutStreamAfter(2500);

        NdjsonStream.Result result = NdjsonStream.read(sim.daemonBaseUrl()
                + diff(SimulatedIds.ARCHIVE_FINAL, AgentFactorySimulator.syntheticArchive(5000)));

        assertThat(result.lines()).hasSize(2500).noneMatch(line -> line.startsWith("{\"summary\""));
        assertThat(result.error()).isInstanceOf(PrematureCloseException.class);
    }

    @Test
    void aStreamShorterThanTheCutLosesOnlyItsSummary() {
        sim.daemonFaults().cutStreamAfter(10_000);

        NdjsonStream.Result result = NdjsonStream.read(sim.daemonBaseUrl()
                + diff(SimulatedIds.ARCHIVE_FINAL, AgentFactorySimulator.syntheticArchive(5000)));

        assertThat(result.lines()).hasSize(5000).noneMatch(line -> line.startsWith("{\"summary\""));
        assertThat(result.error()).isInstanceOf(PrematureCloseException.class);
    }

    @Test
    void aFailedStreamEndsWithAnErrorLineInsteadOfTheSummary() {
        sim.daemonFaults().failStreamAfter(100, "reading archive: input/output error");

        NdjsonStream.Result result = NdjsonStream.read(sim.daemonBaseUrl()
                + diff(SimulatedIds.ARCHIVE_FINAL, AgentFactorySimulator.syntheticArchive(5000)));

        assertThat(result.error()).isNull();
        assertThat(result.lines()).hasSize(101);
        assertThat(result.lines().get(100)).isEqualTo("{\"error\":\"reading archive: input/output error\"}");
    }

    @Test
    void streamKnobsLeaveJsonEnvelopesAlone() {
        sim.daemonFaults().cutStreamAfter(1);

        Http.Response response = daemon.get(diff(SimulatedIds.ARCHIVE_CHECKPOINT, SimulatedIds.ARCHIVE_FINAL));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json");
    }

    @Test
    void closingConnectionsMakesEveryRequestOpenANewOne() {
        sim.coordinatorFaults().closeConnectionAfterEachResponse(true);
        ConnectionProvider provider = ConnectionProvider.create("close-test", 1);
        Set<ChannelId> channels = ConcurrentHashMap.newKeySet();
        try {
            Http client = new Http(sim.coordinatorBaseUrl(),
                    HttpClient.create(provider).doOnConnected(connection -> channels.add(connection.channel().id())));
            List<String> connectionHeaders = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                connectionHeaders.add(client.get("/api/public/stats").headers().get("Connection"));
            }
            sim.coordinatorFaults().closeConnectionAfterEachResponse(false);
            client.get("/api/public/stats");
            client.get("/api/public/stats");

            assertThat(connectionHeaders).containsOnly("close");
            assertThat(channels).hasSize(4);
        }
        finally {
            provider.disposeLater().block(Duration.ofSeconds(5));
        }
    }

    @Test
    void aStartingDaemonAnswers503ForItsFirstRequests() {
        try (AgentFactorySimulator starting = AgentFactorySimulator.builder().startingRequests(2).start()) {
            Http client = new Http(starting.daemonBaseUrl());

            Http.Response first = client.get("/api/daemon/status");
            Http.Response second = client.post("/api/daemon/pause");
            Http.Response third = client.get("/api/daemon/status");

            assertThat(first.status()).isEqualTo(503);
            assertThat(first.headers().get("Retry-After")).isEqualTo("1");
            assertThat(first.text()).isEqualTo("{\"error\":\"daemon is still starting\",\"status\":\"starting\"}");
            assertThat(second.status()).isEqualTo(503);
            assertThat(third.status()).isEqualTo(200);
        }
    }

    @Test
    void theStartingKnobCanBeSetAtRunTime() {
        sim.daemonKnobs().startingRequests(1);

        assertThat(daemon.get("/api/daemon/kits").status()).isEqualTo(503);
        assertThat(daemon.get("/api/daemon/kits").status()).isEqualTo(200);
    }

    @Test
    void resetTurnsEveryFaultOff() {
        sim.daemonFaults().latency(Duration.ofSeconds(30)).errorRate(1.0).rateLimitNext(3, RetryAfter.seconds(1))
                .unavailableNext(3, RetryAfter.seconds(1)).cutStreamAfter(1).closeConnectionAfterEachResponse(true);
        sim.daemonKnobs().startingRequests(3).poolSaturated(RetryAfter.seconds(1)).kitSourceFetchFails(true);

        sim.daemonFaults().reset();
        sim.daemonKnobs().reset();

        Http.Response response = daemon.get("/api/daemon/status");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().contains("Connection", "close", true)).isFalse();
        assertThat(NdjsonStream.read(sim.daemonBaseUrl() + diff(SimulatedIds.ARCHIVE_FINAL,
                AgentFactorySimulator.syntheticArchive(2000))).error()).isNull();
    }

    @Test
    void requestsAreCountedPerRouteWhateverTheAnswer() {
        String id = sim.sessionId(SimulatedIds.WORKING_SESSION);
        sim.coordinatorFaults().rateLimitNext(1, RetryAfter.seconds(1));

        for (int i = 0; i < 3; i++) {
            coordinator.get(CoordinatorRoutesTest.activities(id, null));
        }
        coordinator.get("/api/public/sessions/" + id);
        coordinator.get("/api/nothing");
        daemon.get("/api/daemon/kits/spring/java");
        daemon.post("/api/daemon/kits/spring/java/enable");

        assertThat(sim.coordinatorRequests().count(SimulatedRoutes.ACTIVITIES)).isEqualTo(3);
        assertThat(sim.coordinatorRequests().count(SimulatedRoutes.SESSION_DETAIL)).isEqualTo(1);
        assertThat(sim.coordinatorRequests().count(SimulatedRoutes.UNMATCHED)).isEqualTo(1);
        assertThat(sim.coordinatorRequests().total()).isEqualTo(5);
        assertThat(sim.daemonRequests().snapshot()).containsExactly(
                java.util.Map.entry(SimulatedRoutes.KIT, 1L), java.util.Map.entry(SimulatedRoutes.KIT_ENABLE, 1L));
        sim.coordinatorRequests().reset();
        assertThat(sim.coordinatorRequests().total()).isZero();
    }

    private static List<Integer> statuses(Http client, int requests) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(client.get("/api/public/stats").status());
        }
        return statuses;
    }
}
