package io.agentfactory.sdk.workarea;

/**
 * WorkareaRestoreResult is the response from POST /api/daemon/workareas/&lt;archiveID&gt;/restore.
 * The new id is distinct from the archive id (archives are immutable per ADR D4a).
 *
 * @param workarea the {@code workarea} field
 */
public record WorkareaRestoreResult(
        Workarea workarea) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public WorkareaRestoreResult {
        workarea = workarea == null ? Workarea.empty() : workarea;
    }
}
