package io.agentfactory.sdk.daemon;

import io.agentfactory.sdk.internal.Copies;

/**
 * DaemonStatusResponse is the response from GET /api/daemon/status.
 *
 * @param status the lifecycle state of the daemon.
 * @param version the rensei-daemon binary version.
 * @param machineId the configured machine identifier.
 * @param pid the daemon process ID.
 * @param uptimeSeconds how long the daemon has been running.
 * @param activeSessions the count of sessions currently running.
 * @param maxSessions the declared capacity ceiling.
 * @param projectsAllowed the number of projects in the allowlist.
 * @param timestamp the RFC3339 time of this snapshot.
 */
public record DaemonStatusResponse(
        DaemonStatus status,
        String version,
        String machineId,
        int pid,
        long uptimeSeconds,
        int activeSessions,
        int maxSessions,
        int projectsAllowed,
        String timestamp) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public DaemonStatusResponse {
        status = status == null ? DaemonStatus.of("") : status;
        version = Copies.text(version);
        machineId = Copies.text(machineId);
        timestamp = Copies.text(timestamp);
    }
}
