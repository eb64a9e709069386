package io.agentfactory.sdk.session;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * The durable identity a successful {@code POST /api/public/sessions/<id>/stop} returns. Its
 * {@link #kind()} tells a stop of a runtime session ({@link StopReceiptKind#SESSION_STOP}: the
 * mutation fields are set) from the reconciliation of a dispatch that ended before any runtime
 * session existed ({@link StopReceiptKind#PRE_SESSION_DISPATCH_RECONCILIATION}: the
 * reconciliation fields are set). {@link #sessionId()} is the storage identity; the response's own
 * {@code sessionId} stays the public id the caller sent.
 *
 * <p>The client decodes a receipt only when it passes the whole schema (version 1, a known kind,
 * exactly that kind's fields, bounded atoms, a terminal disposition, a SHA-256 digest, an RFC 3339
 * time, nothing that looks like a credential); otherwise the answer fails with a
 * {@link io.agentfactory.sdk.error.ResponseDecodeException} that does not repeat the receipt.
 *
 * @param version the schema version (1)
 * @param kind the receipt family
 * @param sessionId the storage identity of the stopped session
 * @param mutationId the stop mutation's id ({@code session_stop} only)
 * @param intentRevision the revision of the stop intent ({@code session_stop} only)
 * @param disposition the terminal status the stop produced ({@code session_stop} only)
 * @param idempotentReplay whether this answer replays an earlier identical stop
 * @param orgId the organization ({@code pre_session_dispatch_reconciliation} only)
 * @param projectId the project (reconciliation only)
 * @param workflowInstanceId the dispatch's workflow instance (reconciliation only)
 * @param previousStatus the pre-session status before reconciliation: pending, queued or parked (reconciliation only)
 * @param terminalDisposition stopped or failed (reconciliation only)
 * @param reason a single-line human reason (reconciliation only)
 * @param actorId who asked for the stop (reconciliation only)
 * @param intentDigest the lower-case hex SHA-256 of the stop intent (reconciliation only)
 * @param recordedAt when the reconciliation was recorded, RFC 3339 (reconciliation only)
 */
public record StopSessionReceipt(
        int version,
        StopReceiptKind kind,
        String sessionId,
        @OmitEmpty String mutationId,
        @OmitEmpty String intentRevision,
        @OmitEmpty SessionStatus disposition,
        boolean idempotentReplay,
        @OmitEmpty String orgId,
        @OmitEmpty String projectId,
        @OmitEmpty String workflowInstanceId,
        @OmitEmpty SessionStatus previousStatus,
        @OmitEmpty SessionStatus terminalDisposition,
        @OmitEmpty String reason,
        @OmitEmpty String actorId,
        @OmitEmpty String intentDigest,
        @OmitEmpty String recordedAt) {

    /** Normalizes absent values to {@code ""}. */
    public StopSessionReceipt {
        kind = kind == null ? StopReceiptKind.of("") : kind;
        sessionId = Copies.text(sessionId);
        mutationId = Copies.text(mutationId);
        intentRevision = Copies.text(intentRevision);
        disposition = disposition == null ? SessionStatus.of("") : disposition;
        orgId = Copies.text(orgId);
        projectId = Copies.text(projectId);
        workflowInstanceId = Copies.text(workflowInstanceId);
        previousStatus = previousStatus == null ? SessionStatus.of("") : previousStatus;
        terminalDisposition = terminalDisposition == null ? SessionStatus.of("") : terminalDisposition;
        reason = Copies.text(reason);
        actorId = Copies.text(actorId);
        intentDigest = Copies.text(intentDigest);
        recordedAt = Copies.text(recordedAt);
    }

    /** A {@code session_stop} receipt (version 1). */
    public static StopSessionReceipt sessionStop(String sessionId, String mutationId, String intentRevision,
            SessionStatus disposition, boolean idempotentReplay) {
        return new StopSessionReceipt(1, StopReceiptKind.SESSION_STOP, sessionId, mutationId, intentRevision,
                disposition, idempotentReplay, "", "", "", null, null, "", "", "", "");
    }

    /** A {@code pre_session_dispatch_reconciliation} receipt (version 1). */
    public static StopSessionReceipt preSessionReconciliation(String orgId, String projectId, String sessionId,
            String workflowInstanceId, SessionStatus previousStatus, SessionStatus terminalDisposition, String reason,
            String actorId, String intentDigest, String recordedAt, boolean idempotentReplay) {
        return new StopSessionReceipt(1, StopReceiptKind.PRE_SESSION_DISPATCH_RECONCILIATION, sessionId, "", "",
                null, idempotentReplay, orgId, projectId, workflowInstanceId, previousStatus, terminalDisposition,
                reason, actorId, intentDigest, recordedAt);
    }
}
