package io.agentfactory.sdk.workarea;

/**
 * WorkareaEnvelope wraps a single Workarea returned by GET /api/daemon/workareas/&lt;id&gt;.
 *
 * @param workarea the {@code workarea} field
 */
public record WorkareaEnvelope(
        Workarea workarea) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public WorkareaEnvelope {
        workarea = workarea == null ? Workarea.empty() : workarea;
    }
}
