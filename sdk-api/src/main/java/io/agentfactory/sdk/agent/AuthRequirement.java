package io.agentfactory.sdk.agent;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitNull;

/**
 * AuthRequirement declares a single auth obligation that crosses all runtime paths. Multiple
 * entries are AND-combined (all must be satisfied).
 *
 * @param kind one of: api-key | oauth | service-account | host-session | none.
 * @param envVar the environment variable name for api-key auth (e.g. "ELEVENLABS_API_KEY"). {@code null} when absent
 * @param oauthProvider names the OAuth provider for oauth auth (e.g. "linear", "notion", "github"). {@code null} when absent
 * @param vaultRef resolved at dispatch time from the credential store. {@code null} when absent
 */
public record AuthRequirement(
        String kind,
        @OmitNull @Nullable String envVar,
        @OmitNull @Nullable String oauthProvider,
        @OmitNull @Nullable String vaultRef) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public AuthRequirement {
        kind = Copies.text(kind);
    }
}
