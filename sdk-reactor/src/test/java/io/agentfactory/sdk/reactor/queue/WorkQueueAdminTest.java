package io.agentfactory.sdk.reactor.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.AmbiguousSelectorException;
import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.error.QueueItemNotFoundException;
import io.agentfactory.sdk.error.QueueStateConflictException;
import io.agentfactory.sdk.queue.BulkClearResult;
import io.agentfactory.sdk.queue.DropResult;
import io.agentfactory.sdk.queue.KeyLayout;
import io.agentfactory.sdk.queue.QueueSnapshot;
import io.agentfactory.sdk.queue.RequeueResult;
import io.agentfactory.sdk.queue.SessionEntry;
import io.agentfactory.sdk.queue.SessionSelector;
import io.agentfactory.sdk.queue.ValueProblem;
import io.agentfactory.sdk.queue.WorkItem;
import io.agentfactory.sdk.queue.WorkerEntry;

/** The work queue, sessions, workers and their edits against a real Redis seeded like the writers. */
class WorkQueueAdminTest extends RedisPerClass {

    @Test
    void anEmptyRedisListsEmptyListsAndPeeksNothing() {
        RedisQueueAdmin admin = admin(KeyLayout.REFERENCE);

        QueueSnapshot snapshot = admin.snapshot().block(TIMEOUT);

        assertThat(snapshot.items()).isEmpty();
        assertThat(snapshot.sessions()).isEmpty();
        assertThat(snapshot.workers()).isEmpty();
        StepVerifier.create(admin.peek()).verifyComplete();
        admin.ping().block(TIMEOUT);
    }

    @Test
    void workItemsComeByScoreThenIdWithEveryStoredField() {
        writers.queueWork("sess-b", 2, NOW, ",\"tenantEnvelope\":{\"org\":\"o1\"}");
        writers.queueWork("sess-z", 1, NOW + 5, "");
        writers.queueWork("sess-a", 1, NOW + 5, "");
        writers.queueWork("sess-c", 12, NOW - 1000, ",\"workType\":\"qa\"");

        List<WorkItem> items = admin(KeyLayout.REFERENCE).workItems().collectList().block(TIMEOUT);

        assertThat(items).extracting(WorkItem::sessionId).containsExactly("sess-a", "sess-z", "sess-b", "sess-c");
        assertThat(items.get(0).score()).isEqualTo(1e13 + NOW + 5);
        assertThat(items.get(2).json()).contains("\"tenantEnvelope\":{\"org\":\"o1\"}");
        assertThat(items.get(3).workType()).isEqualTo("qa");
        assertThat(items.get(3).score()).isEqualTo(9e13 + NOW - 1000);
        assertThat(items).allSatisfy(i -> assertThat(i.problem()).isNull());
    }

    @Test
    void peekReturnsTheLowestScore() {
        writers.queueWork("sess-low", 2, NOW, "");
        writers.queueWork("sess-high", 1, NOW + 99, "");

        assertThat(admin(KeyLayout.REFERENCE).peek().block(TIMEOUT).sessionId()).isEqualTo("sess-high");
    }

    @Test
    void pagesOfEqualScoresNeitherRepeatNorSkipMembers() {
        for (int i = 0; i < 1234; i++) {
            server.commands().zadd("work:queue", 5e13, String.format("s-%05d", i));
        }
        RedisQueueAdmin admin = RedisQueueAdmin.create(QueueAdminOptions.builder(server.url()).batchSize(100).build());
        try {
            List<String> ids = admin.workItems().map(WorkItem::sessionId).collectList().block(TIMEOUT);
            assertThat(ids).hasSize(1234).isSorted().doesNotHaveDuplicates();
        }
        finally {
            admin.closeGracefully().block(TIMEOUT);
        }
    }

    @Test
    void aQueueMemberWithoutItemAndAnItemNoQueueOrdersAreListedWithTheirProblem() {
        server.commands().zadd("work:queue", 1e13, "ghost");
        server.commands().hset("work:items", "orphan", "{\"sessionId\":\"orphan\"}");
        server.commands().hset("work:items", "broken", "{not json");
        server.commands().zadd("work:queue", 2e13, "broken");

        List<WorkItem> items = admin(KeyLayout.REFERENCE).workItems().collectList().block(TIMEOUT);

        assertThat(items).extracting(WorkItem::sessionId).containsExactly("ghost", "broken", "orphan");
        assertThat(items).extracting(i -> i.problem().kind()).containsExactly(ValueProblem.Kind.MISSING_VALUE,
                ValueProblem.Kind.UNREADABLE_JSON, ValueProblem.Kind.NOT_QUEUED);
        assertThat(items.get(1).problem().key()).isEqualTo("work:items[broken]");
    }

    @Test
    void sessionsReportUnreadableAndWrongTypeRowsInsteadOfSkippingThem() {
        writers.session("abc123", "{\"status\":\"running\",\"issueIdentifier\":\"REN-42\",\"workType\":\"qa\","
                + "\"trackerSessionId\":\"trk-1\",\"updatedAt\":1767225600000}");
        writers.session("bad", "{\"status\":");
        writers.session("list", "[1,2]");
        server.commands().sadd("agent:session:odd", "x");

        List<SessionEntry> sessions = admin(KeyLayout.REFERENCE).snapshot().block(TIMEOUT).sessions();

        assertThat(sessions).extracting(SessionEntry::sessionId).containsExactly("abc123", "bad", "list", "odd");
        assertThat(sessions.get(0)).satisfies(s -> {
            assertThat(s.status()).isEqualTo("running");
            assertThat(s.trackerSessionId()).isEqualTo("trk-1");
            assertThat(s.updatedAt()).isEqualTo(1767225600000L);
            assertThat(s.problem()).isNull();
        });
        assertThat(sessions.subList(1, 4)).extracting(s -> s.problem().kind()).containsExactly(
                ValueProblem.Kind.UNREADABLE_JSON, ValueProblem.Kind.NOT_AN_OBJECT, ValueProblem.Kind.WRONG_TYPE);
    }

    @Test
    void workersAreTheWorkerStringsNotTheirSessionSets() {
        writers.worker("wkr_00000000000000b2", "active", NOW, "s1", "s2");
        writers.worker("wkr_00000000000000a1", "draining", NOW - 30_000);

        List<WorkerEntry> workers = admin(KeyLayout.REFERENCE).snapshot().block(TIMEOUT).workers();

        assertThat(workers).extracting(WorkerEntry::workerId).containsExactly("wkr_00000000000000a1", "wkr_00000000000000b2");
        assertThat(workers.get(1)).satisfies(w -> {
            assertThat(w.activeCount()).isEqualTo(2);
            assertThat(w.capacity()).isEqualTo(4);
            assertThat(w.status()).isEqualTo("active");
            assertThat(w.json()).contains("\"projects\":[\"smoke\"]");
        });
    }

    @Test
    void listingsUseScanAndBatchedReadsNeverKeysOrOneReadPerRow() {
        for (int i = 0; i < 1200; i++) {
            writers.session("s" + i, "{\"status\":\"pending\"}");
            writers.queueWork("s" + i, 3, NOW + i, "");
        }
        for (int i = 0; i < 50; i++) {
            writers.worker("wkr_" + i, "active", NOW, "s" + i);
        }
        server.commands().configResetstat();

        QueueSnapshot snapshot = admin(KeyLayout.REFERENCE).snapshot().block(TIMEOUT);

        assertThat(snapshot.sessions()).hasSize(1200);
        assertThat(snapshot.items()).hasSize(1200);
        assertThat(snapshot.workers()).hasSize(50);
        Map<String, Long> calls = commandCalls();
        assertThat(calls).doesNotContainKeys("keys", "get", "hget", "hgetall");
        assertThat(calls.get("mget")).isLessThanOrEqualTo(calls.get("scan"));
        assertThat(calls.get("hmget")).isEqualTo(3); // 1200 queue members in pages of 500
        assertThat(calls.values().stream().mapToLong(Long::longValue).sum()).isLessThan(60);
    }

    @Test
    void aSlowSubscriberHoldsTheScanBack() {
        for (int i = 0; i < 6000; i++) {
            writers.session("s" + i, "{\"status\":\"pending\"}");
        }
        // Batches of 50: a whole listing takes over a hundred SCANs. SCAN's COUNT is a hint, so how
        // many steps a held-back listing has taken varies a little, but it stays a few batches.
        RedisQueueAdmin admin = admin(KeyLayout.REFERENCE, b -> b.batchSize(50));
        server.commands().configResetstat();
        assertThat(admin.sessions().count().block(TIMEOUT)).isEqualTo(6000);
        long wholeListing = commandCalls().get("scan");
        server.commands().configResetstat();

        StepVerifier.create(admin.sessions(), 1)
                .expectNextCount(1)
                .then(() -> assertThat(commandCalls().getOrDefault("mget", 0L)).isLessThanOrEqualTo(2))
                .thenCancel()
                .verify(TIMEOUT);
        assertThat(wholeListing).isGreaterThan(100);
        assertThat(commandCalls().get("scan")).as("SCANs of a listing held at one row").isLessThan(wholeListing / 5);
    }

    @Test
    void dropRemovesTheSessionItemQueueMemberAndClaimInOneScript() {
        writers.queueWork("sess-drop", 2, NOW, "");
        writers.session("sess-drop", "{\"status\":\"running\"}");
        writers.claim("sess-drop", "wkr_1");
        writers.queueWork("sess-drop", 2, NOW, "");
        writers.session("sess-keep", "{\"status\":\"running\"}");

        DropResult result = admin(KeyLayout.REFERENCE).drop(SessionSelector.of("sess-drop")).block(TIMEOUT);

        assertThat(result).isEqualTo(new DropResult("sess-drop", true, true, true, true, false));
        assertThat(result.removed()).isEqualTo(4);
        assertThat(dump()).containsOnlyKeys("agent:session:sess-keep");
        assertThat(commandCalls()).containsEntry("evalsha", 1L);
    }

    @Test
    void dropAlsoRemovesAWorkStateRowInThatLayout() {
        writers.session("a b", "{\"status\":\"running\"}");
        server.commands().set("work:state:{a%20b}", "{\"work\":{}}");

        DropResult result = admin(KeyLayout.TS_WORK_STATE).drop(SessionSelector.of("a b")).block(TIMEOUT);

        assertThat(result.workStateDeleted()).isTrue();
        assertThat(dump()).isEmpty();
    }

    @Test
    void selectorsMatchIdsNeverKeyPrefixes() {
        writers.session("sess-a1", "{\"status\":\"running\"}");
        writers.session("sess-a2", "{\"status\":\"running\"}");
        writers.session("sess-b", "{\"status\":\"running\"}");
        writers.claim("claim-only", "wkr_1");
        Map<String, String> before = dump();
        RedisQueueAdmin admin = admin(KeyLayout.REFERENCE);

        for (String word : List.of("agent", "session", "work", "claim:", "agent:session:sess-b")) {
            StepVerifier.create(admin.drop(SessionSelector.of(word))).expectError(QueueItemNotFoundException.class)
                    .verify(TIMEOUT);
        }
        StepVerifier.create(admin.drop(SessionSelector.of("sess-a")))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(AmbiguousSelectorException.class)
                        .hasMessage("selector \"sess-a\" matches 2 ids: sess-a1, sess-a2")
                        .extracting(x -> ((AmbiguousSelectorException) x).candidates()).isEqualTo(List.of("sess-a1", "sess-a2")))
                .verify(TIMEOUT);
        assertThat(dump()).isEqualTo(before);

        assertThat(admin.drop(SessionSelector.of("sess-b")).block(TIMEOUT).sessionId()).isEqualTo("sess-b");
        assertThat(admin.drop(SessionSelector.of("claim-o")).block(TIMEOUT).claimDeleted()).isTrue();
    }

    @Test
    void anExactIdWinsOverLongerIdsItPrefixes() {
        writers.session("sess-1", "{\"status\":\"running\"}");
        writers.session("sess-10", "{\"status\":\"running\"}");

        assertThat(admin(KeyLayout.REFERENCE).drop(SessionSelector.of("sess-1")).block(TIMEOUT).sessionId()).isEqualTo("sess-1");
        assertThat(server.commands().exists("agent:session:sess-10")).isOne();
    }

    @Test
    void globCharactersInASelectorAreLiteral() {
        writers.session("sess-x", "{\"status\":\"running\"}");

        StepVerifier.create(admin(KeyLayout.REFERENCE).drop(SessionSelector.of("*"))).expectError(QueueItemNotFoundException.class)
                .verify(TIMEOUT);
        assertThat(server.commands().exists("agent:session:sess-x")).isOne();
    }

    @Test
    void blankSelectorsAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> SessionSelector.of("")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> SessionSelector.of("  ")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> SessionSelector.of("a\nb")).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void requeuePatchesTheSessionTreeKeepingUnknownFieldsAndExactNumbers() {
        String session = "{\"trackerSessionId\":\"trk\",\"issueId\":\"iss-9\",\"issueIdentifier\":\"REN-9\","
                + "\"providerSessionId\":\"prov-1\",\"status\":\"running\",\"createdAt\":1767225000000,"
                + "\"updatedAt\":1767225500000,\"workerId\":\"wkr_1\",\"claimedAt\":1767225400000,\"priority\":2,"
                + "\"totalCostUsd\":0.10,\"inputTokens\":12345678901234567891,\"future\":{\"nested\":[1.50,true]}}";
        writers.session("sess-rq", session);
        server.commands().set("work:claim:sess-rq", "wkr_1");

        RequeueResult result = admin(KeyLayout.REFERENCE).requeue(SessionSelector.of("sess-rq")).block(TIMEOUT);

        double score = 2e13 + NOW;
        assertThat(result).isEqualTo(new RequeueResult("sess-rq", "running", true, true, score));
        assertThat(server.commands().get("agent:session:sess-rq")).isEqualTo("{\"trackerSessionId\":\"trk\",\"issueId\":"
                + "\"iss-9\",\"issueIdentifier\":\"REN-9\",\"status\":\"pending\",\"createdAt\":1767225000000,"
                + "\"updatedAt\":" + NOW + ",\"priority\":2,\"totalCostUsd\":0.10,\"inputTokens\":12345678901234567891,"
                + "\"future\":{\"nested\":[1.50,true]}}");
        assertThat(server.commands().ttl("agent:session:sess-rq")).isBetween(86_390L, 86_400L);
        assertThat(server.commands().exists("work:claim:sess-rq")).isZero();
        assertThat(server.commands().zscore("work:queue", "sess-rq")).isEqualTo(score);
        assertThat(server.commands().hget("work:items", "sess-rq")).isEqualTo("{\"sessionId\":\"sess-rq\",\"issueId\":"
                + "\"iss-9\",\"issueIdentifier\":\"REN-9\",\"priority\":2,\"queuedAt\":" + NOW + "}");
    }

    @Test
    void requeueKeepsTheSecondsOfARowWrittenInSeconds() {
        writers.session("old", "{\"status\":\"claimed\",\"updatedAt\":1767225500,\"linearSessionId\":\"lin\"}");

        admin(KeyLayout.REFERENCE).requeue(SessionSelector.of("old")).block(TIMEOUT);

        assertThat(server.commands().get("agent:session:old")).isEqualTo("{\"status\":\"pending\",\"updatedAt\":"
                + NOW / 1000 + ",\"linearSessionId\":\"lin\"}");
    }

    @Test
    void requeueKeepsAnItemStillStoredAndItsWritersScore() {
        writers.queueWork("sess-q", 4, NOW - 50_000, ",\"prompt\":\"go\"");
        server.commands().zrem("work:queue", "sess-q");
        writers.session("sess-q", "{\"status\":\"claimed\"}");
        String item = server.commands().hget("work:items", "sess-q");

        RequeueResult result = admin(KeyLayout.REFERENCE).requeue(SessionSelector.of("sess-q")).block(TIMEOUT);

        assertThat(result.score()).isEqualTo(4e13 + NOW - 50_000);
        assertThat(server.commands().hget("work:items", "sess-q")).isEqualTo(item);
    }

    @Test
    void requeueRefusesSessionsThatAreNotClaimedOrRunning() {
        writers.session("done", "{\"status\":\"completed\"}");
        Map<String, String> before = dump();

        StepVerifier.create(admin(KeyLayout.REFERENCE).requeue(SessionSelector.of("done")))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(QueueStateConflictException.class)
                        .hasMessageContaining("is completed").matches(x -> !((QueueStateConflictException) x).isRetryable()))
                .verify(TIMEOUT);
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void theScriptIsLoadedAgainWhenRedisForgotIt() {
        writers.session("s1", "{\"status\":\"running\"}");
        writers.session("s2", "{\"status\":\"running\"}");
        writers.session("s3", "{\"status\":\"running\"}");
        RedisQueueAdmin admin = admin(KeyLayout.REFERENCE);
        server.commands().scriptFlush();
        admin.drop(SessionSelector.of("s1")).block(TIMEOUT);
        admin.drop(SessionSelector.of("s2")).block(TIMEOUT);
        assertThat(commandCalls()).containsEntry("script|load", 1L).containsEntry("evalsha", 3L);
        server.commands().scriptFlush();

        admin.drop(SessionSelector.of("s3")).block(TIMEOUT);

        assertThat(commandCalls()).containsEntry("script|load", 2L);
        assertThat(dump()).isEmpty();
    }

    @Test
    void clearClaimsAndTheWorkQueueCountWhatTheyRemoved() {
        writers.queueWork("a", 1, NOW, "");
        writers.queueWork("b", 1, NOW, "");
        writers.claim("b", "wkr_1");
        writers.claim("c", "wkr_1");
        RedisQueueAdmin admin = admin(KeyLayout.REFERENCE);

        assertThat(admin.clearClaims().block(TIMEOUT)).isEqualTo(2);
        assertThat(admin.clearWorkQueue().block(TIMEOUT)).isEqualTo(1);
        assertThat(dump()).isEmpty();
    }

    @Test
    void clearAllRemovesQueueSessionsClaimsAndWorkersWithTheirSets() {
        writers.queueWork("a", 1, NOW, "");
        writers.session("a", "{\"status\":\"pending\"}");
        writers.session("b", "{\"status\":\"running\"}");
        writers.claim("b", "wkr_1");
        writers.worker("wkr_1", "active", NOW, "b");
        server.commands().set("unrelated", "kept");

        BulkClearResult result = admin(KeyLayout.REFERENCE).clearAll().block(TIMEOUT);

        assertThat(result).isEqualTo(new BulkClearResult(1, 2, 1, 2, 0));
        assertThat(dump()).containsOnlyKeys("unrelated");
    }

    @Test
    void resetRequeuesInFlightSessionsAndLeavesNoPendingSessionUnqueued() {
        writers.queueWork("running", 2, NOW - 10, "");
        writers.session("running", "{\"status\":\"running\",\"workerId\":\"wkr_1\"}");
        writers.claim("running", "wkr_1");
        writers.session("pending-unqueued", "{\"status\":\"pending\",\"priority\":1}");
        writers.queueWork("pending-queued", 3, NOW - 20, "");
        writers.session("pending-queued", "{\"status\":\"pending\"}");
        writers.session("done", "{\"status\":\"completed\"}");
        server.commands().set("work:claim:stale", "wkr_9");

        BulkClearResult result = admin(KeyLayout.REFERENCE).resetWorkState().block(TIMEOUT);

        assertThat(result).isEqualTo(new BulkClearResult(0, 0, 2, 0, 1));
        assertThat(server.commands().zrange("work:queue", 0, -1)).containsExactly("pending-unqueued", "pending-queued", "running");
        assertThat(server.commands().get("agent:session:done")).isEqualTo("{\"status\":\"completed\"}");
        assertThat(server.commands().keys("work:claim:*")).isEmpty();
    }
}
