package io.agentfactory.sdk.session;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;
import io.agentfactory.sdk.internal.OmitNull;

/**
 * StopSessionResponse matches POST /api/public/sessions/:id/stop.
 *
 * <p>A cooperative stop delivered to a live session is answered with 202 and {@code delivered}
 * / {@code pending}: accepted, but no terminal evidence yet, so {@code stopped} stays false. A
 * terminal answer (200) may carry a {@link StopSessionReceipt}; answers of older coordinators
 * carry none and still decode.
 *
 * @param stopped the {@code stopped} field: true only with terminal evidence
 * @param sessionId the {@code sessionId} field: the public id the caller sent
 * @param previousStatus the {@code previousStatus} field
 * @param newStatus the {@code newStatus} field
 * @param delivered whether a cooperative stop reached the live session
 * @param pending why the stop is still outstanding (for example {@value #PENDING_TERMINAL_EVIDENCE}); {@code ""} when terminal
 * @param receipt the durable stop receipt, {@code null} when the coordinator sent none
 */
public record StopSessionResponse(
        boolean stopped,
        String sessionId,
        SessionStatus previousStatus,
        SessionStatus newStatus,
        @OmitEmpty boolean delivered,
        @OmitEmpty String pending,
        @OmitNull @Nullable StopSessionReceipt receipt) {

    /** The pending reason of a stop delivered to a live session whose terminal proof is outstanding. */
    public static final String PENDING_TERMINAL_EVIDENCE = "terminal_evidence";

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public StopSessionResponse {
        sessionId = Copies.text(sessionId);
        previousStatus = previousStatus == null ? SessionStatus.of("") : previousStatus;
        newStatus = newStatus == null ? SessionStatus.of("") : newStatus;
        pending = Copies.text(pending);
    }

    /** The answer of a coordinator that predates delivery and receipts. */
    public StopSessionResponse(boolean stopped, String sessionId, SessionStatus previousStatus,
            SessionStatus newStatus) {
        this(stopped, sessionId, previousStatus, newStatus, false, "", null);
    }

    /** Whether the stop was delivered but terminal evidence is still outstanding (the 202 answer). */
    public boolean pendingDelivery() {
        return !pending.isEmpty() || delivered && !stopped;
    }
}
