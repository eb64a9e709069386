package io.agentfactory.sdk.reactor.internal.diff;

import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.decoder;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.reactor.testing.GeneratedDiff;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.workarea.WorkareaDiffEntry;
import io.agentfactory.sdk.workarea.WorkareaDiffEvent;
import io.agentfactory.sdk.workarea.WorkareaDiffSummary;

/**
 * The body is read only as fast as the subscriber asks, a small constant number of chunks ahead,
 * whatever the diff's length; cancelling stops the reading.
 */
class NdjsonBackpressureTest {

    /**
     * The chunk being emitted plus the one prefetched behind it. A literal, not derived from the
     * decoder's constant: raising the prefetch must be a decision that fails this test first.
     */
    private static final long CHUNKS_AHEAD = 2;

    private static final int LINES_PER_CHUNK = 10;

    @Test
    void withoutDemandOnlyThePrefetchIsRequestedAndOneEntryNeedsNoMore() {
        RequestLog log = new RequestLog();
        Flux<WorkareaDiffEvent> events = endlessDiff(log);

        StepVerifier.create(events, 0)
                .then(() -> assertThat(log.total()).as("chunks requested before any demand")
                        .isLessThanOrEqualTo(CHUNKS_AHEAD))
                .thenRequest(1)
                .expectNextCount(1)
                .then(() -> assertThat(log.total()).as("chunks requested for one entry")
                        .isLessThanOrEqualTo(CHUNKS_AHEAD))
                .thenCancel()
                .verify(Duration.ofSeconds(10));

        assertThat(log.largest()).as("largest single request").isEqualTo(1);
        System.out.printf("prefetch bound: %d chunk(s) requested in %d request(s) for zero, then one entry%n",
                log.total(), log.requests());
    }

    @Test
    void chunksRequestedFollowTheEntriesRequested() {
        RequestLog log = new RequestLog();
        Flux<WorkareaDiffEvent> events = endlessDiff(log);

        StepVerifier.create(events, 0)
                .thenRequest(995)
                .expectNextCount(995)
                .then(() -> assertThat(log.total()).isBetween(100L, 100 + CHUNKS_AHEAD))
                .thenRequest(5)
                .expectNextCount(5)
                .then(() -> assertThat(log.total()).isBetween(100L, 100 + CHUNKS_AHEAD))
                .thenCancel()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void cancellingStopsReadingTheBody() {
        AtomicInteger delivered = new AtomicInteger();
        AtomicBoolean cancelled = new AtomicBoolean();
        Flux<byte[]> body = GeneratedDiff.endless(LINES_PER_CHUNK)
                .doOnNext(chunk -> delivered.incrementAndGet())
                .doOnCancel(() -> cancelled.set(true));

        StepVerifier.create(decoder().ndjson(TransportBody.direct(body)), 25)
                .expectNextCount(25)
                .thenCancel()
                .verify(Duration.ofSeconds(10));

        assertThat(cancelled).isTrue();
        assertThat(delivered.get()).isLessThanOrEqualTo(3 + (int) CHUNKS_AHEAD);
    }

    @Test
    void takingTheFirstEntriesCancelsTheBody() {
        AtomicBoolean cancelled = new AtomicBoolean();
        Flux<byte[]> body = GeneratedDiff.endless(LINES_PER_CHUNK).doOnCancel(() -> cancelled.set(true));

        StepVerifier.create(decoder().ndjson(TransportBody.direct(body)).take(3))
                .expectNextCount(3)
                .verifyComplete();

        assertThat(cancelled).isTrue();
    }

    @Test
    void anEndlessLineIsRefusedOnceItPassesTheLimitNotBufferedToTheEnd() {
        int limit = 4096;
        int chunkSize = 1000;
        AtomicInteger delivered = new AtomicInteger();
        AtomicBoolean cancelled = new AtomicBoolean();
        byte[] noNewline = "a".repeat(chunkSize).getBytes();
        Flux<byte[]> body = Flux.<byte[]>generate(sink -> sink.next(noNewline))
                .doOnNext(chunk -> delivered.incrementAndGet())
                .doOnCancel(() -> cancelled.set(true));

        StepVerifier.create(new WorkareaDiffDecoder("GET", DiffFixtures.PATH, limit).ndjson(TransportBody.direct(body)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseDecodeException.class)
                        .hasMessageEndingWith("diff line 1 is longer than the limit of 4096 bytes (maxLineBytes)"))
                .verify(Duration.ofSeconds(10));

        assertThat(delivered.get()).isLessThanOrEqualTo(limit / chunkSize + 1 + (int) CHUNKS_AHEAD);
        assertThat(cancelled).isTrue();
    }

    @Test
    void aMillionEntryDiffStreamsThroughInStepsOfOneChunkWithItsCountsChecked() {
        long entries = 1_000_000;
        RequestLog log = new RequestLog();
        AtomicLong bodyBytes = new AtomicLong();
        AtomicLong entriesSeen = new AtomicLong();
        Flux<byte[]> body = log.watch(GeneratedDiff.ndjson(entries, 16 * 1024))
                .doOnNext(chunk -> bodyBytes.addAndGet(chunk.length));

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        // Generation, delivery and decoding all run synchronously on this thread.
        WorkareaDiffEvent last = decoder().ndjson(TransportBody.direct(body))
                .doOnNext(event -> {
                    if (event instanceof WorkareaDiffEntry) {
                        entriesSeen.incrementAndGet();
                    }
                })
                .blockLast(Duration.ofMinutes(5));
        long nanos = System.nanoTime() - start;
        long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;

        WorkareaDiffSummary expected = GeneratedDiff.summaryFor(entries);
        assertThat(last).isEqualTo(expected);
        assertThat(entriesSeen).hasValue(entries);
        assertThat(log.largest()).as("unbounded demand downstream, still one chunk at a time upstream")
                .isEqualTo(1);
        System.out.printf("1M-entry NDJSON diff: %d entries, %.1f MB in %d chunks: %d ms wall (%.0f entries/s),"
                + " %d ms CPU (%.0f entries/s)%n", entries, bodyBytes.get() / 1e6, log.total(), nanos / 1_000_000,
                entries / (nanos / 1e9), cpuNanos / 1_000_000, entries / (cpuNanos / 1e9));
    }

    /** A diff that never ends, {@value #LINES_PER_CHUNK} entries per chunk, its chunk requests logged. */
    private static Flux<WorkareaDiffEvent> endlessDiff(RequestLog log) {
        return decoder().ndjson(TransportBody.direct(log.watch(GeneratedDiff.endless(LINES_PER_CHUNK))));
    }

    /** The {@code request(n)} calls made of a source. */
    private static final class RequestLog {

        private final AtomicLong requests = new AtomicLong();
        private final AtomicLong total = new AtomicLong();
        private final AtomicLong largest = new AtomicLong();

        <T> Flux<T> watch(Flux<T> source) {
            return source.doOnRequest(n -> {
                requests.incrementAndGet();
                total.addAndGet(n);
                largest.accumulateAndGet(n, Math::max);
            });
        }

        /** The sum of all amounts requested. */
        long total() {
            return total.get();
        }

        /** The largest single amount requested. */
        long largest() {
            return largest.get();
        }

        long requests() {
            return requests.get();
        }
    }
}
