package io.agentfactory.sdk.workarea;

import java.util.List;

import io.agentfactory.sdk.internal.Copies;

/**
 * ListWorkareasResponse matches GET /api/daemon/workareas. Per ADR D4a, the daemon returns active
 * pool members and on-disk archives in two arrays.
 *
 * @param active the {@code active} field
 * @param archived the {@code archived} field
 */
public record ListWorkareasResponse(
        List<WorkareaSummary> active,
        List<WorkareaSummary> archived) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public ListWorkareasResponse {
        active = Copies.list(active);
        archived = Copies.list(archived);
    }
}
