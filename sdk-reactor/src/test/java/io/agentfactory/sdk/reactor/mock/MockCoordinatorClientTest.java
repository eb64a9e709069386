package io.agentfactory.sdk.reactor.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.agent.AgentCard;
import io.agentfactory.sdk.agent.AgentScopeQuery;
import io.agentfactory.sdk.agent.AgentWorkType;
import io.agentfactory.sdk.audit.AuditChainEntry;
import io.agentfactory.sdk.coordinator.CoordinatorClient;
import io.agentfactory.sdk.error.BadRequestException;
import io.agentfactory.sdk.error.ConflictException;
import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.error.NotFoundException;
import io.agentfactory.sdk.session.ActivityEvent;
import io.agentfactory.sdk.session.ActivityFollowRequest;
import io.agentfactory.sdk.session.ActivityResumePoint;
import io.agentfactory.sdk.session.ActivityType;
import io.agentfactory.sdk.session.ChatSessionRequest;
import io.agentfactory.sdk.session.FollowedActivity;
import io.agentfactory.sdk.session.ReconnectSessionRequest;
import io.agentfactory.sdk.session.SessionResponse;
import io.agentfactory.sdk.session.SessionStatus;
import io.agentfactory.sdk.task.ForwardPromptRequest;
import io.agentfactory.sdk.task.StopAgentRequest;
import io.agentfactory.sdk.task.SubmitTaskRequest;

/** The in-memory coordinator: its data set, its consistency, its errors and its activity playing out. */
class MockCoordinatorClientTest {

    /** The statuses of the first upstream generation, all of which the fleet shows; newer ones it need not. */
    private static final List<SessionStatus> FIRST_GENERATION_STATUSES = List.of(SessionStatus.QUEUED,
            SessionStatus.PARKED, SessionStatus.WORKING, SessionStatus.COMPLETED, SessionStatus.FAILED,
            SessionStatus.STOPPED);

    private final MockCoordinatorClient mock = MockCoordinatorClient.create();

    @Test
    void holdsTwelveSessionsAcrossEveryStatus() {
        List<SessionResponse> sessions = mock.getSessions().block().sessions();

        assertThat(sessions).hasSize(12);
        assertThat(sessions).extracting(SessionResponse::status).containsAll(FIRST_GENERATION_STATUSES);
        assertThat(sessions.stream().collect(Collectors.groupingBy(s -> s.status().value(), Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of("working", 3L, "queued", 2L, "parked", 1L,
                        "completed", 3L, "failed", 2L, "stopped", 1L));
        assertThat(sessions).extracting(SessionResponse::id).doesNotHaveDuplicates();
    }

    @Test
    void twoMocksAnswerAlike() {
        MockCoordinatorClient other = MockCoordinatorClient.create();

        assertThat(other.getSessions().block()).isEqualTo(mock.getSessions().block());
        assertThat(other.getStatsV2().block()).isEqualTo(mock.getStatsV2().block());
        assertThat(other.getSessionDetail("sess-007").block()).isEqualTo(mock.getSessionDetail("sess-007").block());
        assertThat(other.getAuditChain("sess-010").collectList().block())
                .isEqualTo(mock.getAuditChain("sess-010").collectList().block());
        assertThat(other.listAgents(new AgentScopeQuery("", "", "", "")).collectList().block())
                .isEqualTo(mock.listAgents(new AgentScopeQuery("", "", "", "")).collectList().block());
        assertThat(other.getActivities("sess-007", null).block()).isEqualTo(mock.getActivities("sess-007", null).block());
    }

    @Test
    void sessionDetailMatchesTheListing() {
        for (SessionResponse listed : mock.getSessions().block().sessions()) {
            var detail = mock.getSessionDetail(listed.id()).block().session();

            assertThat(detail.identifier()).isEqualTo(listed.identifier());
            assertThat(detail.status()).isEqualTo(listed.status());
            assertThat(detail.workType()).isEqualTo(listed.workType());
            assertThat(detail.costUsd()).isEqualTo(listed.costUsd());
            assertThat(detail.provider()).isEqualTo(listed.provider());
        }
    }

    @Test
    void statisticsAreDerivedFromTheSessionsAndMachines() {
        List<SessionResponse> sessions = mock.getSessions().block().sessions();
        var stats = mock.getStatsV2().block();

        assertThat(stats.agentsWorking()).isEqualTo(count(sessions, SessionStatus.WORKING));
        assertThat(stats.queueDepth()).isEqualTo(count(sessions, SessionStatus.QUEUED));
        assertThat(stats.completedToday()).isEqualTo(count(sessions, SessionStatus.COMPLETED));
        assertThat(stats.sessionCountToday()).isEqualTo(12);
        assertThat(stats.machines()).isEqualTo(mock.getMachineStats().collectList().block());
        assertThat(stats.providers()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.sessions()).isPositive());
    }

    @Test
    void statsV1IsTheFlatPartOfStatsV2() {
        var v1 = mock.getStats().block();
        var v2 = mock.getStatsV2().block();

        assertThat(v1.workersOnline()).isEqualTo(v2.workersOnline());
        assertThat(v1.availableCapacity()).isEqualTo(v2.availableCapacity());
        assertThat(v1.totalCostToday()).isEqualTo(v2.totalCostToday());
        assertThat(v1.timestamp()).isEqualTo(v2.timestamp());
    }

    @Test
    void fleetListingAndCostReportAgreeWithTheSessions() {
        List<SessionResponse> sessions = mock.getSessions().block().sessions();
        var fleet = mock.listFleet().block();
        var cost = mock.getCostReport().block();

        assertThat(fleet.total()).isEqualTo(12);
        assertThat(fleet.sessions()).isEqualTo(sessions);
        assertThat(cost.totalSessions()).isEqualTo(12);
        assertThat(cost.sessionsWithCostData()).isEqualTo((int) sessions.stream().filter(s -> s.costUsd() != null).count());
        assertThat(cost.totalCostUsd()).isCloseTo(sessions.stream().filter(s -> s.costUsd() != null)
                .mapToDouble(SessionResponse::costUsd).sum(), within(0.01));
    }

    @Test
    void oneAgentCardPerWorkTypeEachFoundById() {
        List<AgentCard> cards = mock.listAgents(new AgentScopeQuery("org", "org-acme", "", "")).collectList().block();

        assertThat(cards).extracting(AgentCard::workType).containsExactlyElementsOf(AgentWorkType.values());
        for (AgentCard card : cards) {
            assertThat(mock.getAgent(card.id()).block()).isEqualTo(card);
        }
    }

    @Test
    void auditChainsAreHashLinked() {
        List<AuditChainEntry> chain = mock.getAuditChain("sess-007").collectList().block();

        assertThat(chain).hasSizeGreaterThan(2);
        assertThat(chain.get(0).eventKind()).isEqualTo("session.started");
        assertThat(chain.get(0).previousHash()).isEmpty();
        assertThat(chain.get(chain.size() - 1).eventKind()).isEqualTo("session.completed");
        for (int i = 1; i < chain.size(); i++) {
            assertThat(chain.get(i).previousHash()).isEqualTo(chain.get(i - 1).entryHash());
            assertThat(chain.get(i).sequence()).isEqualTo(i + 1);
        }
    }

    @Test
    void everySessionHasKitResultsMachinesPoolAndProviders() {
        assertThat(mock.getKitDetections("sess-001").collectList().block()).anySatisfy(d -> assertThat(d.applies()).isTrue());
        assertThat(mock.getKitContributions("sess-001").collectList().block()).isNotEmpty();
        assertThat(mock.getKitContributions("sess-003").collectList().block()).isEmpty();
        assertThat(mock.getMachineStats().collectList().block()).hasSize(3);
        assertThat(mock.getSandboxProviderStats().collectList().block()).hasSize(2);
        var pool = mock.getWorkareaPoolStats("").block();
        assertThat(pool.totalMembers()).isEqualTo(pool.members().size());
        assertThat(mock.getWorkareaPoolStats("mac-eu-1").block()).isEqualTo(pool);
        assertThat(mock.whoAmI().block().org().slug()).isEqualTo("acme");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sess-999", "nope/../sess-001", "REN-101"})
    void anUnknownSessionIsNotFoundOnEveryRoute(String id) {
        List<Function<String, Publisher<?>>> routes = List.of(
                mock::getSessionDetail, i -> mock.getActivities(i, null), mock::stopSession,
                i -> mock.chatSession(i, new ChatSessionRequest("hi")),
                i -> mock.reconnectSession(i, new ReconnectSessionRequest(null, null)),
                mock::getKitDetections, mock::getKitContributions, mock::getAuditChain,
                i -> mock.followActivities(ActivityFollowRequest.of(i)));
        for (Function<String, Publisher<?>> route : routes) {
            NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> Flux.from(route.apply(id)).blockLast());
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.path()).hasValueSatisfying(p -> assertThat(p).startsWith("/api/public/"));
        }
    }

    @Test
    void anUnknownAgentIsNotFound() {
        NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> mock.getAgent("agent-x").block());

        assertThat(e.path()).contains("/api/agents/agent-x");
    }

    @Test
    void aBlankIdIsAnInvalidArgumentAsWithTheRealClient() {
        assertThatThrownBy(() -> mock.getSessionDetail(" ").block()).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> mock.getActivities("", null).block()).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> mock.getAgent("").block()).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void callsAreLazy() {
        mock.getAgent("agent-x");
        mock.getSessionDetail("");

        assertThat(mock.getSessionDetail("sess-001").block().session().status()).isEqualTo(SessionStatus.WORKING);
    }

    @Test
    void aFinishedSessionIsFollowedToTheEndAtOnce() {
        List<ActivityEvent> events = mock.followActivities("sess-007").collectList().block(Duration.ofSeconds(5));

        assertThat(events).hasSize(16);
        assertThat(events).extracting(ActivityEvent::id).doesNotHaveDuplicates().startsWith("evt-001").endsWith("evt-016");
        assertThat(events.get(15).type()).isEqualTo(ActivityType.RESPONSE);
    }

    @Test
    void aFailedSessionEndsWithAnErrorEvent() {
        List<ActivityEvent> events = mock.followActivities("sess-010").collectList().block(Duration.ofSeconds(5));

        assertThat(events.get(events.size() - 1).type()).isEqualTo(ActivityType.ERROR);
    }

    @Test
    void activityIsPagedWithACursor() {
        var first = mock.getActivities("sess-007", null).block();
        var second = mock.getActivities("sess-007", first.cursor()).block();

        assertThat(first.activities()).hasSize(MockCoordinatorClient.PAGE_SIZE);
        assertThat(first.cursor()).isNotNull();
        assertThat(second.activities().get(0).id()).isEqualTo("evt-006");
        assertThat(first.sessionStatus()).isEqualTo(SessionStatus.COMPLETED);
    }

    @Test
    void aForeignCursorIsABadRequest() {
        assertThatThrownBy(() -> mock.getActivities("sess-007", "c-ev-2").block()).isInstanceOf(BadRequestException.class);
    }

    @Test
    void aWorkingSessionPlaysOutOverVirtualTimeThenCompletes() {
        MockCoordinatorClient fresh = MockCoordinatorClient.create();

        StepVerifier.withVirtualTime(() -> fresh.followActivities("sess-003").map(ActivityEvent::id))
                .expectNext("evt-001", "evt-002")
                .expectNoEvent(ActivityFollowRequest.DEFAULT_POLL_INTERVAL)
                .expectNext("evt-003", "evt-004")
                .thenAwait(Duration.ofSeconds(2))
                .expectNext("evt-005", "evt-006")
                .thenAwait(Duration.ofSeconds(4))
                .expectNext("evt-007", "evt-008", "evt-009", "evt-010")
                .verifyComplete();
    }

    @Test
    void thePaceOfActivityIsConfigurable() {
        MockCoordinatorClient slow = MockCoordinatorClient.create(Duration.ofSeconds(10));

        StepVerifier.withVirtualTime(() -> slow.followActivities(ActivityFollowRequest.of("sess-003")
                .withPollInterval(Duration.ofSeconds(10))).map(a -> a.event().id()))
                .expectNext("evt-001", "evt-002")
                .expectNoEvent(Duration.ofSeconds(10))
                .expectNext("evt-003")
                .thenCancel()
                .verify();
        assertThatThrownBy(() -> MockCoordinatorClient.create(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSessionThatPlayedOutIsListedCompleted() {
        MockCoordinatorClient fresh = MockCoordinatorClient.create();

        StepVerifier.withVirtualTime(() -> fresh.followActivities("sess-003"))
                .thenAwait(Duration.ofMinutes(1))
                .expectNextCount(10)
                .verifyComplete();

        assertThat(fresh.getSessionDetail("sess-003").block().session().status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(fresh.getStats().block().agentsWorking()).isEqualTo(2);
    }

    @Test
    void aQueuedSessionHasNoActivityAndIsPolledUntilCancelled() {
        StepVerifier.withVirtualTime(() -> mock.followActivities("sess-004"))
                .expectSubscription()
                .expectNoEvent(Duration.ofMinutes(5))
                .thenCancel()
                .verify();
        var page = mock.getActivities("sess-004", null).block();
        assertThat(page.activities()).isEmpty();
        assertThat(page.cursor()).isNull();
    }

    @Test
    void followingOnDemandDeliversOneEventPerRequest() {
        StepVerifier.create(mock.followActivities(ActivityFollowRequest.of("sess-008")), 0)
                .thenRequest(1)
                .expectNextMatches(a -> a.event().id().equals("evt-001"))
                .thenRequest(2)
                .expectNextCount(2)
                .thenCancel()
                .verify();
    }

    @Test
    void aFollowResumesFromASavedPointWithoutLossOrRepeat() {
        List<FollowedActivity> first = mock.followActivities(ActivityFollowRequest.of("sess-009")).take(7).collectList()
                .block();
        ActivityResumePoint saved = first.get(6).resumePoint();

        List<FollowedActivity> rest = mock.followActivities(ActivityFollowRequest.of("sess-009").resumeFrom(saved))
                .collectList().block();

        assertThat(first.size() + rest.size()).isEqualTo(12);
        assertThat(rest.get(0).event().id()).isEqualTo("evt-008");
    }

    @Test
    void stoppingALiveSessionAnswersStoppedWithoutChangingTheMock() {
        var stopped = mock.stopSession("sess-001").block();

        assertThat(stopped.stopped()).isTrue();
        assertThat(stopped.previousStatus()).isEqualTo(SessionStatus.WORKING);
        assertThat(stopped.newStatus()).isEqualTo(SessionStatus.STOPPED);
        assertThat(mock.getSessionDetail("sess-001").block().session().status()).isEqualTo(SessionStatus.WORKING);
    }

    @Test
    void stoppingAFinishedSessionChangesNothing() {
        var stopped = mock.stopSession("sess-008").block();

        assertThat(stopped.stopped()).isFalse();
        assertThat(stopped.newStatus()).isEqualTo(SessionStatus.COMPLETED);
    }

    @Test
    void chattingWithALiveSessionIsDeliveredAndWithAFinishedOneIsAConflict() {
        assertThat(mock.chatSession("sess-006", new ChatSessionRequest("status?")).block().delivered()).isTrue();
        assertThatThrownBy(() -> mock.chatSession("sess-012", new ChatSessionRequest("hi")).block())
                .isInstanceOf(ConflictException.class).hasMessageContaining("session is stopped");
    }

    @Test
    void reconnectCountsTheEventsAfterTheGivenPoint() {
        assertThat(mock.reconnectSession("sess-007", new ReconnectSessionRequest(null, null)).block().missedEvents())
                .isEqualTo(16);
        assertThat(mock.reconnectSession("sess-007", new ReconnectSessionRequest(null, "evt-010")).block().missedEvents())
                .isEqualTo(6);
        assertThat(mock.reconnectSession("sess-007", new ReconnectSessionRequest("cursor-15", null)).block().missedEvents())
                .isEqualTo(1);
    }

    @Test
    void tasksAreSubmittedStoppedAndPromptedLikeTheServer() {
        var submitted = mock.submitTask(new SubmitTaskRequest("REN-200", "", "", 0)).block();
        assertThat(submitted.taskId()).isEqualTo("task-ren-200");
        assertThat(submitted.status()).isEqualTo("queued");
        assertThat(mock.stopAgent(new StopAgentRequest("task-sess-001")).block().issueId()).isEqualTo("REN-101");
        assertThat(mock.forwardPrompt(new ForwardPromptRequest("task-sess-002", "add a test")).block().forwarded()).isTrue();
        assertThatThrownBy(() -> mock.submitTask(new SubmitTaskRequest("", "", "", 0)).block())
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> mock.stopAgent(new StopAgentRequest("")).block()).isInstanceOf(BadRequestException.class);
    }

    @Test
    void aMockHasNoCredentialsAndCloseIsHarmless() {
        CoordinatorClient client = MockCoordinatorClient.create();

        assertThat(client.credentials()).isEmpty();
        client.close();
        assertThat(client.getSessions().block().count()).isEqualTo(12);
    }

    private static int count(List<SessionResponse> sessions, SessionStatus status) {
        return (int) sessions.stream().filter(s -> s.status().equals(status)).count();
    }
}
