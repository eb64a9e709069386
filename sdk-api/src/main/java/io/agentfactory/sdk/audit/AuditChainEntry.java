package io.agentfactory.sdk.audit;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;
import io.agentfactory.sdk.internal.OmitNull;

/**
 * AuditChainEntry is a single entry in a session's Layer 6 audit chain. Matches the "AuditEntry"
 * TUI primitive in 014 and the Merkle-log row shape referenced in the 009 reframe.
 *
 * @param sequence the monotonic index of this entry within the session's chain.
 * @param eventKind the Layer 6 event type (e.g. "session-accepted", "workarea-acquired").
 * @param sessionId the session this event belongs to.
 * @param actorId the principal that caused the event (agent ID, daemon ID, user ID, etc.).
 * @param payload the event-specific data encoded as a JSON object.
 * @param previousHash the Merkle hash of the preceding chain entry, enabling integrity verification.
 * @param entryHash the Merkle hash of this entry (covering Sequence + EventKind + Payload + PreviousHash).
 * @param attestation the optional cryptographic proof attached to this entry. {@code null} when absent
 * @param occurredAt the RFC3339 timestamp of the event.
 */
public record AuditChainEntry(
        long sequence,
        String eventKind,
        String sessionId,
        String actorId,
        @OmitEmpty Map<String, Object> payload,
        String previousHash,
        String entryHash,
        @OmitNull @Nullable Attestation attestation,
        String occurredAt) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public AuditChainEntry {
        eventKind = Copies.text(eventKind);
        sessionId = Copies.text(sessionId);
        actorId = Copies.text(actorId);
        payload = Copies.jsonObject(payload);
        previousHash = Copies.text(previousHash);
        entryHash = Copies.text(entryHash);
        occurredAt = Copies.text(occurredAt);
    }
}
