package io.agentfactory.sdk.reactor.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.daemon.DaemonClientOptions;
import io.agentfactory.sdk.reactor.daemon.ReactorDaemonClient;
import io.agentfactory.sdk.reactor.testing.GeneratedDiff;
import io.agentfactory.sdk.reactor.testing.LeakGuardExtension;
import io.agentfactory.sdk.reactor.testing.PoolProbe;
import io.agentfactory.sdk.workarea.WorkareaDiffEntry;
import io.agentfactory.sdk.workarea.WorkareaDiffEvent;
import io.agentfactory.sdk.workarea.WorkareaDiffSummary;

/**
 * {@code soak.diffStreams} concurrent {@code streamDiff} calls (50 by default) of
 * {@code soak.diffEntries} entries each (20,000: about 3.8 MB of NDJSON, generated lazily and sent
 * in 8 KiB chunks cut anywhere in a line), each given a fate drawn from {@code soak.seed}:
 * cancelled before its first entry (the server holds the answer back while the client gives up),
 * cancelled after a random number of entries, or read to the end with its summary checked.
 * Every stream sees its entries in order, none lost or repeated; afterwards nothing is acquired
 * or pending, no buffer leaked, the heap is back near where it started. The pool holds
 * {@code soak.connections} connections (64). By default the run takes about 5 s; a heavier one:
 *
 * <pre>
 * ./mvnw -B -q -pl sdk-reactor -am test-compile surefire:test@default-test -Dtest=DiffSoakTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dsoak.diffStreams=500 -Dsoak.diffEntries=100000
 * </pre>
 */
class DiffSoakTest {

    private static final int STREAMS = Soak.size("soak.diffStreams", 50);
    private static final int ENTRIES = Soak.size("soak.diffEntries", 20_000);
    private static final int CONNECTIONS = Soak.size("soak.connections", 64);
    private static final long SEED = Soak.seed(20260521L);
    private static final int CHUNK_BYTES = 8192;
    private static final long HEAP_GROWTH_ALLOWED = 32L * 1024 * 1024;

    /** The second workarea id of a stream to be cancelled before its first entry: the server waits. */
    private static final String HELD_BACK = "held-back";
    private static final Duration HOLD = Duration.ofMillis(500);

    private static final WorkareaDiffSummary SUMMARY = GeneratedDiff.summaryFor(ENTRIES);

    /** What one stream is meant to do. */
    private enum Fate {
        CANCELLED_BEFORE_THE_FIRST_ENTRY, CANCELLED_MID_STREAM, READ_TO_THE_END
    }

    /**
     * What one stream saw.
     *
     * @param fate what it was meant to do
     * @param expectedEntries the entries it should have seen
     * @param entries the entries it saw
     * @param inOrder whether they were entries 0, 1, 2… with nothing missing or repeated
     * @param summary the summary it saw last, or {@code null}
     */
    private record Outcome(Fate fate, long expectedEntries, long entries, boolean inOrder,
            WorkareaDiffSummary summary) {

        boolean asPlanned() {
            return inOrder && entries == expectedEntries
                    && (fate == Fate.READ_TO_THE_END ? SUMMARY.equals(summary) : summary == null);
        }
    }

    @Test
    void concurrentDiffStreamsCancelledAtRandomPointsLeaveThePoolIdleAndTheHeapFlat() {
        try (Soak.Quiet quiet = Soak.quietSdkLogs();
             FaultServer server = FaultServer.startUnrecorded();
             PoolProbe pool = PoolProbe.create("diff-soak", CONNECTIONS, 2 * STREAMS);
             ReactorDaemonClient daemon = ReactorDaemonClient.create(DaemonClientOptions.builder()
                     .baseUrl(server.baseUrl())
                     .transport(TransportOptions.builder().connectionProvider(pool.provider()).build())
                     .build())) {
            Fault diff = Fault.head(200, "Content-Type: application/x-ndjson", "Transfer-Encoding: chunked")
                    .thenChunks(() -> GeneratedDiff.ndjson(ENTRIES, CHUNK_BYTES))
                    .thenLastChunk();
            Fault heldBack = Fault.pause(HOLD).then(diff);
            server.answer(request -> request.uri().endsWith("/" + HELD_BACK) ? heldBack : diff);
            LeakGuardExtension.flush();
            long heapBefore = Soak.usedHeapAfterGc();
            Random plan = new Random(SEED);
            List<Mono<Outcome>> streams = IntStream.range(0, STREAMS)
                    .mapToObj(i -> withRandomFate(daemon, plan))
                    .toList();
            LongAdder entries = new LongAdder();
            AtomicInteger[] byFate = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
            AtomicInteger broken = new AtomicInteger();

            long start = System.nanoTime();
            Flux.fromIterable(streams)
                    .flatMap(stream -> stream, STREAMS)
                    .doOnNext(outcome -> {
                        entries.add(outcome.entries());
                        byFate[outcome.fate().ordinal()].incrementAndGet();
                        if (!outcome.asPlanned()) {
                            broken.incrementAndGet();
                            System.out.println("SOAK diff: not as planned: " + outcome);
                        }
                    })
                    .then()
                    .block(Duration.ofMinutes(2));
            Duration wall = Duration.ofNanos(System.nanoTime() - start);

            pool.awaitIdle(Duration.ofSeconds(10));
            assertThat(LeakGuardExtension.flush()).as("leak reports").isEmpty();
            long heapAfter = Soak.usedHeapAfterGc();
            System.out.printf("SOAK diff: streams=%d entriesEach=%d connections=%d seed=%d wall=%d ms entries=%d "
                    + "cancelledBeforeFirst=%d cancelledMidStream=%d readToTheEnd=%d connectionsOpened=%d after=%s "
                    + "heapBefore=%d MB heapAfter=%d MB%n",
                    STREAMS, ENTRIES, CONNECTIONS, SEED, wall.toMillis(), entries.sum(), byFate[0].get(),
                    byFate[1].get(), byFate[2].get(), server.connectionCount(), pool, Soak.mb(heapBefore),
                    Soak.mb(heapAfter));

            assertThat(broken.get()).as("streams with entries lost, repeated, out of order or a wrong end")
                    .isZero();
            assertThat(byFate).as("streams of each fate").allSatisfy(count -> assertThat(count.get()).isPositive());
            assertThat(pool.acquired()).isZero();
            assertThat(pool.pending()).isZero();
            assertThat(heapAfter - heapBefore).as("heap growth").isLessThan(HEAP_GROWTH_ALLOWED);
        }
    }

    /**
     * One stream with a fate drawn from {@code plan}: cancelled 0 to 100 ms in, while the server
     * still holds the answer back; cancelled after 1 to {@code ENTRIES - 1} entries; or read whole.
     */
    private static Mono<Outcome> withRandomFate(ReactorDaemonClient daemon, Random plan) {
        Fate fate = Fate.values()[plan.nextInt(Fate.values().length)];
        return switch (fate) {
            case CANCELLED_BEFORE_THE_FIRST_ENTRY -> tally(fate, 0,
                    daemon.streamDiff("wa-1", HELD_BACK).take(Duration.ofMillis(plan.nextInt(100))));
            case CANCELLED_MID_STREAM -> {
                int cut = 1 + plan.nextInt(ENTRIES - 1);
                yield tally(fate, cut, daemon.streamDiff("wa-1", "wa-2").take(cut));
            }
            case READ_TO_THE_END -> tally(fate, ENTRIES, daemon.streamDiff("wa-1", "wa-2"));
        };
    }

    /** Folds a stream into its outcome without keeping its entries (they would weigh on the heap measured). */
    private static Mono<Outcome> tally(Fate fate, long expected, Flux<WorkareaDiffEvent> events) {
        return events.reduce(new Outcome(fate, expected, 0, true, null), (seen, event) -> {
            if (event instanceof WorkareaDiffEntry entry) {
                boolean next = seen.summary() == null && entry.path().endsWith("/Datei" + seen.entries() + ".java");
                return new Outcome(fate, expected, seen.entries() + 1, seen.inOrder() && next, seen.summary());
            }
            return new Outcome(fate, expected, seen.entries(), seen.inOrder() && seen.summary() == null,
                    (WorkareaDiffSummary) event);
        });
    }
}
