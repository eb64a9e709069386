package io.agentfactory.sdk.daemon;

import io.agentfactory.sdk.internal.Copies;

/**
 * The only 2xx answer of {@code POST /api/daemon/restart/prepare} a planned restart may proceed
 * on: the daemon is draining and has durably prepared its one restart snapshot. The client accepts
 * it only when it is exactly this closed shape: protocol {@value #PROTOCOL}, a non-blank
 * {@code preparationId}, and {@code prepared} with {@code scopeCount > 0} or {@code not_required}
 * with {@code scopeCount == 0}.
 *
 * @param protocol the wire protocol, {@value #PROTOCOL}
 * @param state the permission granted
 * @param preparationId the daemon's opaque id of this preparation
 * @param scopeCount how many authority scopes acknowledged the snapshot
 */
public record DaemonRestartPreflightResponse(
        String protocol,
        DaemonRestartPreflightState state,
        String preparationId,
        int scopeCount) {

    /** The restart preflight wire protocol this client speaks. */
    public static final String PROTOCOL = "session-shim-restart-preflight-v1";

    /** Normalizes absent values to {@code ""}. */
    public DaemonRestartPreflightResponse {
        protocol = Copies.text(protocol);
        state = state == null ? DaemonRestartPreflightState.of("") : state;
        preparationId = Copies.text(preparationId);
    }
}
