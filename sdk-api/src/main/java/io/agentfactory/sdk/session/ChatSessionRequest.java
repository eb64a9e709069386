package io.agentfactory.sdk.session;

import io.agentfactory.sdk.internal.Copies;

/**
 * ChatSessionRequest is the body of POST /api/public/sessions/:id/prompt.
 *
 * @param prompt the {@code prompt} field
 */
public record ChatSessionRequest(
        String prompt) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public ChatSessionRequest {
        prompt = Copies.text(prompt);
    }
}
