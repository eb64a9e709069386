package io.agentfactory.sdk.session;

import io.agentfactory.sdk.internal.Copies;

/**
 * StopSessionResponse matches POST /api/public/sessions/:id/stop.
 *
 * @param stopped the {@code stopped} field
 * @param sessionId the {@code sessionId} field
 * @param previousStatus the {@code previousStatus} field
 * @param newStatus the {@code newStatus} field
 */
public record StopSessionResponse(
        boolean stopped,
        String sessionId,
        SessionStatus previousStatus,
        SessionStatus newStatus) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public StopSessionResponse {
        sessionId = Copies.text(sessionId);
        previousStatus = previousStatus == null ? SessionStatus.of("") : previousStatus;
        newStatus = newStatus == null ? SessionStatus.of("") : newStatus;
    }
}
