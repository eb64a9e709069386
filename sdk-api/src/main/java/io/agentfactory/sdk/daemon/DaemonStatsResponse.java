package io.agentfactory.sdk.daemon;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.fleet.MachineCapacity;
import io.agentfactory.sdk.fleet.MachineStats;
import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;
import io.agentfactory.sdk.internal.OmitNull;
import io.agentfactory.sdk.workarea.WorkareaPoolStats;

/**
 * DaemonStatsResponse is the response from GET /api/daemon/stats.
 *
 * @param capacity the machine capacity envelope.
 * @param activeSessions the count of currently running sessions.
 * @param queueDepth the number of tasks waiting for a session slot.
 * @param pool the workarea pool snapshot (populated with --pool). {@code null} when absent
 * @param byMachine the per-machine breakdown (populated with --by-machine).
 * @param timestamp the RFC3339 time of this snapshot.
 * @param workerId the platform-assigned worker id (or stub fallback). Empty if registration has not yet completed.
 * @param registration carries the human-readable registration status and the timestamp of the most recent successful heartbeat. {@code null} when absent
 * @param allowedProjects the list of repositories in the daemon's allowlist (from daemon.yaml). May be empty when no projects have been configured.
 * @param workarea the workarea cache snapshot under its newer key; {@code null} when absent. The
 *        daemon renamed {@code pool} to {@code workarea} and sends both during the alias cycle:
 *        either key read alone fills both components, so a value decoded from either daemon
 *        generation writes both keys again and an older reader still finds {@code pool}.
 */
public record DaemonStatsResponse(
        MachineCapacity capacity,
        int activeSessions,
        int queueDepth,
        @OmitNull @Nullable WorkareaPoolStats pool,
        @OmitEmpty List<MachineStats> byMachine,
        String timestamp,
        @OmitEmpty String workerId,
        @OmitNull @Nullable DaemonRegistrationStats registration,
        @OmitEmpty List<String> allowedProjects,
        @OmitNull @Nullable WorkareaPoolStats workarea) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public DaemonStatsResponse {
        capacity = capacity == null ? MachineCapacity.empty() : capacity;
        byMachine = Copies.list(byMachine);
        timestamp = Copies.text(timestamp);
        workerId = Copies.text(workerId);
        allowedProjects = Copies.list(allowedProjects);
        // Read either, write both: the newer daemon's key and the older one's carry one snapshot.
        if (workarea == null) {
            workarea = pool;
        }
        else if (pool == null) {
            pool = workarea;
        }
    }

    /** The answer without the newer {@code workarea} key (as an older daemon sends it). */
    public DaemonStatsResponse(MachineCapacity capacity, int activeSessions, int queueDepth,
            @Nullable WorkareaPoolStats pool, List<MachineStats> byMachine, String timestamp, String workerId,
            @Nullable DaemonRegistrationStats registration, List<String> allowedProjects) {
        this(capacity, activeSessions, queueDepth, pool, byMachine, timestamp, workerId, registration,
                allowedProjects, null);
    }

    /**
     * The workarea cache snapshot, whichever key carried it ({@code workarea} first); empty when
     * neither was sent (the stats were not asked {@code withPool}).
     */
    public Optional<WorkareaPoolStats> workareaCache() {
        return Optional.ofNullable(workarea != null ? workarea : pool);
    }
}
