package io.agentfactory.sdk.reactor.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.error.QueueDataException;
import io.agentfactory.sdk.error.QueueItemNotFoundException;
import io.agentfactory.sdk.error.QueueStateConflictException;
import io.agentfactory.sdk.queue.KeyLayout;
import io.agentfactory.sdk.queue.MergeEntry;
import io.agentfactory.sdk.queue.MergeQueueStatus;
import io.agentfactory.sdk.queue.MergeState;

/** Merge queues in both layouts, seeded as their writers seed them. */
class MergeQueueAdminTest extends RedisPerClass {

    private static final String REPO = "org/repo";

    private void seedTsQueue() {
        writers.mergeEnqueue(REPO, 7, 3, NOW - 300);
        writers.mergeEnqueue(REPO, 42, 1, NOW - 100);
        writers.mergeEnqueue(REPO, 5, 3, NOW - 400);
        writers.mergeProcessing(REPO, 5);
        writers.mergeEnqueue(REPO, 99, 2, NOW - 900);
        writers.mergeProcessing(REPO, 99);
        writers.mergeOutcome("failed", REPO, 99, "merge conflict");
        writers.mergeEnqueue(REPO, 12, 2, NOW - 800);
        writers.mergeProcessing(REPO, 12);
        writers.mergeOutcome("blocked", REPO, 12, "checks pending");
        writers.mergeProcessing(REPO, 7);
        writers.mergeEnqueue(REPO, 7, 3, NOW - 300);
        server.commands().set("merge:processing:" + REPO, QueueWriters.mergeEntry(REPO, 5, 3, NOW - 400));
    }

    @Test
    void theWritersLayoutListsQueuedByScoreThenProcessingFailedAndBlocked() {
        seedTsQueue();

        List<MergeEntry> entries = admin(KeyLayout.TS_SERVER).mergeQueue(REPO).collectList().block(TIMEOUT);

        assertThat(entries).extracting(MergeEntry::prNumber, MergeEntry::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple(42, MergeState.QUEUED), org.assertj.core.groups.Tuple.tuple(7, MergeState.QUEUED),
                org.assertj.core.groups.Tuple.tuple(5, MergeState.PROCESSING), org.assertj.core.groups.Tuple.tuple(99, MergeState.FAILED),
                org.assertj.core.groups.Tuple.tuple(12, MergeState.BLOCKED));
        assertThat(entries.get(3).reason()).isEqualTo("merge conflict");
        assertThat(entries.get(3).prUrl()).isEqualTo("https://github.com/org/repo/pull/99");
        assertThat(entries.get(0).score()).isEqualTo(1e13 + NOW - 100);
        assertThat(entries).allSatisfy(e -> assertThat(e.problem()).isNull());
    }

    @Test
    void statusReadsDepthNextProcessingCountsAndTheQuotedPauseFlag() {
        seedTsQueue();
        writers.mergePause(REPO);

        MergeQueueStatus status = admin(KeyLayout.TS_SERVER).mergeStatus(REPO).block(TIMEOUT);

        assertThat(status.depth()).isEqualTo(2);
        assertThat(status.next().prNumber()).isEqualTo(42);
        assertThat(status.next().targetBranch()).isEqualTo("main");
        assertThat(status.processing().prNumber()).isEqualTo(5);
        assertThat(status.failedCount()).isOne();
        assertThat(status.blockedCount()).isOne();
        assertThat(status.paused()).isTrue();
    }

    @Test
    void pauseWritesOneEncodingAndResumeSaysWhetherItWasPaused() {
        RedisQueueAdmin admin = admin(KeyLayout.TS_SERVER);

        admin.pauseMergeQueue(REPO).block(TIMEOUT);

        assertThat(server.commands().get("merge:paused:" + REPO)).isEqualTo("true");
        assertThat(admin.mergeStatus(REPO).block(TIMEOUT).paused()).isTrue();
        assertThat(admin.resumeMergeQueue(REPO).block(TIMEOUT)).isTrue();
        assertThat(admin.resumeMergeQueue(REPO).block(TIMEOUT)).isFalse();
        assertThat(admin.mergeStatus(REPO).block(TIMEOUT)).isEqualTo(new MergeQueueStatus(REPO, 0, null, null, 0, 0, false));
    }

    @Test
    void forceRetryMovesAFailedEntryBackWithEveryFieldAndTheWritersScore() {
        seedTsQueue();

        MergeEntry retried = admin(KeyLayout.TS_SERVER).forceRetry(REPO, 99).block(TIMEOUT);

        assertThat(retried.state()).isEqualTo(MergeState.QUEUED);
        assertThat(server.commands().hexists("merge:failed:" + REPO, "99")).isFalse();
        assertThat(server.commands().hget("merge:items:" + REPO, "99"))
                .isEqualTo(QueueWriters.mergeEntry(REPO, 99, 2, NOW));
        assertThat(server.commands().zscore("merge:queue:" + REPO, "99")).isEqualTo(2e13 + NOW);
    }

    @Test
    void forceRetryOfAQueuedOrUnknownPrChangesNothing() {
        seedTsQueue();
        Map<String, String> before = dump();
        RedisQueueAdmin admin = admin(KeyLayout.TS_SERVER);

        StepVerifier.create(admin.forceRetry(REPO, 42)).expectError(QueueStateConflictException.class).verify(TIMEOUT);
        StepVerifier.create(admin.forceRetry(REPO, 1000)).expectErrorSatisfies(e -> assertThat(e)
                .isInstanceOf(QueueItemNotFoundException.class)
                .hasMessage("merge queue entry not found: PR #1000 in repo \"org/repo\"")).verify(TIMEOUT);
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void setPriorityPatchesTheEntryAndUsesTheWritersScore() {
        seedTsQueue();

        MergeEntry entry = admin(KeyLayout.TS_SERVER).setMergePriority(REPO, 7, 1).block(TIMEOUT);

        assertThat(entry.priority()).isEqualTo(1.0);
        assertThat(server.commands().hget("merge:items:" + REPO, "7")).isEqualTo(QueueWriters.mergeEntry(REPO, 7, 1, NOW - 300));
        assertThat(server.commands().zscore("merge:queue:" + REPO, "7")).isEqualTo(1e13 + NOW - 300);
        assertThat(admin(KeyLayout.TS_SERVER).mergeQueue(REPO).map(MergeEntry::prNumber).take(2).collectList().block(TIMEOUT))
                .containsExactly(7, 42);
    }

    @Test
    void dequeueRemovesThePrFromItsSetAndEntries() {
        seedTsQueue();
        RedisQueueAdmin admin = admin(KeyLayout.TS_SERVER);

        assertThat(admin.dequeue(REPO, 42).block(TIMEOUT)).isEqualTo(MergeState.QUEUED);
        assertThat(admin.dequeue(REPO, 12).block(TIMEOUT)).isEqualTo(MergeState.BLOCKED);
        StepVerifier.create(admin.dequeue(REPO, 42)).expectError(QueueItemNotFoundException.class).verify(TIMEOUT);
        assertThat(server.commands().hexists("merge:items:" + REPO, "42")).isFalse();
        assertThat(server.commands().zrange("merge:queue:" + REPO, 0, -1)).containsExactly("7");
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingIsSent() {
        RedisQueueAdmin admin = admin(KeyLayout.TS_SERVER);
        server.commands().configResetstat();

        StepVerifier.create(admin.dequeue(REPO, 0)).expectError(InvalidArgumentException.class).verify(TIMEOUT);
        StepVerifier.create(admin.setMergePriority(REPO, 3, 9)).expectError(InvalidArgumentException.class).verify(TIMEOUT);
        StepVerifier.create(admin.mergeStatus(" ")).expectError(InvalidArgumentException.class).verify(TIMEOUT);

        assertThat(commandCalls()).containsOnlyKeys("config|resetstat");
    }

    @Test
    void theReferenceLayoutWorksOnTheReferencesOwnData() {
        writers.referenceMergeEntry("queue", REPO, 42, "{\"repoId\":\"org/repo\",\"prNumber\":42,\"sourceBranch\":"
                + "\"feature/foo\",\"priority\":1,\"enqueuedAt\":1000000,\"prUrl\":\"u42\"}");
        writers.referenceMergeEntry("failed", REPO, 3, "{\"prNumber\":3,\"sourceBranch\":\"feature/retry\",\"failureReason\":"
                + "\"ci failed\",\"enqueuedAt\":999,\"targetBranch\":\"main\"}");
        RedisQueueAdmin admin = admin(KeyLayout.REFERENCE);

        List<MergeEntry> before = admin.mergeQueue(REPO).collectList().block(TIMEOUT);
        assertThat(before).extracting(MergeEntry::prNumber).containsExactly(42, 3);
        assertThat(before.get(1).reason()).isEqualTo("ci failed");

        admin.forceRetry(REPO, 3).block(TIMEOUT);

        assertThat(server.commands().zscore("merge:queue:" + REPO, "3")).isEqualTo(3e13 + 999);
        assertThat(server.commands().hget("merge:entry:" + REPO, "3")).isEqualTo("{\"prNumber\":3,\"sourceBranch\":"
                + "\"feature/retry\",\"enqueuedAt\":999,\"targetBranch\":\"main\",\"status\":\"queued\"}");
        assertThat(server.commands().zcard("merge:failed:" + REPO)).isZero();
        admin.setMergePriority(REPO, 42, 2).block(TIMEOUT);
        assertThat(server.commands().zscore("merge:queue:" + REPO, "42")).isEqualTo(2e13 + 1000000);
        assertThat(server.commands().hget("merge:entry:" + REPO, "42")).contains("\"prUrl\":\"u42\"");
    }

    @Test
    void theReferenceLayoutOnTheWritersDataFailsTypedAndChangesNothing() {
        seedTsQueue();
        Map<String, String> before = dump();
        RedisQueueAdmin admin = admin(KeyLayout.REFERENCE);

        StepVerifier.create(admin.mergeStatus(REPO)).expectErrorSatisfies(e -> assertThat(e)
                .isInstanceOf(QueueDataException.class).hasMessageContaining("merge:failed:org/repo")
                .hasMessageContaining("is a hash but the key layout expects a zset")).verify(TIMEOUT);
        StepVerifier.create(admin.mergeQueue(REPO).then()).expectErrorSatisfies(e -> assertThat(e)
                .isInstanceOf(QueueDataException.class).hasMessageStartingWith("merge:failed:org/repo")).verify(TIMEOUT);
        StepVerifier.create(admin.dequeue(REPO, 99)).expectError(QueueDataException.class).verify(TIMEOUT);
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void theRepositoriesWithMergeKeysAreListedOnceAndSorted() {
        seedTsQueue();
        writers.mergeEnqueue("b/other", 1, 1, NOW);
        server.commands().hset("merge:items:a/only-items", "3", QueueWriters.mergeEntry("a/only-items", 3, 1, NOW));

        assertThat(admin(KeyLayout.TS_SERVER).mergeRepositories().collectList().block(TIMEOUT))
                .containsExactly("a/only-items", "b/other", REPO);
    }

    @Test
    void anEmptyMergeQueueIsAnEmptyList() {
        assertThat(admin(KeyLayout.TS_SERVER).mergeQueue("my-org/my-repo").collectList().block(TIMEOUT)).isEmpty();
        assertThat(admin(KeyLayout.REFERENCE).mergeQueue("my-org/my-repo").collectList().block(TIMEOUT)).isEmpty();
    }
}
