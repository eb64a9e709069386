package io.agentfactory.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Example 9 end to end: a real redis-server started by the example, seeded like the writers. */
class QueueDashboardTest {

    @Test
    void theDashboardShowsTheQueueWorkersAndMergeQueuesOfALocalRedis() {
        Output out = new Output();

        boolean passed = QueueDashboard.run(Map.of(), Optional.of(LocalRedis.installed().orElseThrow(() -> new AssertionError(
                "redis-server is not installed (apt-get install -y redis-server; .ci/run installs it)"))), out);

        assertThat(passed).as(out.text()).isTrue();
        assertThat(out.lines().get(0)).matches("Queue admin on redis://127\\.0\\.0\\.1:\\d+ \\(layout ts-server\\)");
        assertThat(out.lines().get(1)).matches("Work queue: 3 queued · oldest REN-101 waiting 12m 0\\ds · next REN-102");
        assertThat(out.lines().get(2)).isEqualTo("Sessions: 1 claimed · 2 running · 3 pending");
        assertThat(out.lines()).anySatisfy(l -> assertThat(l).matches("  wkr_5f1c0a9d2b7e4c31 +mac-studio +active +2/4 +1\\ds ago"));
        assertThat(out.lines()).anySatisfy(l -> assertThat(l).matches("  wkr_9ab2d4e6f8103c57 +linux-01 +draining +1/2 +4\\ds ago"));
        assertThat(out.lines()).anySatisfy(l -> assertThat(l).matches("  acme/api +2 +#44 ren-44 +#40 ren-40 +0 +0 +no"));
        assertThat(out.lines()).anySatisfy(l -> assertThat(l).matches("  acme/web +1 +#9 ren-9 +- +1 +0 +yes"));
    }

    @Test
    void withoutRedisServerItPrintsASkipLine() {
        Output out = new Output();

        assertThat(QueueDashboard.run(Map.of(), Optional.empty(), out)).isTrue();

        assertThat(out.lines()).containsExactly("skipped: redis-server not installed (install it, or set REDIS_URL)");
    }

    @Test
    void anUnreachableRedisUrlFailsWithItsTypedError() {
        Output out = new Output();

        boolean passed = QueueDashboard.run(Map.of("REDIS_URL", "redis://:pw@127.0.0.1:1"), Optional.empty(), out);

        assertThat(passed).isFalse();
        assertThat(out.text()).contains("FAILED: RedisConnectionException [TRANSPORT, retryable]").doesNotContain(":pw@");
    }
}
