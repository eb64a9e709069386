package io.agentfactory.sdk.audit;

import io.agentfactory.sdk.internal.Copies;

/**
 * Attestation is a signed proof-of-provenance attached to an audit chain entry. Format:
 * `&lt;algorithm&gt;:&lt;base64-signature&gt;` with a truncated fingerprint for display. Chosen
 * form cites the `format.AttestationFingerprint` helper in 014 ("ed25519:abc1234…d4f2").
 *
 * @param keyAlgorithm the signing algorithm.
 * @param keyFingerprint the truncated public key fingerprint for display (e.g. "abc1234…d4f2").
 * @param signature the base64-encoded signature over the audit entry payload.
 * @param signedAt the RFC3339 timestamp of signing.
 * @param verified true when the host has verified the signature at observation time.
 */
public record Attestation(
        AttestationKeyAlgorithm keyAlgorithm,
        String keyFingerprint,
        String signature,
        String signedAt,
        boolean verified) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public Attestation {
        keyAlgorithm = keyAlgorithm == null ? AttestationKeyAlgorithm.of("") : keyAlgorithm;
        keyFingerprint = Copies.text(keyFingerprint);
        signature = Copies.text(signature);
        signedAt = Copies.text(signedAt);
    }
}
