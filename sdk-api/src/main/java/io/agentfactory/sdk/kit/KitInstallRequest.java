package io.agentfactory.sdk.kit;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;
import io.agentfactory.sdk.internal.OmitNull;

/**
 * KitInstallRequest is the request body for POST /api/daemon/kits/&lt;id&gt;/install.
 *
 * @param version the {@code version} field
 * @param source the {@code source} field. {@code null} when absent
 * @param trustOverride bypasses the configured trust gate for this single install. The only accepted value is "allowed-this-once" (per 002-provider-base-contract.md § "Signing and trust"). When set the daemon emits a structured slog audit log with the kitId, signerId, actor, and timestamp. The override is single-shot: not persisted; subsequent re-installs re-evaluate the gate. Empty string = no override.
 */
public record KitInstallRequest(
        @OmitEmpty String version,
        @OmitNull @Nullable KitInstallSource source,
        @OmitEmpty String trustOverride) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public KitInstallRequest {
        version = Copies.text(version);
        trustOverride = Copies.text(trustOverride);
    }

    /** The only accepted {@code trustOverride}: install once despite the trust gate; not persisted. */
    public static final String TRUST_OVERRIDE_ALLOWED_THIS_ONCE = "allowed-this-once";

    /** A request with nothing set: the daemon's defaults (posts {@code {}}). */
    public static KitInstallRequest defaults() {
        return new KitInstallRequest("", null, "");
    }

    /** A copy that installs once despite the trust gate ({@value #TRUST_OVERRIDE_ALLOWED_THIS_ONCE}). */
    public KitInstallRequest allowedThisOnce() {
        return new KitInstallRequest(version, source, TRUST_OVERRIDE_ALLOWED_THIS_ONCE);
    }
}
