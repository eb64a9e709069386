package io.agentfactory.sdk.workarea;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * WorkareaRestoreRequest is the body for POST /api/daemon/workareas/&lt;archiveID&gt;/restore. Per
 * ADR D4a, restore materialises the named archive into a fresh active pool member.
 *
 * @param reason an optional human-readable justification recorded in the daemon's audit log alongside the restore.
 * @param intoSessionId intoSessionId optionally pins the restored workarea to a specific session id. If the id is already in use the daemon returns 409.
 */
public record WorkareaRestoreRequest(
        @OmitEmpty String reason,
        @OmitEmpty String intoSessionId) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public WorkareaRestoreRequest {
        reason = Copies.text(reason);
        intoSessionId = Copies.text(intoSessionId);
    }

    /** A restore with no reason and no session pin (posts {@code {}}). */
    public static WorkareaRestoreRequest defaults() {
        return new WorkareaRestoreRequest("", "");
    }
}
