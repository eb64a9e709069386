package io.agentfactory.sdk.queue;

import org.jspecify.annotations.Nullable;

/**
 * A repository's merge queue at a glance, read in one round trip.
 *
 * @param repoId the repository id
 * @param depth how many pull requests wait ({@code ZCARD merge:queue:{repo}})
 * @param next the one served next (lowest score), {@code null} when none waits
 * @param processing the one the merge worker holds ({@code merge:processing:{repo}}), {@code null} when none
 * @param failedCount how many failed
 * @param blockedCount how many are blocked
 * @param paused whether the queue is paused (the flag read as {@code true}, {@code 1} or their JSON strings)
 */
public record MergeQueueStatus(String repoId, long depth, @Nullable MergeEntry next, @Nullable MergeEntry processing,
        long failedCount, long blockedCount, boolean paused) {
}
