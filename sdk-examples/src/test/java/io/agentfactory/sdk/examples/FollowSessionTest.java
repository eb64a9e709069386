package io.agentfactory.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.examples.simulator.SimulatedIds;
import io.agentfactory.sdk.session.FollowedActivity;
import io.agentfactory.sdk.session.SessionStatus;

/**
 * Example 2: following, stopping and resuming loses nothing and repeats nothing, whether the
 * session is still working (the simulator ticking in real time) or already over.
 */
class FollowSessionTest extends SimulatedServicesPerTest {

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void aLiveSessionFollowedStoppedAndResumedIsDeliveredWholeOnceInOrder() {
        String working = sim.sessionId(SimulatedIds.WORKING_SESSION);
        sim.startTicker(Duration.ofMillis(20));

        FollowSession.Report report = new FollowSession(services.coordinator(), POLL, out)
                .followStopAndResume(working, 5, Duration.ofMillis(100), LIMIT).block();

        assertThat(report.beforeStop()).hasSize(5);
        assertThat(report.afterResume()).isNotEmpty();
        assertThat(report.finalStatus()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(report.deliveredIds()).isEqualTo(report.feed()).doesNotHaveDuplicates();
        assertThat(report.noDuplicates()).isTrue();
        assertThat(report.noGap()).isTrue();
    }

    @Test
    void stoppingInTheMiddleOfAPageResumesRightAfterTheLastEventDelivered() {
        String completed = sim.sessionId(SimulatedIds.COMPLETED_SESSION);

        // Pages hold 3 events: the 4th event is the first of the second page.
        FollowSession.Report report = new FollowSession(services.coordinator(), POLL, out)
                .followStopAndResume(completed, 4, Duration.ofMillis(1), LIMIT).block();

        List<String> feed = report.feed();
        assertThat(report.savedPoint().pageCursor()).isNotNull();
        assertThat(report.savedPoint().lastEventId()).isEqualTo(feed.get(3));
        assertThat(report.afterResume().get(0).event().id()).isEqualTo(feed.get(4));
        assertThat(report.deliveredIds()).isEqualTo(feed);
    }

    @Test
    void resumingAfterTheLastEventOfAFinishedSessionDeliversNothingMore() {
        String completed = sim.sessionId(SimulatedIds.COMPLETED_SESSION);

        FollowSession.Report report = new FollowSession(services.coordinator(), POLL, out)
                .followStopAndResume(completed, 1000, Duration.ofMillis(1), LIMIT).block();

        assertThat(report.beforeStop()).extracting(a -> a.event().id()).isEqualTo(report.feed());
        assertThat(report.afterResume()).isEmpty();
        assertThat(report.noGap()).isTrue();
    }

    @Test
    void everyEventIsPrintedAsItArrivesWithTheStopAndResumeMarked() {
        String completed = sim.sessionId(SimulatedIds.COMPLETED_SESSION);

        FollowSession.Report report = new FollowSession(services.coordinator(), POLL, out)
                .followStopAndResume(completed, 2, Duration.ofMillis(1), LIMIT).block();

        List<FollowedActivity> first = report.beforeStop();
        assertThat(out.lines()).hasSize(report.deliveredIds().size() + 2);
        assertThat(out.lines().get(0)).contains("completed", first.get(0).event().type().value());
        assertThat(out.lines().get(2)).startsWith("  -- stopped after 2 events; saved the resume point");
        assertThat(out.lines().get(3)).startsWith("  -- resuming from the saved point");
    }

    @Test
    void aDeliveredListThatSkipsAnEventIsCaughtAsAGap() {
        FollowSession.Report complete = new FollowSession(services.coordinator(), POLL, out)
                .followStopAndResume(sim.sessionId(SimulatedIds.COMPLETED_SESSION), 3, Duration.ofMillis(1), LIMIT).block();

        FollowSession.Report skipped = new FollowSession.Report(complete.sessionId(), complete.beforeStop(),
                complete.savedPoint(), complete.afterResume().subList(1, complete.afterResume().size()), complete.feed(),
                complete.finalStatus());
        FollowSession.Report repeated = new FollowSession.Report(complete.sessionId(), complete.beforeStop(),
                complete.savedPoint(), complete.beforeStop(), complete.feed(), complete.finalStatus());

        assertThat(complete.noGap()).isTrue();
        assertThat(skipped.noGap()).isFalse();
        assertThat(repeated.noDuplicates()).isFalse();
    }

    @Test
    void runFollowsTheWorkingSessionWhileTheSimulatorTicksUntilItEnds() {
        boolean passed = FollowSession.run(services, out);

        assertThat(passed).isTrue();
        assertThat(out.text()).contains("duplicates: none; gaps: none");
        assertThat(sim.session(sim.sessionId(SimulatedIds.WORKING_SESSION)).orElseThrow().status())
                .isEqualTo(SessionStatus.COMPLETED);
    }
}
