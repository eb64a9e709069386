package io.agentfactory.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.daemon.DaemonStatus;
import io.agentfactory.sdk.examples.simulator.SimulatedRoutes;

/** Example 4: pause, a refused second pause, drain and resume, each checked against the daemon's status. */
class DaemonOperationsTest extends SimulatedServicesPerTest {

    @Test
    void pauseDrainResumeLeavesTheDaemonReadyWithEveryStepChecked() {
        DaemonOperations.Report report = new DaemonOperations(services.daemon()).pauseDrainResume(0).block();

        assertThat(report.before().status()).isEqualTo(DaemonStatus.READY);
        assertThat(report.steps()).extracting(DaemonOperations.Step::action, DaemonOperations.Step::accepted,
                        DaemonOperations.Step::statusAfter, DaemonOperations.Step::message)
                .containsExactly(
                        tuple("pause", true, DaemonStatus.PAUSED,
                                "daemon paused: no new sessions will be accepted"),
                        tuple("pause again", false, DaemonStatus.PAUSED,
                                "daemon is already paused"),
                        tuple("drain", true, DaemonStatus.DRAINING,
                                "drained 2 session(s) in 60s"),
                        tuple("resume", true, DaemonStatus.READY,
                                "daemon resumed: accepting sessions"));
        assertThat(report.passed()).isTrue();
        assertThat(sim.daemonRequests().count(SimulatedRoutes.DAEMON_STATUS)).isEqualTo(5);
    }

    @Test
    void aDrainThatCannotFinishInTimeIsARefusalAndTheDaemonStillResumes() {
        DaemonOperations.Report report = new DaemonOperations(services.daemon()).pauseDrainResume(30).block();

        DaemonOperations.Step drain = report.steps().get(2);
        assertThat(drain.accepted()).isFalse();
        assertThat(drain.message()).isEqualTo("drain timed out after 30s: 2 session(s) still in flight");
        assertThat(drain.statusAfter()).isEqualTo(DaemonStatus.DRAINING);
        assertThat(report.steps().get(3).statusAfter()).isEqualTo(DaemonStatus.READY);
        assertThat(sim.daemonRequests().count(SimulatedRoutes.DAEMON_DRAIN)).isOne();
    }

    @Test
    void aDaemonThatIsNotReadyIsLeftAloneWithAClearError() {
        services.daemon().pause().block();

        StepVerifier.create(new DaemonOperations(services.daemon()).pauseDrainResume(0))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalStateException.class)
                        .hasMessage("the daemon is paused; this example starts from ready"))
                .verify(Duration.ofSeconds(10));
        assertThat(sim.daemonRequests().count(SimulatedRoutes.DAEMON_PAUSE)).isOne();
        assertThat(sim.daemonRequests().count(SimulatedRoutes.DAEMON_RESUME)).isZero();
    }

    @Test
    void theReportPrintsAsOneRowPerStep() {
        DaemonOperations.Report report = new DaemonOperations(services.daemon()).pauseDrainResume(0).block();

        assertThat(DaemonOperations.render(report)).satisfiesExactly(
                headline -> assertThat(headline).startsWith("Daemon 0.14.2 on mac-studio-berlin (pid ")
                        .endsWith("): ready, 2/4 sessions, 3 projects allowed"),
                header -> assertThat(header).startsWith("  ACTION       ANSWER       STATUS AFTER  CHECK"),
                pause -> assertThat(pause).matches("  pause +200 ok +paused +ok +daemon paused.*"),
                again -> assertThat(again).matches("  pause again +409 refused +paused +ok +daemon is already paused"),
                drain -> assertThat(drain).matches("  drain +200 ok +draining +ok +drained 2 session\\(s\\) in 60s"),
                resume -> assertThat(resume).matches("  resume +200 ok +ready +ok +daemon resumed: accepting sessions"));
    }

    @Test
    void runPassesAgainstTheSimulator() {
        assertThat(DaemonOperations.run(services, out)).isTrue();
    }
}
