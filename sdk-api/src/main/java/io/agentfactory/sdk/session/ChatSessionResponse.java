package io.agentfactory.sdk.session;

import io.agentfactory.sdk.internal.Copies;

/**
 * ChatSessionResponse matches POST /api/public/sessions/:id/prompt.
 *
 * @param delivered the {@code delivered} field
 * @param promptId the {@code promptId} field
 * @param sessionId the {@code sessionId} field
 * @param sessionStatus the {@code sessionStatus} field
 */
public record ChatSessionResponse(
        boolean delivered,
        String promptId,
        String sessionId,
        SessionStatus sessionStatus) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public ChatSessionResponse {
        promptId = Copies.text(promptId);
        sessionId = Copies.text(sessionId);
        sessionStatus = sessionStatus == null ? SessionStatus.of("") : sessionStatus;
    }
}
