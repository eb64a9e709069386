package io.agentfactory.sdk.session;

import java.util.List;

import io.agentfactory.sdk.internal.Copies;

/**
 * SessionsListResponse matches GET /api/public/sessions.
 *
 * @param sessions the {@code sessions} field
 * @param count the {@code count} field
 * @param timestamp the {@code timestamp} field
 */
public record SessionsListResponse(
        List<SessionResponse> sessions,
        int count,
        String timestamp) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public SessionsListResponse {
        sessions = Copies.list(sessions);
        timestamp = Copies.text(timestamp);
    }
}
