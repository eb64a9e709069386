package io.agentfactory.sdk.workarea;

import io.agentfactory.sdk.internal.Copies;

/**
 * WorkareaDiffSummary is the aggregate-counts envelope. In a single-JSON response (entries below
 * the streaming threshold) it sits alongside Entries; in NDJSON streaming it ships as the final
 * line.
 *
 * @param workareaA the {@code workareaA} field
 * @param workareaB the {@code workareaB} field
 * @param added the {@code added} field
 * @param removed the {@code removed} field
 * @param modified the {@code modified} field
 * @param total the {@code total} field
 */
public record WorkareaDiffSummary(
        String workareaA,
        String workareaB,
        int added,
        int removed,
        int modified,
        int total) implements WorkareaDiffEvent {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public WorkareaDiffSummary {
        workareaA = Copies.text(workareaA);
        workareaB = Copies.text(workareaB);
    }

    /** The value with every field absent: what the server means when it omits the object. */
    public static WorkareaDiffSummary empty() {
        return new WorkareaDiffSummary("", "", 0, 0, 0, 0);
    }
}
