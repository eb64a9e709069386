package io.agentfactory.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.ServerErrorException;
import io.agentfactory.sdk.examples.simulator.SimulatedRoutes;
import io.agentfactory.sdk.fleet.MachineStats;
import io.agentfactory.sdk.session.SessionResponse;

/** Example 1: the four reads, their agreement, their parallelism and the table. */
class FleetDashboardTest extends SimulatedServicesPerTest {

    @Test
    void theSnapshotHoldsStatsSessionsMachinesAndCost() {
        FleetDashboard.Snapshot snapshot = new FleetDashboard(services.coordinator()).snapshot().block();

        assertThat(snapshot.sessions()).extracting(SessionResponse::identifier)
                .containsExactly("REN-121", "REN-122", "REN-123", "REN-124", "REN-125", "REN-126", "REN-127", "REN-128",
                        "REN-129", "REN-130", "REN-131", "REN-132");
        assertThat(snapshot.machines()).extracting(MachineStats::id)
                .containsExactly("mac-studio-berlin", "linux-builder-01", "linux-builder-02");
        assertThat(snapshot.stats().agentsWorking()).isEqualTo(3).isEqualTo((int) FleetDashboard.working(snapshot));
        assertThat(snapshot.cost().totalSessions()).isEqualTo(12);
    }

    @Test
    void theFourReadsRunInParallel() {
        sim.coordinatorFaults().latency(Duration.ofMillis(1000));

        long start = System.nanoTime();
        new FleetDashboard(services.coordinator()).snapshot().block();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        // One after the other they would take at least 4 × 1 s; in parallel one, plus a first call's start-up.
        assertThat(elapsed).isLessThan(Duration.ofMillis(3000));
        assertThat(sim.coordinatorRequests().snapshot()).containsOnlyKeys(SimulatedRoutes.STATS, SimulatedRoutes.SESSIONS,
                SimulatedRoutes.MACHINES, SimulatedRoutes.COST_REPORT).allSatisfy((route, count) -> assertThat(count).isOne());
    }

    @Test
    void aFailedReadFailsTheSnapshotWithItsTypedError() {
        sim.coordinatorFaults().errorRate(1.0);

        StepVerifier.create(new FleetDashboard(services.coordinator()).snapshot())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ServerErrorException.class)
                        .hasMessageContaining("HTTP 500: simulated internal error"))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void theTableHasAHeadlineCostAndOneRowPerMachineAndSession() {
        List<String> lines = FleetDashboard.render(new FleetDashboard(services.coordinator()).snapshot().block());

        assertThat(lines.get(0)).isEqualTo("Fleet at 2026-05-14T09:00:00Z: 3 workers online · 3 agents working · "
                + "2 queued · 9 slots free · 0 completed today");
        assertThat(lines.get(1)).startsWith("Cost: $").contains(" all time · 8 of 12 sessions priced · ");
        assertThat(lines).filteredOn(line -> line.startsWith("  MACHINE ") || line.startsWith("  SESSION ")).hasSize(2);
        assertThat(lines).filteredOn(line -> line.matches("  (mac-studio|linux-builder).*")).hasSize(3);
        assertThat(lines).filteredOn(line -> line.startsWith("  REN-")).hasSize(12);
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("  REN-128 +completed +research +ollama +20m 00s +-"));
    }

    @Test
    void runPrintsTheDashboardAndPassesItsCheck() {
        boolean passed = FleetDashboard.run(services, out);

        assertThat(passed).isTrue();
        assertThat(out.lines()).first().asString().startsWith("Fleet at ");
    }
}
