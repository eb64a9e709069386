package io.agentfactory.sdk.examples.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import io.agentfactory.sdk.daemon.DaemonStatus;
import io.agentfactory.sdk.fleet.MachineStats;

/**
 * The state of both simulated services, built from one seed, behind one lock: every route
 * handler and every tick runs its (short, never blocking) state access inside
 * {@link #locked(Supplier)}, so concurrent requests see consistent snapshots and a given sequence
 * of requests and ticks always gives the same answers.
 */
final class Simulation {

    final long seed;
    final SimClock clock;
    final Duration tickStep;
    final Fleet fleet;
    final WorkareaPool pool;
    final SessionBook sessions;
    final AgentCards agents;
    final DaemonLifecycle daemon;
    final KitRegistry kits;
    final ProviderRegistry providers;
    final ArchiveStore archives;
    final RoutingBook routing;
    private final SplittableRandom progress;

    Simulation(long seed, Instant epoch, Duration tickStep, int activityPageSize) {
        this.seed = seed;
        this.clock = new SimClock(epoch);
        this.tickStep = tickStep;
        SplittableRandom world = new SplittableRandom(seed);
        this.progress = world.split();
        this.fleet = new Fleet(world, epoch);
        this.pool = new WorkareaPool(fleet, world, epoch);
        this.sessions = new SessionBook(fleet, pool, clock, world.split(), activityPageSize);
        this.agents = new AgentCards(fleet, world, epoch);
        this.daemon = new DaemonLifecycle(world, epoch);
        this.kits = new KitRegistry(epoch);
        this.providers = new ProviderRegistry(epoch);
        this.archives = new ArchiveStore(sessions, fleet, world.split(), seed);
        this.routing = new RoutingBook(seed);
    }

    synchronized <T> T locked(Supplier<T> access) {
        return access.get();
    }

    /**
     * Advances time by {@code ticks} steps, letting sessions and pools progress at each. The lock
     * is taken step by step, so requests are served between steps of a long run.
     */
    void tick(int ticks) {
        for (int i = 0; i < ticks; i++) {
            step();
        }
    }

    private synchronized void step() {
        clock.advance(tickStep);
        sessions.tick();
        pool.tick(progress);
    }

    Instant now() {
        return clock.instant();
    }

    /** Every machine's snapshot; the daemon's own machine reports the daemon's status and capacity. */
    List<MachineStats> machineStats() {
        Instant now = now();
        return fleet.machines.stream().map(m -> {
            boolean local = m.id().equals(Fleet.DAEMON_MACHINE);
            DaemonStatus status = local ? daemon.status : m.draining() ? DaemonStatus.DRAINING : DaemonStatus.READY;
            return new MachineStats(m.id(), m.region(), status, m.version(), sessions.workingOn(m.id()),
                    local ? daemon.capacity() : m.capacity(), Duration.between(m.bootedAt(), now).getSeconds(),
                    now.minusSeconds(3).toString());
        }).toList();
    }
}
