package io.agentfactory.sdk.session;

import io.agentfactory.sdk.internal.Copies;

/**
 * SessionDetailResponse matches GET /api/public/sessions/:id.
 *
 * @param session the {@code session} field
 * @param timestamp the {@code timestamp} field
 */
public record SessionDetailResponse(
        SessionDetail session,
        String timestamp) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public SessionDetailResponse {
        session = session == null ? SessionDetail.empty() : session;
        timestamp = Copies.text(timestamp);
    }
}
