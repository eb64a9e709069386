package io.agentfactory.sdk.examples.simulator;

import static io.agentfactory.sdk.examples.simulator.CoordinatorRoutesTest.activities;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.session.ActivityEvent;
import io.agentfactory.sdk.session.ActivityListResponse;
import io.agentfactory.sdk.session.ActivityType;
import io.agentfactory.sdk.session.SessionHash;
import io.agentfactory.sdk.session.SessionResponse;
import io.agentfactory.sdk.session.SessionStatus;

/**
 * Activity paging ({@code GET /api/public/session-activities}, sdk-api/CONTRACT.md §3): pages of three,
 * cursors, "nothing newer yet", the session hash, and sessions that progress as time advances.
 */
class ActivityPagingTest extends FreshSimulatorPerTest {

    @Test
    void theFirstPageHoldsThreeEventsAndACursor() {
        String id = sim.sessionId(SimulatedIds.COMPLETED_SESSION);

        ActivityListResponse page = page(id, null);

        assertThat(page.activities()).hasSize(3);
        assertThat(page.cursor()).isNotBlank();
        assertThat(page.sessionStatus()).isEqualTo(SessionStatus.COMPLETED);
    }

    @Test
    void followingCursorsWalksEveryEventOnceInOrder() {
        String id = sim.sessionId(SimulatedIds.COMPLETED_SESSION);

        List<ActivityEvent> events = drain(id, null);

        assertThat(events).hasSizeGreaterThan(6);
        assertThat(events).extracting(ActivityEvent::id).doesNotHaveDuplicates().isSorted();
        assertThat(events.get(0).type()).isEqualTo(ActivityType.PROGRESS);
        assertThat(events).last().extracting(ActivityEvent::type).isEqualTo(ActivityType.RESPONSE);
    }

    @Test
    void aPageWithNothingNewerHasNoCursor() {
        String id = sim.sessionId(SimulatedIds.COMPLETED_SESSION);
        String last = lastCursor(id);

        ActivityListResponse page = page(id, last);

        assertThat(page.activities()).isEmpty();
        assertThat(page.cursor()).isNull();
        assertThat(coordinator.get(activities(id, last)).asMap()).doesNotContainKey("cursor");
    }

    @Test
    void aSessionWithoutActivityAnswersAnEmptyPage() {
        String id = sim.sessionId(SimulatedIds.QUEUED_SESSION);

        ActivityListResponse page = page(id, null);

        assertThat(page.activities()).isEmpty();
        assertThat(page.cursor()).isNull();
        assertThat(page.sessionStatus()).isEqualTo(SessionStatus.QUEUED);
    }

    @Test
    void aPublishedActivityIsServedAfterTheLastCursor() {
        String id = sim.sessionId(SimulatedIds.WORKING_SESSION);
        String last = lastCursor(id);

        PublishedActivity published = sim.publishActivity(id, ActivityType.THOUGHT, "checking the retry budget");
        ActivityListResponse page = page(id, last);

        assertThat(page.activities()).containsExactly(published.event());
        assertThat(published.event().timestamp()).isEqualTo(sim.now().toString());
        assertThat(published.publishedAt()).isEqualTo(sim.now());
        assertThat(page(id, page.cursor()).activities()).isEmpty();
    }

    @Test
    void eventIdsAreUniquePerSession() {
        String id = sim.sessionId(SimulatedIds.WORKING_SESSION);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(sim.publishActivity(id, ActivityType.PROGRESS, "step " + i).eventId());
        }

        assertThat(drain(id, null)).extracting(ActivityEvent::id).doesNotHaveDuplicates().containsSubsequence(ids);
    }

    @Test
    void anInvalidCursorIs400() {
        String id = sim.sessionId(SimulatedIds.COMPLETED_SESSION);

        Http.Response response = coordinator.get(activities(id, "not-a-cursor"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.asMap()).containsEntry("error", "invalid cursor");
    }

    @Test
    void aMissingSessionIdIs400() {
        assertThat(coordinator.get("/api/public/session-activities").status()).isEqualTo(400);
    }

    @Test
    void withoutATokenAWrongOrMissingSessionHashIs404() {
        String id = sim.sessionId(SimulatedIds.WORKING_SESSION);

        assertThat(coordinator.get("/api/public/session-activities?sessionId=" + id).status()).isEqualTo(404);
        assertThat(coordinator.get("/api/public/session-activities?sessionId=" + id + "&sessionHash="
                + SessionHash.of("another")).status()).isEqualTo(404);
        assertThat(coordinator.get(activities(id, null)).status()).isEqualTo(200);
    }

    @Test
    void withATokenTheSessionHashIsNotNeededAndTheHashedIdIsAccepted() {
        try (AgentFactorySimulator secured = AgentFactorySimulator.builder().coordinatorToken("rsk_test").start()) {
            Http client = new Http(secured.coordinatorBaseUrl()).withBearer("rsk_test");
            String id = secured.sessionId(SimulatedIds.WORKING_SESSION);

            ActivityListResponse byId = client.get("/api/public/session-activities?sessionId=" + id)
                    .as(ActivityListResponse.class);
            ActivityListResponse byHash = client.get("/api/public/session-activities?sessionId=" + SessionHash.of(id))
                    .as(ActivityListResponse.class);

            assertThat(byId.activities()).isNotEmpty();
            assertThat(byHash).isEqualTo(byId);
        }
    }

    @Test
    void sessionsProgressAndEndAsTimeAdvances() {
        String working = sim.sessionId(SimulatedIds.WORKING_SESSION);
        String failing = sim.sessionId(SimulatedIds.FAILING_SESSION);
        int before = drain(working, null).size();

        sim.tick(300);

        assertThat(sim.session(working)).get().extracting(SessionResponse::status).isEqualTo(SessionStatus.COMPLETED);
        assertThat(sim.session(failing)).get().extracting(SessionResponse::status).isEqualTo(SessionStatus.FAILED);
        assertThat(drain(failing, null)).last().extracting(ActivityEvent::type).isEqualTo(ActivityType.ERROR);
        List<ActivityEvent> after = drain(working, null);
        assertThat(after.size()).isGreaterThan(before);
        assertThat(page(working, null).sessionStatus()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(sim.sessions()).extracting(SessionResponse::identifier, SessionResponse::status)
                .doesNotContain(org.assertj.core.groups.Tuple.tuple("REN-124", SessionStatus.QUEUED));
    }

    @Test
    void aFollowerSeesNewEventsAsTheyAppearUntilTheSessionEnds() {
        String id = sim.sessionId(SimulatedIds.WORKING_SESSION);
        List<ActivityEvent> seen = new ArrayList<>(drain(id, null));
        String cursor = lastCursor(id);
        SessionStatus status = SessionStatus.WORKING;
        for (int tick = 0; tick < 300 && !status.equals(SessionStatus.COMPLETED); tick++) {
            sim.tick();
            ActivityListResponse next = page(id, cursor);
            seen.addAll(next.activities());
            cursor = next.cursor() == null ? cursor : next.cursor();
            status = next.sessionStatus();
        }

        assertThat(status).isEqualTo(SessionStatus.COMPLETED);
        assertThat(seen).isEqualTo(drain(id, null));
    }

    @Test
    void eachTickMovesTheClockOneStep() {
        AgentFactorySimulator stepped = AgentFactorySimulator.builder().tickStep(Duration.ofSeconds(5)).start();
        try (stepped) {
            stepped.tick(3);
            stepped.advance(Duration.ofSeconds(10));

            assertThat(stepped.now()).isEqualTo(AgentFactorySimulator.DEFAULT_EPOCH.plusSeconds(25));
            assertThat(stepped.clock().instant()).isEqualTo(stepped.now());
        }
    }

    @Test
    void finishingASessionEndsItWithItsClosingActivity() {
        String id = sim.sessionId(SimulatedIds.WORKING_SESSION);

        sim.finishSession(id, SessionStatus.FAILED);

        ActivityListResponse last = page(id, null);
        assertThat(last.sessionStatus()).isEqualTo(SessionStatus.FAILED);
        assertThat(drain(id, null)).last().extracting(ActivityEvent::type).isEqualTo(ActivityType.ERROR);
    }

    private ActivityListResponse page(String id, String cursor) {
        Http.Response response = coordinator.get(activities(id, cursor));
        assertThat(response.status()).isEqualTo(200);
        return response.as(ActivityListResponse.class);
    }

    private List<ActivityEvent> drain(String id, String from) {
        List<ActivityEvent> events = new ArrayList<>();
        String cursor = from;
        while (true) {
            ActivityListResponse page = page(id, cursor);
            events.addAll(page.activities());
            if (page.cursor() == null) {
                return events;
            }
            assertThat(page.activities()).hasSizeBetween(1, 3);
            cursor = page.cursor();
        }
    }

    private String lastCursor(String id) {
        String cursor = null;
        while (true) {
            ActivityListResponse page = page(id, cursor);
            if (page.cursor() == null) {
                return cursor;
            }
            cursor = page.cursor();
        }
    }
}
