package io.agentfactory.sdk.daemon;

import io.agentfactory.sdk.internal.Copies;

/**
 * DaemonActionResponse is the response from action endpoints (pause, resume, drain, stop, update).
 *
 * @param ok true when the action was accepted.
 * @param message a human-readable description of the outcome.
 */
public record DaemonActionResponse(
        boolean ok,
        String message) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public DaemonActionResponse {
        message = Copies.text(message);
    }
}
