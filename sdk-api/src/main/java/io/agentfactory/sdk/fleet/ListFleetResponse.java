package io.agentfactory.sdk.fleet;

import java.util.List;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.session.SessionResponse;

/**
 * ListFleetResponse matches the list-fleet response.
 *
 * @param total the {@code total} field
 * @param returned the {@code returned} field
 * @param sessions the {@code sessions} field
 */
public record ListFleetResponse(
        int total,
        int returned,
        List<SessionResponse> sessions) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public ListFleetResponse {
        sessions = Copies.list(sessions);
    }
}
