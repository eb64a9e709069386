package io.agentfactory.sdk.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import reactor.core.publisher.Mono;

import io.agentfactory.sdk.coordinator.CoordinatorClient;
import io.agentfactory.sdk.fleet.CostReportResponse;
import io.agentfactory.sdk.fleet.MachineStats;
import io.agentfactory.sdk.fleet.StatsResponse;
import io.agentfactory.sdk.session.SessionResponse;
import io.agentfactory.sdk.session.SessionStatus;

/**
 * Example 1 — a fleet dashboard: statistics, sessions, machines and cost, fetched in parallel
 * with {@code Mono.zip} (the slowest answer sets the latency, not the sum of the four) and
 * printed as a compact table.
 *
 * <pre>{@code
 * ./mvnw -q -B -Pdemo -DskipTests verify -Ddemo.mainClass=io.agentfactory.sdk.examples.FleetDashboard
 * }</pre>
 */
public final class FleetDashboard {

    /**
     * One consistent-enough picture of the fleet.
     *
     * @param stats fleet-wide statistics
     * @param sessions every session
     * @param machines every worker machine
     * @param cost the fleet-wide cost report
     */
    public record Snapshot(StatsResponse stats, List<SessionResponse> sessions, List<MachineStats> machines,
            CostReportResponse cost) {
    }

    private final CoordinatorClient coordinator;

    /** A dashboard over {@code coordinator}. */
    public FleetDashboard(CoordinatorClient coordinator) {
        this.coordinator = coordinator;
    }

    /**
     * The four reads at once: {@code GET /api/public/stats}, {@code /api/public/sessions},
     * {@code /api/public/machines} and {@code /api/mcp/cost-report}. Fails with the first read's
     * error (the others are cancelled).
     */
    public Mono<Snapshot> snapshot() {
        return Mono.zip(coordinator.getStats(), coordinator.getSessions(),
                        coordinator.getMachineStats().collectList(), coordinator.getCostReport())
                .map(all -> new Snapshot(all.getT1(), all.getT2().sessions(), all.getT3(), all.getT4()));
    }

    /** The snapshot as lines: a headline, cost, then a table of machines and one of sessions. */
    public static List<String> render(Snapshot snapshot) {
        StatsResponse stats = snapshot.stats();
        CostReportResponse cost = snapshot.cost();
        List<String> lines = new ArrayList<>();
        lines.add("Fleet at " + stats.timestamp() + ": " + stats.workersOnline() + " workers online · "
                + stats.agentsWorking() + " agents working · " + stats.queueDepth() + " queued · "
                + stats.availableCapacity() + " slots free · " + stats.completedToday() + " completed today");
        lines.add("Cost: " + TextTable.dollars(stats.totalCostToday()) + " today · "
                + TextTable.dollars(stats.totalCostAllTime()) + " all time · " + cost.sessionsWithCostData() + " of "
                + cost.totalSessions() + " sessions priced · " + TextTable.count(cost.totalInputTokens())
                + " tokens in / " + TextTable.count(cost.totalOutputTokens()) + " out");
        lines.add("");
        TextTable machines = TextTable.of("MACHINE", "REGION", "STATUS", "SESSIONS", "VERSION", "UP");
        for (MachineStats m : snapshot.machines()) {
            machines.row(m.id(), m.region(), m.status(), m.activeSessions() + "/" + m.capacity().maxConcurrentSessions(),
                    m.version(), TextTable.seconds(m.uptimeSeconds()));
        }
        lines.addAll(machines.lines(2));
        lines.add("");
        TextTable sessions = TextTable.of("SESSION", "STATUS", "WORK TYPE", "PROVIDER", "DURATION", "COST");
        for (SessionResponse s : snapshot.sessions()) {
            sessions.row(s.identifier(), s.status(), s.workType(), s.provider() == null ? "-" : s.provider(),
                    TextTable.seconds(s.duration()), s.costUsd() == null ? "-" : TextTable.dollars(s.costUsd()));
        }
        lines.addAll(sessions.lines(2));
        return lines;
    }

    /** The number of sessions the snapshot lists as working. */
    public static long working(Snapshot snapshot) {
        return snapshot.sessions().stream().filter(s -> s.status().equals(SessionStatus.WORKING)).count();
    }

    /**
     * Takes a snapshot and prints it. The check, against the simulator (whose world stands still
     * between ticks): the four answers agree on how many agents are working and how many sessions exist.
     */
    static boolean run(ExampleServices services, Consumer<String> out) {
        Snapshot snapshot = new FleetDashboard(services.coordinator()).snapshot().block();
        render(snapshot).forEach(out);
        return services.simulator().isEmpty() || snapshot.stats().agentsWorking() == working(snapshot)
                && snapshot.cost().totalSessions() == snapshot.sessions().size();
    }

    /** Runs the example alone (see {@link ExampleServices} for the flags). */
    public static void main(String[] args) {
        Example.launch(args, FleetDashboard::run);
    }
}
