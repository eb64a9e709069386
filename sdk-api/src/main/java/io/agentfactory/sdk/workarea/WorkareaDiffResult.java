package io.agentfactory.sdk.workarea;

import java.util.List;

import io.agentfactory.sdk.internal.Copies;

/**
 * WorkareaDiffResult is the diff payload itself.
 *
 * @param summary the {@code summary} field
 * @param entries the {@code entries} field
 */
public record WorkareaDiffResult(
        WorkareaDiffSummary summary,
        List<WorkareaDiffEntry> entries) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public WorkareaDiffResult {
        summary = summary == null ? WorkareaDiffSummary.empty() : summary;
        entries = Copies.list(entries);
    }

    /** The value with every field absent: what the server means when it omits the object. */
    public static WorkareaDiffResult empty() {
        return new WorkareaDiffResult(WorkareaDiffSummary.empty(), List.of());
    }
}
