package io.agentfactory.sdk.daemon;

import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * DaemonDrainRequest is the optional body for POST /api/daemon/drain.
 *
 * @param timeoutSeconds the max time to wait for in-flight work to drain. 0 means use the daemon's configured default.
 */
public record DaemonDrainRequest(
        @OmitEmpty int timeoutSeconds) {
}
