package io.agentfactory.sdk.error;

import io.agentfactory.sdk.kit.KitTrustState;

/**
 * 403 from {@code POST /api/daemon/kits/<id>/install}: the kit's trust state does not pass the
 * daemon's trust gate. Retry with {@code trustOverride = "allowed-this-once"} to install it once
 * anyway.
 */
public class KitTrustGateException extends ForbiddenException {

    private static final long serialVersionUID = 1L;

    /** @param error what the server answered: body {@code {"error":…, "kitId":…, "trust":…}} */
    public KitTrustGateException(HttpError error) {
        super(error);
    }

    /** The refused kit's id, from the error body ({@code ""} when absent). */
    public String kitId() {
        return detail("kitId").orElse("");
    }

    /** The refused kit's trust state, from the error body. */
    public KitTrustState trust() {
        return KitTrustState.of(detail("trust").orElse(""));
    }
}
