package io.agentfactory.sdk.examples;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.daemon.DaemonClient;
import io.agentfactory.sdk.examples.simulator.AgentFactorySimulator;
import io.agentfactory.sdk.examples.simulator.SimulatedIds;
import io.agentfactory.sdk.workarea.WorkareaDiffEntry;
import io.agentfactory.sdk.workarea.WorkareaDiffEvent;
import io.agentfactory.sdk.workarea.WorkareaDiffStatus;
import io.agentfactory.sdk.workarea.WorkareaDiffSummary;

/**
 * Example 3 — stream a workarea diff of a million entries with backpressure, printing a progress
 * line as it goes and the heap in use, in constant memory: each entry is counted and dropped,
 * never collected. The socket is read only as fast as this pipeline consumes.
 *
 * <pre>{@code
 * ./mvnw -q -B -Pdemo -DskipTests verify -Ddemo.mainClass=io.agentfactory.sdk.examples.LargeDiffStream
 * }</pre>
 */
public final class LargeDiffStream {

    /** The heap is sampled this often (in entries) for the peak reported at the end. */
    static final long HEAP_SAMPLE_EVERY = 10_000;

    /**
     * The running count of a diff stream: entries by status, and the daemon's summary once it came.
     *
     * @param entries entries so far
     * @param added {@code added} entries so far
     * @param removed {@code removed} entries so far
     * @param modified {@code modified} entries so far
     * @param summary the summary line; {@code null} until the end of the stream
     */
    public record Progress(long entries, long added, long removed, long modified, @Nullable WorkareaDiffSummary summary) {

        /** Nothing counted yet. */
        public static final Progress START = new Progress(0, 0, 0, 0, null);

        /** This count with one more event. */
        public Progress plus(WorkareaDiffEvent event) {
            if (event instanceof WorkareaDiffSummary last) {
                return new Progress(entries, added, removed, modified, last);
            }
            WorkareaDiffStatus status = ((WorkareaDiffEntry) event).status();
            return new Progress(entries + 1, added + (status.equals(WorkareaDiffStatus.ADDED) ? 1 : 0),
                    removed + (status.equals(WorkareaDiffStatus.REMOVED) ? 1 : 0),
                    modified + (status.equals(WorkareaDiffStatus.MODIFIED) ? 1 : 0), null);
        }
    }

    /**
     * What streaming the diff took.
     *
     * @param result the final count, with the summary
     * @param elapsed from subscription to the summary
     * @param peakHeapBytes the most heap in use seen (sampled every {@value #HEAP_SAMPLE_EVERY} entries)
     * @param progressLines how many progress lines were printed
     */
    public record Report(Progress result, Duration elapsed, long peakHeapBytes, int progressLines) {

        /** Entries per second. */
        public long entriesPerSecond() {
            return result.entries() * 1000 / Math.max(1, elapsed.toMillis());
        }
    }

    private final DaemonClient daemon;
    private final long progressEvery;
    private final Consumer<String> out;

    /**
     * @param daemon the daemon
     * @param progressEvery a progress line every this many entries
     * @param out where progress lines go (called on the client's threads)
     */
    public LargeDiffStream(DaemonClient daemon, long progressEvery, Consumer<String> out) {
        if (progressEvery < 1) {
            throw new IllegalArgumentException("progressEvery must be positive: " + progressEvery);
        }
        this.daemon = daemon;
        this.progressEvery = progressEvery;
        this.out = out;
    }

    /**
     * Streams {@code GET /api/daemon/workareas/<idA>/diff/<idB>} to its end. Fails with the SDK's
     * {@link io.agentfactory.sdk.error.DiffStreamException} when the stream is cut short, fails
     * mid-way or its summary disagrees with the entries.
     */
    public Mono<Report> stream(String idA, String idB) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            AtomicLong peakHeap = new AtomicLong();
            AtomicInteger lines = new AtomicInteger();
            return daemon.streamDiff(idA, idB)
                    .scan(Progress.START, Progress::plus)    // one running count: memory stays flat
                    .doOnNext(progress -> {
                        if (progress.entries() % HEAP_SAMPLE_EVERY == 0) {
                            peakHeap.accumulateAndGet(heapInUse(), Math::max);
                        }
                    })
                    .filter(progress -> progress.summary() != null
                            || progress.entries() > 0 && progress.entries() % progressEvery == 0)
                    .doOnNext(progress -> {
                        lines.incrementAndGet();
                        out.accept(progressLine(progress, heapInUse()));
                    })
                    .last()
                    .map(last -> new Report(last, Duration.ofNanos(System.nanoTime() - start), peakHeap.get(), lines.get()));
        });
    }

    static long heapInUse() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static String progressLine(Progress p, long heapBytes) {
        String counts = String.format(Locale.ROOT, "%,11d entries  (%,d added · %,d removed · %,d modified)",
                p.entries(), p.added(), p.removed(), p.modified());
        return "  " + (p.summary() == null ? counts : counts.replace(" entries", " entries, summary received"))
                + "  heap in use " + mb(heapBytes);
    }

    static String mb(long bytes) {
        return bytes / (1024 * 1024) + " MB";
    }

    /**
     * Streams the diff of {@code --archive-a} and {@code --archive-b}; with the simulator, by default
     * the diff of a checkpoint against a synthetic archive of {@code --entries} (default 1,000,000)
     * entries. Checks: the summary's total equals the entries streamed.
     */
    static boolean run(ExampleServices services, Consumer<String> out) {
        long entries = services.arguments().number("entries", 1_000_000);
        if (services.simulator().isEmpty() && (services.arguments().value("archive-a").isEmpty()
                || services.arguments().value("archive-b").isEmpty())) {
            throw new IllegalArgumentException("name the archives to diff: --archive-a <id> --archive-b <id>");
        }
        String idA = services.arguments().value("archive-a").orElse(SimulatedIds.ARCHIVE_CHECKPOINT);
        String idB = services.arguments().value("archive-b").orElseGet(() -> AgentFactorySimulator.syntheticArchive(entries));
        long every = Math.max(1, services.arguments().value("archive-b").isPresent() ? 100_000 : entries / 10);
        out.accept("Streaming the diff of " + idA + " and " + idB + " (a progress line every " + TextTable.count(every)
                + " entries)");
        Report report = new LargeDiffStream(services.daemon(), every, out).stream(idA, idB).block();
        WorkareaDiffSummary summary = report.result().summary();
        out.accept(String.format(Locale.ROOT, "Streamed %s entries in %.1f s (%s entries/s), none kept; summary "
                        + "total %s; peak heap in use %s (max heap %s)",
                TextTable.count(report.result().entries()), report.elapsed().toMillis() / 1000.0,
                TextTable.count(report.entriesPerSecond()), summary == null ? "-" : TextTable.count(summary.total()),
                mb(report.peakHeapBytes()), mb(Runtime.getRuntime().maxMemory())));
        return summary != null && summary.total() == report.result().entries();
    }

    /** Runs the example alone (see {@link ExampleServices}; also {@code --entries}, {@code --archive-a}, {@code --archive-b}). */
    public static void main(String[] args) {
        Example.launch(args, LargeDiffStream::run);
    }
}
