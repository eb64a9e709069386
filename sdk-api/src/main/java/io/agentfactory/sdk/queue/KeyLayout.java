package io.agentfactory.sdk.queue;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The Redis keys and types the queue admin reads and writes, as one named value, so that schema
 * drift between the writers and the admin is explicit. Two layouts are known (see the queue spec,
 * §3 and §8); they agree on the work queue, sessions, claims and workers and differ on merge queues.
 *
 * <p>Keys edited together in one atomic script: {@code agent:session:{id}}, {@code work:items},
 * {@code work:queue}, {@code work:claim:{id}} (drop, requeue, reset) and a repository's merge keys
 * (dequeue, retry, priority). The writers use no hash tags, so on Redis Cluster these keys usually
 * live in different slots; the admin then refuses those edits with a typed {@code CROSSSLOT} error
 * rather than doing them non-atomically. Listing, status, pause and resume work on a cluster.
 *
 * @param name a name for messages
 * @param workQueue the work sorted set (member = session id, lowest score first)
 * @param workItems the work hash (field = session id, value = item JSON)
 * @param claimPrefix the claim strings' prefix (value = worker id)
 * @param sessionPrefix the session strings' prefix (value = session JSON)
 * @param workerPrefix the worker strings' prefix (value = worker JSON; {@code …:sessions} sets are skipped)
 * @param workStatePrefix the prefix of per-item work-state strings (newest writers), {@code null} when unused
 * @param mergeQueuePrefix the merge sorted sets' prefix (member = PR number)
 * @param mergeEntriesPrefix the merge entry hashes' prefix (field = PR number)
 * @param mergeFailedPrefix the failed PRs' prefix
 * @param mergeBlockedPrefix the blocked PRs' prefix
 * @param mergeProcessingPrefix the processing string's prefix, {@code null} when unused
 * @param mergePausedPrefix the pause flag's prefix
 * @param mergeOutcomes how failed and blocked PRs are stored
 * @param sessionTtl the expiry the writers give a session row (rewrites set it again)
 */
public record KeyLayout(String name, String workQueue, String workItems, String claimPrefix, String sessionPrefix,
        String workerPrefix, @Nullable String workStatePrefix, String mergeQueuePrefix, String mergeEntriesPrefix,
        String mergeFailedPrefix, String mergeBlockedPrefix, @Nullable String mergeProcessingPrefix,
        String mergePausedPrefix, MergeOutcomes mergeOutcomes, Duration sessionTtl) {

    /** How a layout stores failed and blocked pull requests. */
    public enum MergeOutcomes {
        /** Sorted sets of PR numbers; the reason is in the entry JSON ({@code failureReason}, {@code blockReason}). */
        SORTED_SETS,
        /** Hashes PR number → {@code {"entry": {...}|null, "reason": "..."}}; the entry leaves the entries hash. */
        HASHES_WITH_REASON
    }

    /**
     * The layout of the reference admin client (Go {@code afclient/queue}): {@code merge:entry:{repo}}
     * entries, failed and blocked as sorted sets, no processing key.
     */
    public static final KeyLayout REFERENCE = new KeyLayout("reference", "work:queue", "work:items", "work:claim:",
            "agent:session:", "work:worker:", null, "merge:queue:", "merge:entry:", "merge:failed:", "merge:blocked:",
            null, "merge:paused:", MergeOutcomes.SORTED_SETS, Duration.ofDays(1));

    /**
     * The layout the TypeScript server writes ({@code merge-queue-storage.ts}): {@code merge:items:{repo}}
     * entries, failed and blocked as hashes with a reason, {@code merge:processing:{repo}}.
     */
    public static final KeyLayout TS_SERVER = new KeyLayout("ts-server", "work:queue", "work:items", "work:claim:",
            "agent:session:", "work:worker:", null, "merge:queue:", "merge:items:", "merge:failed:", "merge:blocked:",
            "merge:processing:", "merge:paused:", MergeOutcomes.HASHES_WITH_REASON, Duration.ofDays(1));

    /**
     * {@link #TS_SERVER} with the newest writers' per-item {@code work:state:{id}} strings, which a drop
     * removes too ({@code id} URI-component encoded as the writers do).
     */
    public static final KeyLayout TS_WORK_STATE = TS_SERVER.withName("ts-work-state").withWorkStatePrefix("work:state:");

    /** Checks the components. */
    public KeyLayout {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(workQueue, "workQueue");
        Objects.requireNonNull(workItems, "workItems");
        Objects.requireNonNull(claimPrefix, "claimPrefix");
        Objects.requireNonNull(sessionPrefix, "sessionPrefix");
        Objects.requireNonNull(workerPrefix, "workerPrefix");
        Objects.requireNonNull(mergeQueuePrefix, "mergeQueuePrefix");
        Objects.requireNonNull(mergeEntriesPrefix, "mergeEntriesPrefix");
        Objects.requireNonNull(mergeFailedPrefix, "mergeFailedPrefix");
        Objects.requireNonNull(mergeBlockedPrefix, "mergeBlockedPrefix");
        Objects.requireNonNull(mergePausedPrefix, "mergePausedPrefix");
        Objects.requireNonNull(mergeOutcomes, "mergeOutcomes");
        Objects.requireNonNull(sessionTtl, "sessionTtl");
    }

    /** This layout named {@code value}. */
    public KeyLayout withName(String value) {
        return new KeyLayout(value, workQueue, workItems, claimPrefix, sessionPrefix, workerPrefix, workStatePrefix,
                mergeQueuePrefix, mergeEntriesPrefix, mergeFailedPrefix, mergeBlockedPrefix, mergeProcessingPrefix,
                mergePausedPrefix, mergeOutcomes, sessionTtl);
    }

    /** This layout with per-item work-state strings under {@code value} ({@code null}: none). */
    public KeyLayout withWorkStatePrefix(@Nullable String value) {
        return new KeyLayout(name, workQueue, workItems, claimPrefix, sessionPrefix, workerPrefix, value,
                mergeQueuePrefix, mergeEntriesPrefix, mergeFailedPrefix, mergeBlockedPrefix, mergeProcessingPrefix,
                mergePausedPrefix, mergeOutcomes, sessionTtl);
    }

    /** {@code agent:session:{id}}. */
    public String sessionKey(String sessionId) {
        return sessionPrefix + sessionId;
    }

    /** {@code work:claim:{id}}. */
    public String claimKey(String sessionId) {
        return claimPrefix + sessionId;
    }

    /** {@code work:worker:{id}}. */
    public String workerKey(String workerId) {
        return workerPrefix + workerId;
    }

    /** {@code merge:queue:{repo}}. */
    public String mergeQueueKey(String repoId) {
        return mergeQueuePrefix + repoId;
    }

    /** {@code merge:entry:{repo}} or {@code merge:items:{repo}}. */
    public String mergeEntriesKey(String repoId) {
        return mergeEntriesPrefix + repoId;
    }

    /** {@code merge:failed:{repo}}. */
    public String mergeFailedKey(String repoId) {
        return mergeFailedPrefix + repoId;
    }

    /** {@code merge:blocked:{repo}}. */
    public String mergeBlockedKey(String repoId) {
        return mergeBlockedPrefix + repoId;
    }

    /** {@code merge:paused:{repo}}. */
    public String mergePausedKey(String repoId) {
        return mergePausedPrefix + repoId;
    }

    @Override
    public String toString() {
        return "KeyLayout[" + name + "]";
    }
}
