package io.agentfactory.sdk.fleet;

import java.util.List;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * ListFleetRequest matches GET /api/mcp/list-fleet.
 *
 * @param status the {@code status} field
 * @param limit the {@code limit} field
 */
public record ListFleetRequest(
        @OmitEmpty List<String> status,
        @OmitEmpty int limit) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public ListFleetRequest {
        status = Copies.list(status);
    }
}
