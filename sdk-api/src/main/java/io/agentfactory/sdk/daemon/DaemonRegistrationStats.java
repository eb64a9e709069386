package io.agentfactory.sdk.daemon;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * DaemonRegistrationStats summarises the daemon's connection to the platform for `daemon stats`
 * consumers.
 *
 * @param status the registration status reported in the most recent heartbeat: idle / busy / draining / stub / unregistered.
 * @param lastHeartbeatAt the RFC3339 timestamp of the last heartbeat payload composed by the daemon. Empty when no heartbeat has run.
 * @param heartbeatRunning reports whether the heartbeat goroutine is active.
 * @param pollRunning reports whether the poll goroutine is active.
 */
public record DaemonRegistrationStats(
        @OmitEmpty String status,
        @OmitEmpty String lastHeartbeatAt,
        @OmitEmpty boolean heartbeatRunning,
        @OmitEmpty boolean pollRunning) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public DaemonRegistrationStats {
        status = Copies.text(status);
        lastHeartbeatAt = Copies.text(lastHeartbeatAt);
    }
}
