package io.agentfactory.sdk.queue;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The operator's client for the Redis state AgentFactory workers share: the work queue, sessions,
 * workers and per-repository merge queues, and the levers to drop, requeue, retry, pause and clear.
 * Keys and types follow a {@link KeyLayout}.
 *
 * <p>Every call is lazy and non-blocking. Listings use {@code SCAN} (never {@code KEYS}) and batched
 * reads ({@code MGET}, {@code HMGET}, pipelined pages), stream with backpressure and hold a bounded
 * number of rows; an unreadable row is listed with its {@link ValueProblem}, a row that vanished
 * meanwhile is not listed. Every edit of more than one key is one Lua script, guarded by a raw-bytes
 * compare-and-set where a worker may write concurrently. Errors are
 * {@link io.agentfactory.sdk.error.AgentFactoryException}s: {@code RedisConnectionException},
 * {@code RedisTimeoutException}, {@code RedisAuthenticationException}, {@code RedisCommandException},
 * {@code QueueDataException} (wrong type or unreadable value where one is required),
 * {@code QueueItemNotFoundException}, {@code AmbiguousSelectorException},
 * {@code QueueStateConflictException}, {@code InvalidArgumentException}.
 */
public interface QueueAdmin extends AutoCloseable {

    /** {@code PING}: completes when Redis answers. */
    Mono<Void> ping();

    /**
     * The work items: {@code work:queue} members by score then id (pages of {@code ZRANGEBYSCORE} with
     * one {@code HMGET work:items} each), then {@code work:items} entries no queue member orders
     * ({@code HSCAN} + {@code ZMSCORE}; problem {@link ValueProblem.Kind#NOT_QUEUED}), by id.
     *
     * @return the items; a queue member without an entry is listed with {@link ValueProblem.Kind#MISSING_VALUE}
     */
    Flux<WorkItem> workItems();

    /** The work item served next (lowest score), or empty when the queue is empty. */
    Mono<WorkItem> peek();

    /**
     * The sessions ({@code SCAN MATCH agent:session:*} + {@code MGET} per batch), in scan order.
     * {@link #snapshot()} sorts them.
     */
    Flux<SessionEntry> sessions();

    /** The workers ({@code SCAN MATCH work:worker:* TYPE string} + {@code MGET}), in scan order. */
    Flux<WorkerEntry> workers();

    /** Items, sessions and workers, each sorted (see {@link QueueSnapshot}). */
    Mono<QueueSnapshot> snapshot();

    /**
     * Removes a session everywhere in one atomic script: its session key, work item, queue member,
     * claim (and work-state key when the layout has one).
     *
     * @throws io.agentfactory.sdk.error.QueueItemNotFoundException (as the error signal) when no id matches
     * @throws io.agentfactory.sdk.error.AmbiguousSelectorException (as the error signal) when the prefix
     *     matches several ids and equals none
     */
    Mono<DropResult> drop(SessionSelector selector);

    /**
     * Puts a {@code claimed} or {@code running} session back to {@code pending}: its JSON patched
     * (status, {@code workerId}, {@code claimedAt} and {@code providerSessionId} removed, {@code updatedAt}
     * now in the unit the row uses, every other field and number kept exactly), its claim removed and
     * its work item queued with the writers' score, in one script that applies only if the session's
     * bytes are still those read (retried on a concurrent write, up to 8 attempts).
     *
     * @throws io.agentfactory.sdk.error.QueueStateConflictException (as the error signal) for another
     *     status (not retryable), or when workers kept writing (retryable)
     */
    Mono<RequeueResult> requeue(SessionSelector selector);

    /**
     * The repositories that have merge-queue keys ({@code SCAN MATCH merge:queue:*} and the entries
     * prefix), each once, sorted.
     */
    Flux<String> mergeRepositories();

    /** The merge queue of {@code repoId}: queued by score then PR, then processing, failed, blocked. */
    Flux<MergeEntry> mergeQueue(String repoId);

    /** Depth, next, processing, failed and blocked counts and the pause flag of {@code repoId}. */
    Mono<MergeQueueStatus> mergeStatus(String repoId);

    /** Pauses the merge queue of {@code repoId} ({@code SET merge:paused:{repo} true}). */
    Mono<Void> pauseMergeQueue(String repoId);

    /** Resumes it ({@code DEL merge:paused:{repo}}); emits whether it was paused. */
    Mono<Boolean> resumeMergeQueue(String repoId);

    /**
     * Sets a PR's priority: the entry JSON patched (other fields kept) and its queue score set to the
     * writers' {@code clamp(priority,1,5)·10¹³ + enqueuedAt}, atomically.
     *
     * @param priority 1 (first) to 5; checked before anything is sent
     */
    Mono<MergeEntry> setMergePriority(String repoId, int prNumber, int priority);

    /** Removes a PR from its merge queue (every set and its entry) atomically; emits where it was. */
    Mono<MergeState> dequeue(String repoId, int prNumber);

    /**
     * Moves a failed or blocked PR back to the queue atomically, with the writers' score and the entry's
     * other fields kept; emits the entry as queued.
     *
     * @throws io.agentfactory.sdk.error.QueueStateConflictException (as the error signal) when the PR is
     *     queued or processing already
     */
    Mono<MergeEntry> forceRetry(String repoId, int prNumber);

    /** Removes every claim ({@code SCAN} + {@code UNLINK} per batch); emits how many. */
    Mono<Long> clearClaims();

    /** Removes {@code work:queue} and {@code work:items} in one step; emits how many items they held. */
    Mono<Long> clearWorkQueue();

    /** Clears the work queue, then every session, claim and worker key (per batch). */
    Mono<BulkClearResult> clearAll();

    /**
     * Requeues every {@code claimed} and {@code running} session (as {@link #requeue}), queues
     * {@code pending} sessions that have no work item, then removes the remaining claims. Unlike the
     * reference it keeps the queue, so no pending session is left without a queue entry.
     */
    Mono<BulkClearResult> resetWorkState();

    /** Closes the connection (and the Redis client when this admin created it). */
    @Override
    void close();
}
