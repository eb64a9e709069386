package io.agentfactory.sdk.reactor.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.HttpError;
import io.agentfactory.sdk.error.NotFoundException;
import io.agentfactory.sdk.error.UnavailableException;
import io.agentfactory.sdk.fleet.MachineStats;
import io.agentfactory.sdk.fleet.StatsResponse;
import io.agentfactory.sdk.session.ActivityFollowRequest;

/** Stubbing and call recording of the mock coordinator: a user's unit test without HTTP. */
class MockStubbingTest {

    private static final StatsResponse STATS = new StatsResponse(7, 5, 0, 1, 2, 1.5, 9.5, 3, "2026-05-14T09:00:00Z");

    private static UnavailableException unavailable(String path) {
        return new UnavailableException(new HttpError("GET", path, 503, "warming up", Duration.ofSeconds(1), Map.of()));
    }

    @Test
    void aStubbedAnswerReplacesTheUsualOneAndTheCallIsRecorded() {
        MockCoordinatorClient mock = MockCoordinatorClient.create();
        mock.stub("getStats").answer(STATS);

        StepVerifier.create(mock.getStats()).expectNext(STATS).verifyComplete();
        assertThat(mock.calls()).containsExactly(new MockCall("getStats", List.of(), 1));
    }

    @Test
    void nothingIsRecordedUntilSubscription() {
        MockCoordinatorClient mock = MockCoordinatorClient.create();
        Mono<?> unsubscribed = mock.getSessionDetail("sess-001");

        assertThat(unsubscribed).isNotNull();
        assertThat(mock.calls()).isEmpty();
    }

    @Test
    void typedFailuresThenTheUsualAnswerLetARetryThrough() {
        MockCoordinatorClient mock = MockCoordinatorClient.create();
        UnavailableException failure = unavailable("/api/public/stats");
        mock.stub("getStats").failTimes(2, failure);

        StepVerifier.create(mock.getStats()).expectErrorSatisfies(e -> assertThat(e).isSameAs(failure)).verify();
        StepVerifier.create(mock.getStats().retry(1))
                .assertNext(stats -> assertThat(stats.agentsWorking()).isEqualTo(3))
                .verifyComplete();
        assertThat(mock.calls("getStats")).extracting(MockCall::ordinal).containsExactly(1, 2, 3);
    }

    @Test
    void failFailsEveryCallUntilReset() {
        MockCoordinatorClient mock = MockCoordinatorClient.create();
        mock.stub("getSessionDetail").fail(new NotFoundException(new HttpError("GET", "/api/public/sessions/sess-001",
                404, "gone", null, Map.of())));

        for (int i = 0; i < 3; i++) {
            StepVerifier.create(mock.getSessionDetail("sess-001")).expectError(NotFoundException.class).verify();
        }
        mock.reset();
        StepVerifier.create(mock.getSessionDetail("sess-001"))
                .assertNext(detail -> assertThat(detail.session().id()).isEqualTo("sess-001"))
                .verifyComplete();
        assertThat(mock.calls()).hasSize(1);
    }

    @Test
    void latencyRunsOnTheSchedulerSoVirtualTimeSkipsIt() {
        MockCoordinatorClient mock = MockCoordinatorClient.create();
        mock.stub("getStats").delay(Duration.ofSeconds(30)).answer(STATS);

        StepVerifier.withVirtualTime(mock::getStats)
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(29))
                .thenAwait(Duration.ofSeconds(1))
                .expectNext(STATS)
                .verifyComplete();
    }

    @Test
    void aCallerTimeoutMeetsTheInjectedLatency() {
        MockCoordinatorClient mock = MockCoordinatorClient.create();
        mock.stub("getSessions").delay(Duration.ofSeconds(5));

        StepVerifier.withVirtualTime(() -> mock.getSessions().timeout(Duration.ofSeconds(2)))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(2))
                .expectError(java.util.concurrent.TimeoutException.class)
                .verify();
    }

    @Test
    void answerWithComputesFromTheRecordedCall() {
        MockCoordinatorClient mock = MockCoordinatorClient.create();
        mock.stub("getSessionsFiltered").answerWith(call -> mock.getSessions()
                .map(list -> new io.agentfactory.sdk.session.SessionsListResponse(
                        list.sessions().subList(0, 1), 1, call.argument(0).toString())));

        StepVerifier.create(mock.getSessionsFiltered("acme"))
                .assertNext(list -> assertThat(list.timestamp()).isEqualTo("acme"))
                .verifyComplete();
        assertThat(mock.calls()).extracting(MockCall::operation).containsExactly("getSessionsFiltered", "getSessions");
    }

    @Test
    void aFluxOperationIsAnsweredWithItsElements() {
        MockCoordinatorClient mock = MockCoordinatorClient.create();
        MachineStats machine = MockFleet.MACHINES.get(0);
        mock.stub("getMachineStats").answer(List.of(machine, machine));

        StepVerifier.create(mock.getMachineStats()).expectNext(machine, machine).verifyComplete();
        assertThatThrownBy(() -> mock.stub("getMachineStats").answer(machine))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("getMachineStats is a Flux of MachineStats: answer with a List");
    }

    @Test
    void answersOfTheWrongTypeAndUnknownOperationsAreRefused() {
        MockCoordinatorClient mock = MockCoordinatorClient.create();

        assertThatThrownBy(() -> mock.stub("getStats").answer("three"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("getStats answers StatsResponse, not String");
        assertThatThrownBy(() -> mock.stub("getStatz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("CoordinatorClient has no operation getStatz; it has [")
                .hasMessageContaining("getStats, getStatsV2");
        mock.stub("getStatsV2").answerWith(call -> Mono.just("not stats"));
        StepVerifier.create(mock.getStatsV2())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ClassCastException.class)
                        .hasMessage("getStatsV2 answers StatsResponseV2, not String"))
                .verify();
    }

    @Test
    void aStubbedPageFailureEndsAFollowWithTheTypedErrorAndThePagesAreRecorded() {
        MockCoordinatorClient mock = MockCoordinatorClient.create();
        UnavailableException failure = unavailable("/api/public/session-activities");
        mock.stub("getActivities").answerWith(call -> call.ordinal() == 1
                ? Mono.error(failure) : Mono.error(new AssertionError("no second page")));

        StepVerifier.create(mock.followActivities(ActivityFollowRequest.of("sess-007")))
                .expectErrorSatisfies(e -> assertThat(e).isSameAs(failure))
                .verify(Duration.ofSeconds(5));
        assertThat(mock.calls()).extracting(MockCall::operation).containsExactly("followActivities", "getActivities");
        assertThat(mock.calls("getActivities").get(0).arguments()).containsExactly("sess-007", Optional.empty());
    }

    @Test
    void warmupCompletesAtOnceAndIsRecordedOnlyWhenSubscribed() {
        MockCoordinatorClient coordinator = MockCoordinatorClient.create();
        MockDaemonClient daemon = MockDaemonClient.create();
        Mono<Void> unsubscribed = coordinator.warmup();

        assertThat(coordinator.calls()).isEmpty();
        StepVerifier.create(unsubscribed).verifyComplete();
        StepVerifier.create(daemon.warmup()).verifyComplete();
        assertThat(coordinator.calls()).containsExactly(new MockCall("warmup", List.of(), 1));
        assertThat(daemon.calls("warmup")).hasSize(1);
    }

    @Test
    void aStubbedWarmupFailureIsWhatTheCallerSees() {
        MockDaemonClient daemon = MockDaemonClient.create();
        UnavailableException failure = unavailable("/api/daemon/status");
        daemon.stub("warmup").failTimes(1, failure);

        StepVerifier.create(daemon.warmup()).expectErrorSatisfies(e -> assertThat(e).isSameAs(failure)).verify();
        StepVerifier.create(daemon.warmup()).verifyComplete();
    }
}
