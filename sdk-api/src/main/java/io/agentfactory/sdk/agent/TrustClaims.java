package io.agentfactory.sdk.agent;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitNull;

/**
 * TrustClaims carries the security posture of an AgentCard. Consumed at dispatch time by Cedar
 * policy gates.
 *
 * @param tier the trust classification: system | partner | community | untrusted.
 * @param signature an optional detached signature over the card body. {@code null} when absent
 * @param signingKeyId the mount-asserted key identifier used to verify Signature. {@code null} when absent
 * @param provenance records the import chain for auditing.
 * @param evaluatedQualityScore a Tessl-style 0-1 composite quality metric. {@code null} when absent
 */
public record TrustClaims(
        String tier,
        @OmitNull @Nullable String signature,
        @OmitNull @Nullable String signingKeyId,
        TrustProvenanceInfo provenance,
        @OmitNull @Nullable Double evaluatedQualityScore) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public TrustClaims {
        tier = Copies.text(tier);
        provenance = provenance == null ? TrustProvenanceInfo.empty() : provenance;
    }

    /** The value with every field absent: what the server means when it omits the object. */
    public static TrustClaims empty() {
        return new TrustClaims("", null, null, TrustProvenanceInfo.empty(), null);
    }
}
