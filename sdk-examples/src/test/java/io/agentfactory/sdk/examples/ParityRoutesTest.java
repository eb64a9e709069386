package io.agentfactory.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.daemon.DaemonRestartPreflightState;
import io.agentfactory.sdk.daemon.DaemonStatus;
import io.agentfactory.sdk.daemon.RestartRefusalCause;
import io.agentfactory.sdk.error.DaemonRestartPreflightRefusedException;
import io.agentfactory.sdk.error.StopSessionRefusedException;
import io.agentfactory.sdk.examples.simulator.SimulatedIds;
import io.agentfactory.sdk.session.SessionStatus;
import io.agentfactory.sdk.session.StopReceiptKind;
import io.agentfactory.sdk.workarea.WorkareaKind;
import io.agentfactory.sdk.workarea.WorkareaRestoreRequest;

/**
 * The routes of the newer upstream generation end to end: the SDK clients against the embedded
 * simulator, so every answer the simulator gives passes the clients' closed schemas.
 */
class ParityRoutesTest extends SimulatedServicesPerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void stoppingARunningSessionGivesASessionStopReceiptAndStoppingAgainReplaysIt() {
        String id = sim.sessionId(SimulatedIds.WORKING_SESSION);

        var first = services.coordinator().stopSession(id).block(WAIT);
        var second = services.coordinator().stopSession(id).block(WAIT);

        assertThat(first.stopped()).isTrue();
        assertThat(first.receipt().kind()).isEqualTo(StopReceiptKind.SESSION_STOP);
        assertThat(first.receipt().disposition()).isEqualTo(SessionStatus.STOPPED);
        assertThat(first.receipt().idempotentReplay()).isFalse();
        assertThat(second.stopped()).isFalse();
        assertThat(second.receipt().mutationId()).isEqualTo(first.receipt().mutationId());
        assertThat(second.receipt().idempotentReplay()).isTrue();
    }

    @Test
    void stoppingAQueuedSessionReconcilesItsDispatch() {
        String id = sim.sessionId(SimulatedIds.QUEUED_SESSION);

        var receipt = services.coordinator().stopSession(id).block(WAIT).receipt();

        assertThat(receipt.kind()).isEqualTo(StopReceiptKind.PRE_SESSION_DISPATCH_RECONCILIATION);
        assertThat(receipt.previousStatus()).isEqualTo(SessionStatus.QUEUED);
        assertThat(receipt.terminalDisposition()).isEqualTo(SessionStatus.STOPPED);
        assertThat(receipt.intentDigest()).hasSize(64);
    }

    @Test
    void stoppingASessionThatEndedOnItsOwnIsATypedRefusal() {
        String id = sim.sessionId(SimulatedIds.COMPLETED_SESSION);

        StepVerifier.create(services.coordinator().stopSession(id))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(StopSessionRefusedException.class);
                    assertThat(((StopSessionRefusedException) e).refusalCause()).isEqualTo("already_terminal");
                })
                .verify(WAIT);
    }

    @Test
    void theRestartPreflightPreparesADrainingDaemonAndAStoppedOneRefusesWithItsCause() {
        var granted = services.daemon().prepareRestart(Duration.ofSeconds(10)).block(WAIT);

        assertThat(granted.state()).isIn(DaemonRestartPreflightState.PREPARED, DaemonRestartPreflightState.NOT_REQUIRED);
        assertThat(granted.preparationId()).startsWith("prep-");
        assertThat(services.daemon().getStatus().block(WAIT).status()).isEqualTo(DaemonStatus.DRAINING);

        services.daemon().stop().block(WAIT);
        StepVerifier.create(services.daemon().prepareRestart())
                .expectErrorSatisfies(e -> assertThat(((DaemonRestartPreflightRefusedException) e).refusalCause())
                        .contains(RestartRefusalCause.ACQUIRE_LIFECYCLE))
                .verify(WAIT);
    }

    @Test
    void theDaemonListsItsSessionsWithDisplayMetadataAndStatsCarryBothPoolKeys() {
        var sessions = services.daemon().listSessions().collectList().block(WAIT);
        var stats = services.daemon().getStats(true, false).block(WAIT);

        assertThat(sessions).isNotEmpty().allSatisfy(s -> {
            assertThat(s.state()).isEqualTo("running");
            assertThat(s.worktreePath()).endsWith(s.sessionId());
            assertThat(s.harness()).isNotEmpty();
        });
        assertThat(stats.workarea()).isNotNull().isEqualTo(stats.pool());
    }

    @Test
    void workareasV1ListInspectAndRestoreWithTheirRoots() {
        var list = services.daemon().listWorkareasV1().block(WAIT);
        var active = list.active().get(0);
        var inspected = services.daemon().getWorkareaV1(active.id()).block(WAIT).workarea();
        var restored = services.daemon().restoreWorkareaV1(SimulatedIds.ARCHIVE_FINAL,
                new WorkareaRestoreRequest("parity test", ""), Duration.ofSeconds(10)).block(WAIT).workarea();

        assertThat(active.workareaRoot()).startsWith("/home/sim/.donmai/worktrees/");
        assertThat(inspected.kind()).isEqualTo(WorkareaKind.ACTIVE);
        assertThat(inspected.workareaRoot()).isEqualTo(active.workareaRoot());
        assertThat(restored.id()).startsWith("wa-restored-");
        assertThat(restored.workareaRoot()).isNotEmpty();
        assertThat(services.daemon().listWorkareas().block(WAIT).active())
                .anySatisfy(w -> assertThat(w.id()).isEqualTo(restored.id()));
    }
}
