package io.agentfactory.sdk.kit;

import java.util.List;

import io.agentfactory.sdk.internal.Copies;

/**
 * ListKitsResponse matches GET /api/daemon/kits.
 *
 * @param kits the {@code kits} field
 */
public record ListKitsResponse(
        List<Kit> kits) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public ListKitsResponse {
        kits = Copies.list(kits);
    }
}
