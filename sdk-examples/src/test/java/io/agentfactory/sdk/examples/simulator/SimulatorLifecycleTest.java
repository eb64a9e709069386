package io.agentfactory.sdk.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

import io.agentfactory.sdk.session.ActivityType;
import io.agentfactory.sdk.session.SessionStatus;

/** Starting, ticking in real time, closing, and the checks on what tests pass in. */
class SimulatorLifecycleTest {

    @Test
    void bothServicesListenOnTheirOwnLoopbackPort() {
        try (AgentFactorySimulator sim = AgentFactorySimulator.start()) {
            assertThat(sim.coordinatorBaseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(sim.daemonBaseUrl()).matches("http://127\\.0\\.0\\.1:\\d+").isNotEqualTo(sim.coordinatorBaseUrl());
        }
    }

    @Test
    void closingStopsBothServices() {
        AgentFactorySimulator sim = AgentFactorySimulator.start();
        String coordinator = sim.coordinatorBaseUrl();
        String daemon = sim.daemonBaseUrl();

        sim.close();

        for (String url : new String[] {coordinator + "/api/public/stats", daemon + "/api/daemon/status"}) {
            assertThatThrownBy(() -> HttpClient.create().get().uri(url).response().block(Duration.ofSeconds(5)))
                    .hasMessageContaining("Connection refused");
        }
    }

    @Test
    void aRealTimeTickerMovesTheClock() {
        try (AgentFactorySimulator sim = AgentFactorySimulator.builder().realTimeTicks(Duration.ofMillis(10)).start()) {
            Instant moved = Flux.interval(Duration.ofMillis(5)).map(tick -> sim.now())
                    .filter(now -> now.isAfter(AgentFactorySimulator.DEFAULT_EPOCH))
                    .blockFirst(Duration.ofSeconds(10));

            assertThat(moved).isAfter(AgentFactorySimulator.DEFAULT_EPOCH);
        }
    }

    @Test
    void publishingOnAnUnknownSessionIsRefused() {
        try (AgentFactorySimulator sim = AgentFactorySimulator.start()) {
            assertThatThrownBy(() -> sim.publishActivity("nope", ActivityType.PROGRESS, "x"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sim.finishSession(sim.sessionId(SimulatedIds.WORKING_SESSION), SessionStatus.QUEUED))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sim.sessionId("REN-999")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void syntheticArchiveIdsEncodeTheirSize() {
        assertThat(AgentFactorySimulator.syntheticArchive(1_000_000)).isEqualTo("synthetic-1000000");
        assertThat(ArchiveStore.syntheticSize("synthetic-1000000")).hasValue(1_000_000);
        assertThat(ArchiveStore.syntheticSize("synthetic-01")).isEmpty();
        assertThat(ArchiveStore.syntheticSize("synthetic-")).isEmpty();
        assertThatThrownBy(() -> AgentFactorySimulator.syntheticArchive(100_000_000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builderArgumentsAreChecked() {
        AgentFactorySimulator.Builder builder = AgentFactorySimulator.builder();

        assertThatThrownBy(() -> builder.coordinatorToken(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.activityPageSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.tickStep(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.diffStreamingThreshold(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
