package io.agentfactory.sdk.workarea;

import java.util.List;

import io.agentfactory.sdk.internal.Copies;

/**
 * WorkareaPoolStats is the aggregate view of the local workarea pool returned by `donmai daemon
 * stats --pool`. Matches the "WorkareaPoolPanel" TUI primitive in 014-tui-operator-surfaces.md.
 *
 * @param members the full list of pool members across all (repo, toolchain) keys.
 * @param totalMembers the count of all pool members regardless of status.
 * @param readyMembers the count of members in the "ready" state.
 * @param acquiredMembers the count of members currently held by sessions.
 * @param warmingMembers the count of members still being initialised.
 * @param invalidMembers the count of members pending rebuild.
 * @param totalDiskUsageMb the sum of DiskUsageMb across all pool members.
 * @param timestamp the RFC3339 capture time of this snapshot.
 */
public record WorkareaPoolStats(
        List<WorkareaPoolMember> members,
        int totalMembers,
        int readyMembers,
        int acquiredMembers,
        int warmingMembers,
        int invalidMembers,
        long totalDiskUsageMb,
        String timestamp) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public WorkareaPoolStats {
        members = Copies.list(members);
        timestamp = Copies.text(timestamp);
    }
}
