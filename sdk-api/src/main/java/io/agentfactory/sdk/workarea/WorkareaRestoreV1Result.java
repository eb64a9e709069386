package io.agentfactory.sdk.workarea;

/**
 * {@code POST /api/daemon/workareas/<archiveId>/restore} in the session-root V1 projection: the
 * new active workarea (its id differs from the archive's; archives are immutable).
 *
 * @param workarea the restored workarea
 */
public record WorkareaRestoreV1Result(
        WorkareaV1 workarea) {

    /** An absent workarea reads as {@link WorkareaV1#empty()}. */
    public WorkareaRestoreV1Result {
        workarea = workarea == null ? WorkareaV1.empty() : workarea;
    }
}
