package io.agentfactory.sdk.reactor.internal.diff;

import io.agentfactory.sdk.workarea.WorkareaDiffEntry;
import io.agentfactory.sdk.workarea.WorkareaDiffStatus;
import io.agentfactory.sdk.workarea.WorkareaDiffSummary;

/**
 * Counts the entries of a diff per status, to check them against the summary. An entry whose
 * status the SDK does not know counts toward the total only, so a newer daemon's statuses never
 * break the check.
 */
final class DiffTally {

    private long added;
    private long removed;
    private long modified;
    private long total;

    /** Counts one entry. */
    void count(WorkareaDiffEntry entry) {
        total++;
        WorkareaDiffStatus status = entry.status();
        if (WorkareaDiffStatus.ADDED.equals(status)) {
            added++;
        } else if (WorkareaDiffStatus.REMOVED.equals(status)) {
            removed++;
        } else if (WorkareaDiffStatus.MODIFIED.equals(status)) {
            modified++;
        }
    }

    /** Whether every count of {@code summary} equals the entries counted. */
    boolean agreesWith(WorkareaDiffSummary summary) {
        return summary.added() == added && summary.removed() == removed && summary.modified() == modified
                && summary.total() == total;
    }

    long added() {
        return added;
    }

    long removed() {
        return removed;
    }

    long modified() {
        return modified;
    }

    /** All entries counted, whatever their status. */
    long total() {
        return total;
    }
}
