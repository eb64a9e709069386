package io.agentfactory.sdk.examples.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.agentfactory.sdk.reactor.codeintel.CodeIntelOptions;

/**
 * The code-intelligence benchmark: retrieval (find-symbol, locate-usage, dedup; regex and parser
 * extractors side by side) over this repository and the fixture corpus, and speed (cold index,
 * one-file refresh, reopen, warm queries, heap) on a generated 5,000-file tree. Writes
 * {@code CODEINTEL-BENCHMARKS.md} and {@code codeintel-benchmarks.csv}.
 *
 * <pre>
 * ./mvnw -q -B -Pbench -DskipTests verify                 # both benchmarks; this one is the codeintel-bench execution
 * </pre>
 *
 * <p>Arguments, {@code key=value}: {@code mode} ({@code full}, the default, or {@code smoke}),
 * {@code out} (the reports' directory, default {@code .}), {@code work} (scratch space, default
 * {@code target/.codeintel-bench}: a dot-directory, so that indexing the repository skips it),
 * {@code corpus} (default {@code src/bench/corpus}), {@code repo} (a directory inside the git
 * checkout, default {@code .}).
 */
public final class CodeIntelBenchmark {

    /** The report's file name. */
    static final String MARKDOWN = "CODEINTEL-BENCHMARKS.md";
    /** The CSV's file name. */
    static final String CSV = "codeintel-benchmarks.csv";
    /** Where the corpus lies in the repository. */
    static final String CORPUS_PATHSPEC = "sdk-examples/src/bench/corpus";

    private static final Set<String> KEYS = Set.of("mode", "out", "work", "corpus", "repo");

    private CodeIntelBenchmark() {
    }

    /** Runs the benchmark the arguments describe and prints where the reports went. */
    public static void main(String[] args) {
        Benchmarks.quietLogging();
        Map<String, String> options = Benchmarks.options(args);
        for (String key : options.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown argument " + key + "; expected one of " + KEYS);
            }
        }
        Written written = run(CodeIntelSettings.of(options.getOrDefault("mode", "full")),
                Path.of(options.getOrDefault("out", ".")), Path.of(options.getOrDefault("work", "target/.codeintel-bench")),
                Path.of(options.getOrDefault("corpus", "src/bench/corpus")), Path.of(options.getOrDefault("repo", ".")),
                line -> System.out.println("[codeintel-bench] " + line));
        System.out.println("[codeintel-bench] wrote " + written.markdown().toAbsolutePath().normalize() + " and "
                + written.csv().toAbsolutePath().normalize());
    }

    /**
     * Runs the benchmark and writes the two reports into {@code outDir}, keeping the hand-written
     * analysis of a previous report there. Blocks.
     */
    static Written run(CodeIntelSettings settings, Path outDir, Path workDir, Path corpusDir, Path insideRepository,
            Consumer<String> progress) {
        Instant started = Instant.now();
        long start = System.nanoTime();
        double loadAtStart = MachineInfo.loadAverage();
        Path repositoryRoot = GitGrep.repositoryRoot(insideRepository);
        progress.accept("snapshot of the repository's tracked sources (" + repositoryRoot + ")");
        BenchTree repository = BenchTree.repository(repositoryRoot, CORPUS_PATHSPEC, settings.repositoryPrefix(),
                workDir.resolve("repository"));
        BenchTree corpus = BenchTree.corpus(corpusDir.toAbsolutePath().normalize());
        List<BenchTree> trees = List.of(repository, corpus);
        progress.accept("ground truth by git grep");
        List<List<GitGrep.Declaration>> declarations = new ArrayList<>();
        List<List<RetrievalCases.Body>> bodies = new ArrayList<>();
        for (BenchTree tree : trees) {
            List<GitGrep.Declaration> found = RetrievalCases.declarations(tree);
            declarations.add(found);
            bodies.add(RetrievalCases.bodies(tree, found));
        }
        List<CodeIntelReport.TreeSummary> summaries = new ArrayList<>();
        List<RetrievalBenchmark.Score> scores = new ArrayList<>();
        for (int i = 0; i < trees.size(); i++) {
            BenchTree tree = trees.get(i);
            RetrievalCases cases = RetrievalCases.build(tree, declarations.get(i), bodies.get(i),
                    bodies.get(trees.size() - 1 - i), settings);
            summaries.add(new CodeIntelReport.TreeSummary(tree.name(), tree.sources().size(), declarations.get(i).size(),
                    cases));
            progress.accept("retrieval over " + tree.name() + ": regex extractors");
            scores.addAll(RetrievalBenchmark.run(tree, cases, "regex", CodeIntelOptions.regexOnly()));
            progress.accept("retrieval over " + tree.name() + ": default (parser) extractors");
            scores.addAll(RetrievalBenchmark.run(tree, cases, "parser", CodeIntelOptions.defaults()));
        }
        Map<String, List<String>> sources = new TreeMap<>();
        corpus.sources().forEach((path, lines) -> sources.put("corpus/" + path, lines));
        repository.sources().forEach((path, lines) -> sources.put("repository/" + path, lines));
        SpeedBenchmark.Result speed = SpeedBenchmark.run(sources, workDir.resolve("speed"), settings, progress);
        CodeIntelReport report = new CodeIntelReport(settings, MachineInfo.current(), started,
                Duration.ofNanos(System.nanoTime() - start), loadAtStart, MachineInfo.loadAverage(), javaParserPresent(),
                summaries, scores, speed);
        return write(report, outDir);
    }

    /** Whether JavaParser is on the class path, so that {@code defaults()} reads Java with it. */
    static boolean javaParserPresent() {
        try {
            Class.forName("com.github.javaparser.JavaParser", false, CodeIntelBenchmark.class.getClassLoader());
            return true;
        }
        catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Written write(CodeIntelReport report, Path outDir) {
        try {
            Files.createDirectories(outDir);
            Path markdown = outDir.resolve(MARKDOWN);
            Path csv = outDir.resolve(CSV);
            String analysis = Benchmarks.keptAnalysis(markdown);
            Files.writeString(markdown, report.markdown(analysis), StandardCharsets.UTF_8);
            Files.writeString(csv, report.csv(), StandardCharsets.UTF_8);
            return new Written(markdown, csv, report);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where the reports went.
     *
     * @param markdown {@code CODEINTEL-BENCHMARKS.md}
     * @param csv {@code codeintel-benchmarks.csv}
     * @param report what they hold
     */
    record Written(Path markdown, Path csv, CodeIntelReport report) {
    }
}
