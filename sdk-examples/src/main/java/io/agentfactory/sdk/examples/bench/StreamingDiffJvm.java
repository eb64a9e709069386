package io.agentfactory.sdk.examples.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectReader;

import io.agentfactory.sdk.reactor.daemon.DaemonClientOptions;
import io.agentfactory.sdk.reactor.daemon.ReactorDaemonClient;
import io.agentfactory.sdk.reactor.internal.json.JsonCodec;
import io.agentfactory.sdk.workarea.WorkareaDiffEntry;
import io.agentfactory.sdk.workarea.WorkareaDiffSummary;

/**
 * The streaming-diff benchmark's own JVM, started by {@link StreamingDiffBenchmark} with a small
 * heap ({@code -Xmx64m}) so that bounded memory is shown, not assumed. In one fresh JVM: the SDK's
 * first (cold) run, then warm-up, then rounds alternating the SDK's diff {@code Flux} from the
 * loopback server with the decode limit — Jackson decoding the same NDJSON bytes from memory (the
 * file, in the page cache, read into a reused buffer) into the same records. Each run records wall
 * time, process CPU, peak heap, peak RSS and GC; both variants must agree on every entry's sizes.
 *
 * <p>Arguments, {@code key=value}: {@code url}, {@code file}, {@code entries}, {@code warmup},
 * {@code rounds}, {@code out} (where the {@link Report} is written as JSON), and
 * {@code decode-cold-only=true} to run only the decode limit, once, cold: the baseline's own first
 * run in a fresh JVM, for comparison with the SDK's.
 */
public final class StreamingDiffJvm {

    static final String SDK = "SDK";
    static final String DECODE = "Jackson from memory";

    private static final Duration RUN_LIMIT = Duration.ofMinutes(5);
    private static final ObjectReader ENTRY = reader(WorkareaDiffEntry.class);
    private static final ObjectReader SUMMARY_LINE = reader(SummaryLine.class);
    private static final byte[] SUMMARY_KEY = "{\"summary\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private StreamingDiffJvm() {
    }

    /**
     * Runs the benchmark as the arguments say and writes its report.
     *
     * @param args {@code key=value} pairs, see the class documentation
     */
    public static void main(String[] args) throws IOException {
        Benchmarks.quietLogging();
        Map<String, String> options = Benchmarks.options(args);
        String url = Benchmarks.required(options, "url");
        Path file = Path.of(Benchmarks.required(options, "file"));
        long entries = Long.parseLong(Benchmarks.required(options, "entries"));
        int warmup = Integer.parseInt(Benchmarks.required(options, "warmup"));
        int rounds = Integer.parseInt(Benchmarks.required(options, "rounds"));
        Path out = Path.of(Benchmarks.required(options, "out"));
        boolean coldOnly = options.getOrDefault("decode-cold-only", "false").equals("true");

        long startupPeakRss = ProcessMemory.peakRssBytes();
        boolean peakResettable = ProcessMemory.resetPeak();
        List<Run> runs = new ArrayList<>();
        try (ReactorDaemonClient daemon = ReactorDaemonClient.create(DaemonClientOptions.builder().baseUrl(url).build());
                LiveHeap live = new LiveHeap()) {
            Supplier<Tally> sdk = () -> streamThroughSdk(daemon);
            Supplier<Tally> decode = () -> decodeFromMemory(file);
            if (coldOnly) {
                runs.add(measure(DECODE, "cold", decode, entries, live));
            }
            else {
                runs.add(measure(SDK, "cold", sdk, entries, live));
                for (int i = 0; i < warmup; i++) {
                    runs.add(measure(DECODE, "warm-up", decode, entries, live));
                    runs.add(measure(SDK, "warm-up", sdk, entries, live));
                }
                for (int round = 0; round < rounds; round++) {
                    // A B, B A, …: neither side always runs right after a GC-heavy neighbour.
                    boolean sdkFirst = round % 2 == 0;
                    runs.add(measure(sdkFirst ? SDK : DECODE, "measured", sdkFirst ? sdk : decode, entries, live));
                    runs.add(measure(sdkFirst ? DECODE : SDK, "measured", sdkFirst ? decode : sdk, entries, live));
                }
            }
        }
        Report report = new Report(Runtime.version().toString(), LiveHeap.collectorNames(), Runtime.getRuntime().maxMemory(),
                startupPeakRss, peakResettable, runs);
        Files.write(out, JsonCodec.get().encode(report));
    }

    /** Every entry of the diff through {@code streamDiff}, counted as it arrives (on the event loop). */
    private static Tally streamThroughSdk(ReactorDaemonClient daemon) {
        Tally tally = new Tally();
        daemon.streamDiff("bench-a", BenchServer.LARGE_DIFF)
                .doOnNext(event -> {
                    if (event instanceof WorkareaDiffEntry entry) {
                        tally.entry(entry);
                    }
                    else {
                        tally.summary((WorkareaDiffSummary) event);
                    }
                })
                .blockLast(RUN_LIMIT);
        return tally;
    }

    /**
     * The decode limit: the same bytes, cut into lines in a reused 1 MiB buffer and decoded by the
     * SDK's JSON configuration into the same records, with nothing else (no socket, no UTF-8
     * check, no reactive signals).
     */
    static Tally decodeFromMemory(Path file) {
        Tally tally = new Tally();
        byte[] buffer = new byte[1 << 20];
        ByteBuffer window = ByteBuffer.wrap(buffer);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            int carried = 0;
            while (true) {
                window.clear().position(carried);
                int read = channel.read(window);
                if (read < 0) {
                    break;
                }
                int end = carried + read;
                int lineStart = 0;
                for (int i = carried; i < end; i++) {
                    if (buffer[i] == '\n') {
                        decodeLine(buffer, lineStart, i - lineStart, tally);
                        lineStart = i + 1;
                    }
                }
                carried = end - lineStart;
                System.arraycopy(buffer, lineStart, buffer, 0, carried);
            }
            if (carried > 0) {
                decodeLine(buffer, 0, carried, tally);
            }
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return tally;
    }

    private static void decodeLine(byte[] bytes, int offset, int length, Tally tally) {
        if (length == 0) {
            return;
        }
        if (java.util.Arrays.equals(bytes, offset, Math.min(offset + SUMMARY_KEY.length, offset + length),
                SUMMARY_KEY, 0, SUMMARY_KEY.length)) {
            SummaryLine line = SUMMARY_LINE.readValue(bytes, offset, length);
            tally.summary(line.summary());
            return;
        }
        tally.entry(ENTRY.readValue(bytes, offset, length));
    }

    private static Run measure(String variant, String phase, Supplier<Tally> work, long expectedEntries,
            LiveHeap live) {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        live.reset();
        long[] gcBefore = gcCountAndMillis();
        ProcessMemory.resetPeak();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        Tally tally = work.get();
        long wall = System.nanoTime() - start;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long heapPeak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        long[] gcAfter = gcCountAndMillis();
        tally.check(variant, expectedEntries);
        return new Run(variant, phase, tally.entries, tally.sizes, wall, cpu, heapPeak, live.maxAfterGcBytes(),
                ProcessMemory.peakRssBytes(), gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1]);
    }

    private static long[] gcCountAndMillis() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private static ObjectReader reader(Class<?> type) {
        return JsonCodec.get().readerFor(JsonCodec.get().typeOf(type));
    }

    /** The last NDJSON line. */
    record SummaryLine(@Nullable WorkareaDiffSummary summary) {
    }

    /** What a run decoded: entries and the sum of their sizes, checked against the summary. Single-threaded. */
    static final class Tally {
        private long entries;
        private long sizes;
        private @Nullable WorkareaDiffSummary summary;

        void entry(WorkareaDiffEntry entry) {
            entries++;
            sizes += entry.sizeA() + entry.sizeB();
        }

        void summary(@Nullable WorkareaDiffSummary last) {
            this.summary = last;
        }

        long entries() {
            return entries;
        }

        long sizes() {
            return sizes;
        }

        void check(String variant, long expected) {
            if (entries != expected || summary == null || summary.total() != expected) {
                throw new IllegalStateException(variant + " decoded " + entries + " entries and summary " + summary
                        + ", expected " + expected);
            }
        }
    }

    /**
     * One run in the benchmark JVM.
     *
     * @param variant {@value #SDK} or {@value #DECODE}
     * @param phase {@code cold}, {@code warm-up} or {@code measured}
     * @param entries entries decoded
     * @param sizes the sum of the entries' sizes (both variants must agree)
     * @param wallNanos wall time
     * @param cpuNanos the whole process's CPU time (all threads, GC and JIT included)
     * @param heapPeakBytes the sum of the heap pools' peak use (an upper bound of the peak heap, garbage included)
     * @param liveHeapBytes the most heap in use right after a collection during the run (0 when none ran)
     * @param rssPeakBytes the process's peak RSS during the run ({@code VmHWM} reset before), -1 if unknown
     * @param gcCount collections during the run
     * @param gcMillis time in collections during the run
     */
    record Run(String variant, String phase, long entries, long sizes, long wallNanos, long cpuNanos,
            long heapPeakBytes, long liveHeapBytes, long rssPeakBytes, long gcCount, long gcMillis) {

        double entriesPerSecond() {
            return entries * 1e9 / wallNanos;
        }
    }

    /**
     * What the benchmark JVM reports.
     *
     * @param jdk the JVM's version
     * @param garbageCollectors the collectors in use
     * @param maxHeapBytes {@code Runtime.maxMemory()}
     * @param startupPeakRss the peak RSS before the first run
     * @param peakRssPerRun whether the peak RSS could be reset per run (else each is the process's peak so far)
     * @param runs every run, in order
     */
    record Report(String jdk, List<String> garbageCollectors, long maxHeapBytes, long startupPeakRss,
            boolean peakRssPerRun, List<Run> runs) {
    }
}
