package io.agentfactory.sdk.error;

import io.agentfactory.sdk.workarea.WorkareaDiffSummary;

/**
 * The diff's summary counts disagree with the entries actually streamed.
 */
public class DiffSummaryMismatchException extends DiffStreamException {

    private static final long serialVersionUID = 1L;

    private final transient WorkareaDiffSummary summary;
    private final long added;
    private final long removed;
    private final long modified;
    private final long total;

    /**
     * @param method the HTTP method
     * @param path the request path
     * @param summary the summary the daemon sent
     * @param added the added entries streamed
     * @param removed the removed entries streamed
     * @param modified the modified entries streamed
     * @param total all entries streamed, whatever their status (unknown statuses count here only)
     */
    public DiffSummaryMismatchException(String method, String path, WorkareaDiffSummary summary, long added,
            long removed, long modified, long total) {
        super(method, path, "diff summary says added=" + summary.added() + " removed=" + summary.removed()
                + " modified=" + summary.modified() + " total=" + summary.total() + " but the stream carried added="
                + added + " removed=" + removed + " modified=" + modified + " total=" + total,
                null);
        this.summary = summary;
        this.added = added;
        this.removed = removed;
        this.modified = modified;
        this.total = total;
    }

    /** The summary the daemon sent. */
    public WorkareaDiffSummary summary() {
        return summary;
    }

    /** Added entries actually streamed. */
    public long streamedAdded() {
        return added;
    }

    /** Removed entries actually streamed. */
    public long streamedRemoved() {
        return removed;
    }

    /** All entries actually streamed, whatever their status. */
    public long streamedTotal() {
        return total;
    }

    /** Modified entries actually streamed. */
    public long streamedModified() {
        return modified;
    }
}
