package io.agentfactory.sdk.workarea;

/**
 * {@code GET /api/daemon/workareas/<id>} in the session-root V1 projection.
 *
 * @param workarea the workarea
 */
public record WorkareaV1Envelope(
        WorkareaV1 workarea) {

    /** An absent workarea reads as {@link WorkareaV1#empty()}. */
    public WorkareaV1Envelope {
        workarea = workarea == null ? WorkareaV1.empty() : workarea;
    }
}
