package io.agentfactory.sdk.reactor.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.reactor.testing.GeneratedDiff;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;
import io.agentfactory.sdk.workarea.WorkareaDiffEntry;
import io.agentfactory.sdk.workarea.WorkareaDiffSummary;

/**
 * A 1,000,000-entry NDJSON diff (about 200 MB) streamed through the daemon client in a JVM whose
 * heap is capped at 64 MB (this class runs in its own surefire execution with {@code -Xmx64m}).
 * The server generates the body lazily, so only the client's streaming keeps memory bounded: a
 * client that buffered the diff would die with {@link OutOfMemoryError}.
 */
class DiffBoundedMemoryTest {

    private static final long ENTRIES = 1_000_000;

    @Test
    void millionEntryDiffStreamsInA64MegabyteHeap() {
        assertThat(Runtime.getRuntime().maxMemory())
                .as("this test must run with -Xmx64m (see the bounded-memory surefire execution)")
                .isLessThanOrEqualTo(80L * 1024 * 1024);

        AtomicLong bytesServed = new AtomicLong();
        try (RecordingServer server = RecordingServer.start();
                ReactorDaemonClient daemon = ReactorDaemonClient.create(
                        DaemonClientOptions.builder().baseUrl(server.baseUrl()).build())) {
            server.replyWith(Reply.custom((request, response) -> response
                    .header("Content-Type", "application/x-ndjson")
                    .send(GeneratedDiff.ndjson(ENTRIES, 64 * 1024)
                            .doOnNext(chunk -> bytesServed.addAndGet(chunk.length))
                            .map(Unpooled::wrappedBuffer), chunk -> true)));

            resetPeaks();
            AtomicLong entries = new AtomicLong();
            AtomicLong sampledPeak = new AtomicLong();
            AtomicReference<WorkareaDiffSummary> summary = new AtomicReference<>();
            long start = System.nanoTime();
            daemon.streamDiff("wa-1", "wa-2")
                    .doOnNext(event -> {
                        if (event instanceof WorkareaDiffEntry) {
                            if (entries.incrementAndGet() % 10_000 == 0) {
                                sampledPeak.accumulateAndGet(usedHeap(), Math::max);
                            }
                        }
                        else {
                            summary.set((WorkareaDiffSummary) event);
                        }
                    })
                    .blockLast(Duration.ofMinutes(5));
            long wallMillis = (System.nanoTime() - start) / 1_000_000;
            long poolPeaks = peakHeapBytes();

            System.out.printf("DIFF-1M entries=%d bytes=%d wall_ms=%d entries_per_s=%d peak_used_heap_mb=%.1f"
                    + " (sampled every 10k entries) sum_of_pool_peaks_mb=%.1f max_heap_mb=%d%n",
                    entries.get(), bytesServed.get(), wallMillis, entries.get() * 1000 / Math.max(1, wallMillis),
                    sampledPeak.get() / 1048576.0, poolPeaks / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576);

            assertThat(entries.get()).isEqualTo(ENTRIES);
            assertThat(summary.get()).isEqualTo(GeneratedDiff.summaryFor(ENTRIES));
            assertThat(bytesServed.get()).isGreaterThan(150L * 1024 * 1024);
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The sum of the heap pools' peaks: an upper bound of the heap ever in use at once. */
    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
