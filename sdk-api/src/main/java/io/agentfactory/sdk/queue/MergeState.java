package io.agentfactory.sdk.queue;

/** Where a pull request sits in its repository's merge queue. */
public enum MergeState {
    /** In {@code merge:queue:{repo}}, waiting. */
    QUEUED,
    /** Taken by the merge worker ({@code merge:processing:{repo}}, the writers' layout). */
    PROCESSING,
    /** In {@code merge:failed:{repo}}. */
    FAILED,
    /** In {@code merge:blocked:{repo}}. */
    BLOCKED
}
