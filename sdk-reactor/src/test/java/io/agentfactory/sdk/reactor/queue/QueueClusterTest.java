package io.agentfactory.sdk.reactor.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.lettuce.core.SetArgs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.RedisCommandException;
import io.agentfactory.sdk.queue.KeyLayout;
import io.agentfactory.sdk.queue.SessionSelector;
import io.agentfactory.sdk.queue.WorkItem;
import io.agentfactory.sdk.reactor.testing.RedisCluster;
import io.agentfactory.sdk.reactor.testing.RedisServer;

/** A real three-master cluster: listings reach every master; cross-slot edits are refused, not half done. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueueClusterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private RedisCluster cluster;
    private RedisQueueAdmin admin;

    @BeforeAll
    void startClusterAndSeedLikeTheWriters() {
        cluster = RedisCluster.start();
        var redis = cluster.commands();
        for (int i = 0; i < 300; i++) {
            redis.set("agent:session:sess-" + i, "{\"status\":\"running\",\"workerId\":\"wkr_" + i % 30 + "\"}", SetArgs.Builder.ex(86_400));
        }
        for (int i = 0; i < 30; i++) {
            redis.set("work:worker:wkr_" + i, "{\"id\":\"wkr_" + i + "\",\"status\":\"active\",\"capacity\":10}", SetArgs.Builder.ex(120));
            redis.sadd("work:worker:wkr_" + i + ":sessions", "sess-" + i);
        }
        for (int i = 0; i < 50; i++) {
            redis.set("work:claim:sess-" + i, "wkr_" + i % 30);
        }
        for (int i = 0; i < 20; i++) {
            redis.hset("work:items", "q-" + i, "{\"sessionId\":\"q-" + i + "\",\"priority\":2,\"queuedAt\":" + (1000 + i) + "}");
            redis.zadd("work:queue", 2e13 + 1000 + i, "q-" + i);
        }
        admin = RedisQueueAdmin.create(QueueAdminOptions.builder(cluster.url()).cluster(true).layout(KeyLayout.TS_SERVER).build());
    }

    @AfterAll
    void stop() {
        admin.closeGracefully().block(TIMEOUT);
        cluster.close();
    }

    @Test
    void theKeysLiveOnEveryMasterAndEveryListingFindsThemAll() {
        for (RedisServer node : cluster.nodes()) {
            assertThat(node.commands().dbsize()).isPositive();
        }

        assertThat(admin.sessions().count().block(TIMEOUT)).isEqualTo(300);
        assertThat(admin.workers().count().block(TIMEOUT)).isEqualTo(30);
        List<WorkItem> items = admin.workItems().collectList().block(TIMEOUT);
        assertThat(items).hasSize(20).extracting(WorkItem::sessionId).startsWith("q-0", "q-1");
        assertThat(admin.snapshot().block(TIMEOUT).problems()).isEmpty();
    }

    @Test
    void anEditAcrossSlotsIsRefusedTypedAndChangesNothing() {
        cluster.commands().set("work:claim:sess-7", "wkr_7");
        StepVerifier.create(admin.drop(SessionSelector.of("sess-7")))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RedisCommandException.class).hasMessageContaining("CROSSSLOT"))
                .verify(TIMEOUT);

        assertThat(cluster.commands().exists("agent:session:sess-7", "work:claim:sess-7")).isEqualTo(2);
        assertThat(cluster.commands().zcard("work:queue")).isEqualTo(20);
    }

    @Test
    void singleKeyLeversWorkOnACluster() {
        admin.pauseMergeQueue("acme/api").block(TIMEOUT);
        assertThat(cluster.commands().get("merge:paused:acme/api")).isEqualTo("true");
        assertThat(admin.resumeMergeQueue("acme/api").block(TIMEOUT)).isTrue();
    }

    @Test
    void clearingClaimsReachesEveryMaster() {
        var redis = cluster.commands();
        for (int i = 0; i < 40; i++) {
            redis.set("work:claim:extra-" + i, "wkr_1");
        }

        assertThat(admin.clearClaims().block(TIMEOUT)).isGreaterThanOrEqualTo(40);
        for (RedisServer node : cluster.nodes()) {
            assertThat(node.commands().keys("work:claim:*")).isEmpty();
        }
    }
}
