package io.agentfactory.sdk.session;

import io.agentfactory.sdk.internal.Copies;

/**
 * ReconnectSessionResponse matches POST /api/public/sessions/:id/reconnect.
 *
 * @param reconnected the {@code reconnected} field
 * @param sessionId the {@code sessionId} field
 * @param sessionStatus the {@code sessionStatus} field
 * @param missedEvents the {@code missedEvents} field
 */
public record ReconnectSessionResponse(
        boolean reconnected,
        String sessionId,
        SessionStatus sessionStatus,
        int missedEvents) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public ReconnectSessionResponse {
        sessionId = Copies.text(sessionId);
        sessionStatus = sessionStatus == null ? SessionStatus.of("") : sessionStatus;
    }
}
