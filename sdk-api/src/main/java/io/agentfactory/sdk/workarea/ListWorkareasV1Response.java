package io.agentfactory.sdk.workarea;

import java.util.List;

import io.agentfactory.sdk.internal.Copies;

/**
 * {@code GET /api/daemon/workareas} in the session-root V1 projection: active pool members and
 * on-disk archives, each with its root, worktree and repository leaves.
 *
 * @param active the active workareas
 * @param archived the archives
 */
public record ListWorkareasV1Response(
        List<WorkareaSummaryV1> active,
        List<WorkareaSummaryV1> archived) {

    /** Normalizes absent lists to empty unmodifiable copies. */
    public ListWorkareasV1Response {
        active = Copies.list(active);
        archived = Copies.list(archived);
    }

    /** This list in the original shape. */
    public ListWorkareasResponse legacy() {
        return new ListWorkareasResponse(active.stream().map(WorkareaSummaryV1::legacy).toList(),
                archived.stream().map(WorkareaSummaryV1::legacy).toList());
    }
}
