package io.agentfactory.sdk.agent;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitNull;

/**
 * TrustProvenanceInfo records the import provenance for a card.
 *
 * @param sourceUrl the canonical upstream source (e.g. a GitHub tree URL). {@code null} when absent
 * @param sourceCommit the git commit sha at import time. {@code null} when absent
 * @param importedBy the operator or system principal that mounted the ARP.
 * @param importedAt the RFC3339 timestamp of import.
 */
public record TrustProvenanceInfo(
        @OmitNull @Nullable String sourceUrl,
        @OmitNull @Nullable String sourceCommit,
        String importedBy,
        String importedAt) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public TrustProvenanceInfo {
        importedBy = Copies.text(importedBy);
        importedAt = Copies.text(importedAt);
    }

    /** The value with every field absent: what the server means when it omits the object. */
    public static TrustProvenanceInfo empty() {
        return new TrustProvenanceInfo(null, null, "", "");
    }
}
