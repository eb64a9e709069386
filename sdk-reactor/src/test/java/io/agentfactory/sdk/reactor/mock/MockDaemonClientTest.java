package io.agentfactory.sdk.reactor.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.daemon.DaemonStatus;
import io.agentfactory.sdk.error.ConflictException;
import io.agentfactory.sdk.error.HttpError;
import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.error.KitTrustGateException;
import io.agentfactory.sdk.error.NotFoundException;
import io.agentfactory.sdk.error.UnavailableException;
import io.agentfactory.sdk.kit.KitInstallRequest;
import io.agentfactory.sdk.kit.KitStatus;
import io.agentfactory.sdk.kit.KitTrustState;
import io.agentfactory.sdk.workarea.EvictPoolRequest;
import io.agentfactory.sdk.workarea.WorkareaDiffEntry;
import io.agentfactory.sdk.workarea.WorkareaDiffStatus;
import io.agentfactory.sdk.workarea.WorkareaDiffSummary;
import io.agentfactory.sdk.workarea.WorkareaRestoreRequest;

/** The in-memory daemon: its lifecycle, kits and trust gate, diff, errors, stubbing. */
class MockDaemonClientTest {

    @Test
    void theLifecycleKeepsItsStateAndRefusesWhatTheDaemonWould() {
        MockDaemonClient daemon = MockDaemonClient.create();

        StepVerifier.create(daemon.pause()).assertNext(r -> assertThat(r.ok()).isTrue()).verifyComplete();
        StepVerifier.create(daemon.pause())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConflictException.class)
                        .hasMessageContaining("daemon is paused"))
                .verify();
        StepVerifier.create(daemon.drain(30)).expectNextCount(1).verifyComplete();
        StepVerifier.create(daemon.getStatus())
                .assertNext(s -> assertThat(s.status()).isEqualTo(DaemonStatus.DRAINING))
                .verifyComplete();
        StepVerifier.create(daemon.resume()).expectNextCount(1).verifyComplete();
        StepVerifier.create(daemon.resume()).expectError(ConflictException.class).verify();
        StepVerifier.create(daemon.drain(-1)).expectError(InvalidArgumentException.class).verify();
    }

    @Test
    void theTrustGateRefusesTheUnsignedKitUntilAllowedOnce() {
        MockDaemonClient daemon = MockDaemonClient.create();

        StepVerifier.create(daemon.installKit(MockDaemonClient.UNSIGNED_KIT, KitInstallRequest.defaults()))
                .expectErrorSatisfies(e -> {
                    KitTrustGateException gate = (KitTrustGateException) e;
                    assertThat(gate.status()).isEqualTo(403);
                    assertThat(gate.kitId()).isEqualTo(MockDaemonClient.UNSIGNED_KIT);
                    assertThat(gate.trust()).isEqualTo(KitTrustState.UNSIGNED);
                    assertThat(gate.path()).contains("/api/daemon/kits/acme/shell-tools/install");
                })
                .verify();
        StepVerifier.create(daemon.installKit(MockDaemonClient.UNSIGNED_KIT,
                        KitInstallRequest.defaults().allowedThisOnce()))
                .assertNext(result -> assertThat(result.kit().status()).isEqualTo(KitStatus.ACTIVE))
                .verifyComplete();
        StepVerifier.create(daemon.verifyKitSignature(MockDaemonClient.VERIFIED_KIT))
                .assertNext(sig -> assertThat(sig.ok()).isTrue())
                .verifyComplete();
        StepVerifier.create(daemon.disableKit(MockDaemonClient.VERIFIED_KIT))
                .assertNext(kit -> assertThat(kit.status()).isEqualTo(KitStatus.DISABLED))
                .verifyComplete();
        StepVerifier.create(daemon.getKit("nope/none")).expectError(NotFoundException.class).verify();
    }

    @Test
    void theDiffStreamsItsEntriesThenOneSummaryAndCollects() {
        MockDaemonClient daemon = MockDaemonClient.create();

        StepVerifier.create(daemon.streamDiff(MockDaemonClient.ARCHIVE_A, MockDaemonClient.ARCHIVE_B))
                .assertNext(e -> assertThat(((WorkareaDiffEntry) e).status()).isEqualTo(WorkareaDiffStatus.MODIFIED))
                .assertNext(e -> assertThat(((WorkareaDiffEntry) e).path()).isEqualTo("src/Main.java"))
                .assertNext(e -> assertThat(((WorkareaDiffEntry) e).status()).isEqualTo(WorkareaDiffStatus.REMOVED))
                .expectNext(new WorkareaDiffSummary("ar-1", "ar-2", 1, 1, 1, 3))
                .verifyComplete();
        StepVerifier.create(daemon.diffWorkareas(MockDaemonClient.ARCHIVE_A, MockDaemonClient.ARCHIVE_B))
                .assertNext(result -> {
                    assertThat(result.entries()).hasSize(3);
                    assertThat(result.summary().total()).isEqualTo(3);
                })
                .verifyComplete();
        StepVerifier.create(daemon.streamDiff(MockDaemonClient.ARCHIVE_A, "ar-404")).expectError(NotFoundException.class)
                .verify();
        StepVerifier.create(daemon.streamDiff(" ", MockDaemonClient.ARCHIVE_B)).expectError(InvalidArgumentException.class)
                .verify();
    }

    @Test
    void readsDecodeTheDaemonsWireFormat() {
        MockDaemonClient daemon = MockDaemonClient.create();

        StepVerifier.create(daemon.getStats(true, false))
                .assertNext(stats -> {
                    assertThat(stats.pool().readyMembers()).isEqualTo(1);
                    assertThat(stats.allowedProjects()).containsExactly("acme/widgets");
                })
                .verifyComplete();
        StepVerifier.create(daemon.listWorkareas())
                .assertNext(w -> assertThat(w.archived()).hasSize(2))
                .verifyComplete();
        StepVerifier.create(daemon.restoreWorkarea(MockDaemonClient.ARCHIVE_A, new WorkareaRestoreRequest("", "sess-9")))
                .assertNext(r -> assertThat(r.workarea().id()).isEqualTo("wa-ar-1"))
                .verifyComplete();
        StepVerifier.create(daemon.evictPool(new EvictPoolRequest("github.com/acme/widgets", 60)))
                .assertNext(r -> assertThat(r.evicted()).isEqualTo(1))
                .verifyComplete();
        StepVerifier.create(daemon.evictPool(new EvictPoolRequest("", 60))).expectError(InvalidArgumentException.class)
                .verify();
        StepVerifier.create(daemon.explainRouting("sess/\"1\""))
                .assertNext(r -> assertThat(r.sessionId()).isEqualTo("sess/\"1\""))
                .verifyComplete();
    }

    @Test
    void stubsAndRecordedCallsWorkAsOnTheCoordinatorMock() {
        MockDaemonClient daemon = MockDaemonClient.create();
        UnavailableException starting = new UnavailableException(new HttpError("GET", "/api/daemon/status", 503,
                "daemon is still starting", Duration.ofSeconds(2), Map.of()));
        daemon.stub("getStatus").failTimes(1, starting);
        daemon.stub("streamDiff").answer(List.of(WorkareaDiffSummary.empty()));

        StepVerifier.create(daemon.getStatus().retry(1))
                .assertNext(s -> assertThat(s.status()).isEqualTo(DaemonStatus.READY))
                .verifyComplete();
        StepVerifier.create(daemon.diffWorkareas("x", "y"))
                .assertNext(result -> assertThat(result.entries()).isEmpty())
                .verifyComplete();
        assertThat(daemon.calls()).extracting(MockCall::operation)
                .containsExactly("getStatus", "getStatus", "diffWorkareas", "streamDiff");
        assertThat(daemon.calls("streamDiff").get(0).arguments()).containsExactly("x", "y");

        daemon.pause().block(Duration.ofSeconds(1));
        daemon.reset();
        assertThat(daemon.calls()).isEmpty();
        StepVerifier.create(daemon.getStatus())
                .assertNext(s -> assertThat(s.status()).isEqualTo(DaemonStatus.READY))
                .verifyComplete();
    }
}
