package io.agentfactory.sdk.examples.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.agentfactory.sdk.codeintel.CodeQuery;
import io.agentfactory.sdk.codeintel.DuplicateQuery;
import io.agentfactory.sdk.codeintel.IndexStats;
import io.agentfactory.sdk.codeintel.IndexedFile;
import io.agentfactory.sdk.codeintel.RefreshResult;
import io.agentfactory.sdk.codeintel.Symbol;
import io.agentfactory.sdk.codeintel.SymbolQuery;
import io.agentfactory.sdk.reactor.codeintel.CodeIntelOptions;
import io.agentfactory.sdk.reactor.codeintel.ReactorCodeIntel;

/**
 * Speed of the engine on a generated tree: cold index (walk, hash, extract, persist), incremental
 * refresh after a one-file edit and with nothing changed, reopen of the persisted index, warm query
 * latency per query type, and heap. The tree is the corpus and this repository's sources copied
 * round-robin until it holds the asked number of files, each copy ending in a comment naming its
 * copy number (so that no two files are identical); deterministic.
 */
final class SpeedBenchmark {

    /** The query types, in report order. */
    static final List<String> QUERY_TYPES = List.of("searchSymbols", "searchCode", "checkDuplicate");

    private static final double MIB = 1024 * 1024;

    private SpeedBenchmark() {
    }

    /**
     * What was measured.
     *
     * @param files files indexed
     * @param symbols symbols extracted
     * @param treeBytes the tree's source bytes
     * @param coldMillis cold builds, one per round
     * @param coldCpuMillis the process's CPU time during each cold build (all threads)
     * @param coldLiveHeapMiB the most heap live after a collection during each cold build
     * @param retainedHeapMiB heap the warm index holds (after collections, with and without it)
     * @param indexJsonBytes the persisted index's size
     * @param refreshMillis one-file-edit refreshes
     * @param refreshCpuMillis the process's CPU time during each of them
     * @param unchangedRefreshMillis refreshes with nothing changed
     * @param reopenMillis reopens of the persisted index by a new instance
     * @param p50Micros per query type, each round's median latency
     * @param p99Micros per query type, each round's 99th percentile
     * @param cpuMicros per query type, each round's process CPU time per query (mean, all threads)
     * @param queries queries of each type per round
     */
    record Result(int files, int symbols, long treeBytes, List<Double> coldMillis, List<Double> coldCpuMillis,
            List<Double> coldLiveHeapMiB, double retainedHeapMiB, long indexJsonBytes, List<Double> refreshMillis,
            List<Double> refreshCpuMillis, List<Double> unchangedRefreshMillis,
            List<Double> reopenMillis, Map<String, List<Double>> p50Micros, Map<String, List<Double>> p99Micros,
            Map<String, List<Double>> cpuMicros, int queries) {
    }

    /** Generates the tree under {@code workDir} from {@code sources} and measures. */
    static Result run(Map<String, List<String>> sources, Path workDir, CodeIntelSettings settings,
            java.util.function.Consumer<String> progress) {
        Path tree = workDir.resolve("tree");
        Map<String, String> generated = generate(sources, tree, settings.treeFiles());
        long bytes = generated.values().stream().mapToLong(text -> text.getBytes(StandardCharsets.UTF_8).length).sum();
        CodeIntelOptions options = CodeIntelOptions.defaults();
        long baseline = usedHeapAfterGc();
        List<Double> cold = new ArrayList<>();
        List<Double> coldHeap = new ArrayList<>();
        List<Double> coldCpu = new ArrayList<>();
        ReactorCodeIntel warm = null;
        IndexStats stats = null;
        try (LiveHeap liveHeap = new LiveHeap()) {
            for (int round = 0; round < settings.coldRounds(); round++) {
                progress.accept("cold index of " + generated.size() + " files, round " + (round + 1));
                warm = null;
                Bench.deleteTree(tree.resolve(".donmai"));
                usedHeapAfterGc();
                liveHeap.reset();
                long cpu = processCpuNanos();
                long start = System.nanoTime();
                ReactorCodeIntel code = (ReactorCodeIntel) ReactorCodeIntel.open(tree, options);
                stats = code.stats().block();
                cold.add((System.nanoTime() - start) / 1e6);
                coldCpu.add((processCpuNanos() - cpu) / 1e6);
                coldHeap.add(liveHeap.maxAfterGcBytes() / MIB);
                warm = code;
            }
        }
        double retained = (usedHeapAfterGc() - baseline) / MIB;
        long indexJson = size(tree.resolve(".donmai/code-index/index.json"));

        progress.accept("one-file refreshes");
        String edited = generated.keySet().stream().filter(path -> path.endsWith(".go")).findFirst()
                .orElse(generated.keySet().iterator().next());
        List<Double> refresh = new ArrayList<>();
        List<Double> refreshCpu = new ArrayList<>();
        List<Double> unchanged = new ArrayList<>();
        for (int round = 0; round < settings.refreshRounds(); round++) {
            append(tree.resolve(edited), BenchLanguage.of(edited).orElseThrow().lineComment() + " edit " + round + "\n"
                    + (edited.endsWith(".go") ? "func BenchEdit" + round + "() int { return " + round + " }\n" : ""));
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            RefreshResult result = warm.refreshIncremental().block();
            refresh.add((System.nanoTime() - start) / 1e6);
            refreshCpu.add((processCpuNanos() - cpu) / 1e6);
            if (result.modified() != 1 || result.extracted() != 1 || result.deleted() != 0) {
                throw new IllegalStateException("a one-file edit refreshed " + result);
            }
            Map<String, String> hashes = hashes(warm);
            start = System.nanoTime();
            RefreshResult none = warm.refreshIncremental().block();
            unchanged.add((System.nanoTime() - start) / 1e6);
            if (none.extracted() != 0) {
                Map<String, String> after = hashes(warm);
                List<String> changed = after.keySet().stream().filter(p -> !after.get(p).equals(hashes.get(p))).toList();
                throw new IllegalStateException("an unchanged tree re-extracted " + none + ": " + changed);
            }
        }

        progress.accept("reopens of the persisted index");
        List<Double> reopen = new ArrayList<>();
        for (int round = 0; round < settings.reopenRounds(); round++) {
            long start = System.nanoTime();
            IndexStats reopened = ReactorCodeIntel.open(tree, options).stats().block();
            reopen.add((System.nanoTime() - start) / 1e6);
            if (reopened.files() != stats.files()) {
                throw new IllegalStateException("reopened " + reopened.files() + " files of " + stats.files());
            }
        }

        progress.accept("warm queries");
        List<IndexedFile> files = warm.files().collectList().block();
        List<Symbol> symbols = files.stream().flatMap(f -> f.symbols().stream()).toList();
        ReactorCodeIntel index = warm;
        Map<String, List<Supplier<Object>>> queries = new LinkedHashMap<>();
        queries.put("searchSymbols", Bench.spread(symbols.stream().map(Symbol::name).distinct().toList(),
                settings.queriesPerType()).stream()
                .<Supplier<Object>>map(name -> () -> index.searchSymbols(SymbolQuery.of(name)).block()).toList());
        queries.put("searchCode", Bench.spread(symbols.stream().map(SpeedBenchmark::phrase)
                .filter(phrase -> !phrase.isBlank()).distinct().toList(), settings.queriesPerType()).stream()
                .<Supplier<Object>>map(phrase -> () -> index.searchCode(CodeQuery.of(phrase)).collectList().block())
                .toList());
        queries.put("checkDuplicate", Bench.spread(symbols.stream().filter(s -> s.endLine() >= s.line() + 4)
                .toList(), settings.queriesPerType()).stream()
                .map(s -> body(generated.get(s.filePath()), s))
                .<Supplier<Object>>map(body -> () -> index.checkDuplicate(DuplicateQuery.of(body)).block()).toList());
        queries.values().forEach(list -> list.forEach(Supplier::get)); // warm-up, and the BM25 corpus is built
        Map<String, List<Double>> p50 = new TreeMap<>();
        Map<String, List<Double>> p99 = new TreeMap<>();
        Map<String, List<Double>> cpuMicros = new TreeMap<>();
        for (int round = 0; round < settings.queryRounds(); round++) {
            for (Map.Entry<String, List<Supplier<Object>>> type : queries.entrySet()) {
                long[] nanos = new long[type.getValue().size()];
                long cpu = processCpuNanos();
                for (int i = 0; i < nanos.length; i++) {
                    long start = System.nanoTime();
                    type.getValue().get(i).get();
                    nanos[i] = System.nanoTime() - start;
                }
                cpuMicros.computeIfAbsent(type.getKey(), k -> new ArrayList<>())
                        .add((processCpuNanos() - cpu) / 1e3 / nanos.length);
                Arrays.sort(nanos);
                p50.computeIfAbsent(type.getKey(), k -> new ArrayList<>()).add(Spread.percentile(nanos, 50) / 1e3);
                p99.computeIfAbsent(type.getKey(), k -> new ArrayList<>()).add(Spread.percentile(nanos, 99) / 1e3);
            }
        }
        return new Result(stats.files(), stats.symbols(), bytes, cold, coldCpu, coldHeap, retained, indexJson, refresh,
                refreshCpu, unchanged, reopen, p50, p99, cpuMicros, settings.queriesPerType());
    }

    /** Writes the tree: {@code count} files, the sources round-robin, copy {@code k} under {@code copy-k/}. */
    static Map<String, String> generate(Map<String, List<String>> sources, Path tree, int count) {
        Bench.deleteTree(tree);
        List<String> paths = new ArrayList<>(sources.keySet());
        Map<String, String> out = new TreeMap<>();
        try {
            for (int i = 0; i < count; i++) {
                String source = paths.get(i % paths.size());
                int copy = i / paths.size();
                String path = "copy-" + copy + "/" + source;
                String text = String.join("\n", sources.get(source)) + "\n"
                        + BenchLanguage.of(source).orElseThrow().lineComment() + " generated copy " + copy + "\n";
                Path file = tree.resolve(path);
                Files.createDirectories(file.getParent());
                Files.writeString(file, text, StandardCharsets.UTF_8);
                out.put(path, text);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Map<String, String> hashes(ReactorCodeIntel code) {
        Map<String, String> out = new TreeMap<>();
        code.files().doOnNext(file -> out.put(file.path(), file.gitHash())).blockLast();
        return out;
    }

    private static String phrase(Symbol symbol) {
        String[] words = symbol.documentation().replaceAll("[^\\p{L}\\p{N} ]+", " ").trim().split("\\s+");
        return String.join(" ", Arrays.asList(words).subList(0, Math.min(3, words.length)));
    }

    private static String body(String text, Symbol symbol) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(symbol.line() - 1, Math.min(lines.size(), symbol.endLine())));
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        }
        catch (IOException e) {
            return -1;
        }
    }

    /** CPU time of every thread of this process so far. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Heap in use after two collections. */
    static long usedHeapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

}
