package io.agentfactory.sdk.daemon;

import io.agentfactory.sdk.internal.Copies;

/**
 * SetCapacityResponse is the response from POST /api/daemon/capacity.
 *
 * @param ok true when the config key was accepted and written to daemon.yaml.
 * @param key the dotted config key that was set (e.g. "capacity.poolMaxDiskGb").
 * @param value the string representation of the new value.
 * @param message a human-readable description of the outcome.
 */
public record SetCapacityResponse(
        boolean ok,
        String key,
        String value,
        String message) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public SetCapacityResponse {
        key = Copies.text(key);
        value = Copies.text(value);
        message = Copies.text(message);
    }
}
