package io.agentfactory.sdk.reactor.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;

import io.lettuce.core.ScriptOutputType;
import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.queue.KeyLayout;

/**
 * 100,000 sessions and 100,000 queued work items, listed in a JVM capped at 64 MB of heap (this
 * class runs alone in the bounded-memory execution): materialised, the rows alone would need more.
 * Prints the time and the peak heap of each listing.
 */
class QueueListingBoundedMemoryTest extends RedisPerClass {

    private static final int KEYS = Integer.getInteger("queue.keys", 100_000);

    /** The writers' shapes (session-storage.ts SETEX, work-queue.ts HSET + ZADD), written by a server-side loop. */
    private void seed() {
        String session = "{\"trackerSessionId\":\"trk-\" .. i .. \"\",\"trackerProvider\":\"linear\",\"issueId\":\"iss-\" .. i"
                + " .. \"\",\"issueIdentifier\":\"REN-\" .. i .. \"\",\"providerSessionId\":null,\"worktreePath\":"
                + "\"/work/trees/REN-\" .. i .. \"\",\"status\":\"running\",\"createdAt\":1767225000000,\"updatedAt\":1767225500000,"
                + "\"workerId\":\"wkr_0123456789abcdef\",\"priority\":3,\"workType\":\"development\",\"projectName\":\"smoke\","
                + "\"totalCostUsd\":0.42,\"inputTokens\":123456,\"outputTokens\":7890,\"lastToolName\":\"Edit\"}";
        String lua = "for i = 1, tonumber(ARGV[1]) do\n"
                + "  local id = 'sess-' .. string.format('%06d', i)\n"
                + "  redis.call('SETEX', 'agent:session:' .. id, 86400, \"" + session.replace("\"", "\\\"")
                        .replace("\\\" .. i .. \\\"", "\" .. i .. \"") + "\")\n"
                + "  redis.call('HSET', 'work:items', id, '{\"sessionId\":\"' .. id .. '\",\"issueIdentifier\":\"REN-' .. i"
                + " .. '\",\"priority\":3,\"queuedAt\":' .. (1767225000000 + i) .. ',\"workType\":\"development\"}')\n"
                + "  redis.call('ZADD', 'work:queue', 3e13 + 1767225000000 + i, id)\n"
                + "end\n"
                + "return 1";
        server.commands().eval(lua, ScriptOutputType.INTEGER, new String[0], Integer.toString(KEYS));
    }

    private io.netty.util.ResourceLeakDetector.Level leakLevel;

    /**
     * Paranoid leak detection records a stack trace at every access of every buffer Lettuce decodes,
     * which dominates both the time and the heap measured here; this class measures at the default
     * level (leaks are still detected and reported, and the leak guard still fails the class).
     */
    @org.junit.jupiter.api.BeforeAll
    void measureAtTheDefaultLeakDetectionLevel() {
        leakLevel = io.netty.util.ResourceLeakDetector.getLevel();
        io.netty.util.ResourceLeakDetector.setLevel(io.netty.util.ResourceLeakDetector.Level.SIMPLE);
    }

    @org.junit.jupiter.api.AfterAll
    void restoreTheLeakDetectionLevel() {
        io.netty.util.ResourceLeakDetector.setLevel(leakLevel);
    }

    @Test
    void oneHundredThousandSessionsAndItemsStreamInBoundedMemory() {
        seed();
        assertThat(server.commands().dbsize()).isEqualTo(KEYS + 2);
        // What is measured is memory: a starved 64 MB JVM on a loaded machine may answer slowly.
        RedisQueueAdmin admin = RedisQueueAdmin.create(QueueAdminOptions.builder(server.url())
                .commandTimeout(java.time.Duration.ofMinutes(1)).build());
        admin.ping().block(TIMEOUT);

        Measured sessions = measure(admin.sessions().filter(s -> s.problem() == null));
        Measured items = measure(admin.workItems().filter(i -> i.problem() == null));

        assertThat(sessions.count()).isEqualTo(KEYS);
        assertThat(items.count()).isEqualTo(KEYS);
        admin.closeGracefully().block(TIMEOUT);
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf(Locale.ROOT, "queue listing, 100,000 keys, -Xmx%d MB: sessions %d ms, peak heap %.1f MB;"
                        + " work items %d ms, peak heap %.1f MB (heap in use, sampled every 1,000 rows; sum of the pools'"
                        + " peaks %.1f and %.1f MB)%n", maxHeap >> 20, sessions.millis(), sessions.peakMb(),
                items.millis(), items.peakMb(), sessions.poolPeaksMb(), items.poolPeaksMb());
    }

    private record Measured(long count, long millis, double peakMb, double poolPeaksMb) {
    }

    /** Streams {@code listing} to its end, sampling the heap in use every 1,000 rows. */
    private static Measured measure(reactor.core.publisher.Flux<?> listing) {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong rows = new java.util.concurrent.atomic.AtomicLong();
        long start = System.nanoTime();
        long count = listing.doOnNext(row -> {
            if (rows.incrementAndGet() % 1000 == 0) {
                peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
            }
        }).count().block(java.time.Duration.ofMinutes(3));
        long millis = (System.nanoTime() - start) / 1_000_000;
        double pools = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024.0 * 1024.0);
        return new Measured(count, millis, peak.get() / (1024.0 * 1024.0), pools);
    }
}
