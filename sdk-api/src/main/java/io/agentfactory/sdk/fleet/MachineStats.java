package io.agentfactory.sdk.fleet;

import io.agentfactory.sdk.daemon.DaemonStatus;
import io.agentfactory.sdk.internal.Copies;

/**
 * MachineStats is the per-machine snapshot surfaced by the orchestrator for multi-machine fleet
 * views (014-tui-operator-surfaces §Worker+Fleet section). Extended into StatsResponse.Machines to
 * enable the "MachinePivot" TUI primitive.
 *
 * @param id the daemon-configured machine identifier (e.g. "mac-studio-marks-office").
 * @param region the locality hint declared in daemon.yaml (e.g. "home-network").
 * @param status the current daemon lifecycle state.
 * @param version the rensei-daemon binary version string.
 * @param activeSessions the count of sessions currently running on this machine.
 * @param capacity holds the declared resource envelope for this daemon.
 * @param uptimeSeconds how long the daemon process has been running.
 * @param lastSeenAt an RFC3339 timestamp of the most recent heartbeat.
 */
public record MachineStats(
        String id,
        String region,
        DaemonStatus status,
        String version,
        int activeSessions,
        MachineCapacity capacity,
        long uptimeSeconds,
        String lastSeenAt) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public MachineStats {
        id = Copies.text(id);
        region = Copies.text(region);
        status = status == null ? DaemonStatus.of("") : status;
        version = Copies.text(version);
        capacity = capacity == null ? MachineCapacity.empty() : capacity;
        lastSeenAt = Copies.text(lastSeenAt);
    }
}
