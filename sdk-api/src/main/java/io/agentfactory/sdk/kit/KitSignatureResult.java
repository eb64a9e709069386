package io.agentfactory.sdk.kit;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * KitSignatureResult is returned by GET /api/daemon/kits/&lt;id&gt;/verify-signature.
 *
 * @param kitId the {@code kitId} field
 * @param trust the {@code trust} field
 * @param signerId the {@code signerId} field
 * @param signedAt the {@code signedAt} field
 * @param ok the {@code ok} field
 * @param details the {@code details} field
 */
public record KitSignatureResult(
        String kitId,
        KitTrustState trust,
        @OmitEmpty String signerId,
        @OmitEmpty String signedAt,
        boolean ok,
        @OmitEmpty String details) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public KitSignatureResult {
        kitId = Copies.text(kitId);
        trust = trust == null ? KitTrustState.of("") : trust;
        signerId = Copies.text(signerId);
        signedAt = Copies.text(signedAt);
        details = Copies.text(details);
    }
}
