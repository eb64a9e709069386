package io.agentfactory.sdk.examples.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The code-intelligence run rendered as {@code CODEINTEL-BENCHMARKS.md} (retrieval tables, regex
 * and parser extractors side by side; speed with min/median/max over rounds against the issue's
 * targets) and {@code codeintel-benchmarks.csv} (every number, one per line, in the format of
 * {@code benchmarks.csv}).
 *
 * @param settings the sizes the run used
 * @param machine what it ran on
 * @param started when it started
 * @param took how long it took
 * @param loadAtStart the 1-minute load average at start
 * @param loadAtEnd the 1-minute load average at the end
 * @param javaParserPresent whether JavaParser was on the class path (the parser column's Java extractor)
 * @param trees the trees scored, in order, with their case counts
 * @param scores every retrieval score
 * @param speed the speed figures
 */
record CodeIntelReport(CodeIntelSettings settings, MachineInfo machine, Instant started, Duration took,
        double loadAtStart, double loadAtEnd, boolean javaParserPresent, List<TreeSummary> trees,
        List<RetrievalBenchmark.Score> scores, SpeedBenchmark.Result speed) {

    /** The command that produces the full report. */
    static final String COMMAND = "./mvnw -q -B -Pbench -DskipTests verify";
    /** The extractor sets compared. */
    static final List<String> EXTRACTORS = List.of("regex", "parser");
    /** Targets of issue 17 (reported, never asserted). */
    static final double COLD_TARGET_SECONDS = 10;
    static final double REFRESH_TARGET_MILLIS = 200;
    static final double QUERY_P50_TARGET_MILLIS = 10;

    /**
     * A tree and what was drawn from it.
     *
     * @param name the tree's name
     * @param files its source files
     * @param declarations its declaration lines by {@code git grep}
     * @param cases the cases drawn
     */
    record TreeSummary(String name, int files, int declarations, RetrievalCases cases) {
    }

    /** One row of the targets table. */
    record Target(String measure, String unit, Spread spread, double limit, String limitText) {

        String verdict() {
            return spread.median() <= limit ? "met" : "missed";
        }
    }

    /** The speed targets, in report order. */
    List<Target> targets() {
        List<Target> out = new ArrayList<>();
        out.add(new Target("cold index of " + BenchReport.num(speed.files()) + " files", "s",
                spreadOf(speed.coldMillis(), 1e-3), COLD_TARGET_SECONDS, "≤ 10 s"));
        out.add(new Target("refresh after a one-file edit", "ms", spreadOf(speed.refreshMillis(), 1),
                REFRESH_TARGET_MILLIS, "≤ 200 ms"));
        for (String type : SpeedBenchmark.QUERY_TYPES) {
            out.add(new Target("warm " + type + " p50", "ms", spreadOf(speed.p50Micros().get(type), 1e-3),
                    QUERY_P50_TARGET_MILLIS, "≤ 10 ms"));
        }
        return out;
    }

    /** {@code codeintel-benchmarks.csv}. */
    String csv() {
        StringBuilder csv = new StringBuilder(BenchReport.CSV_HEADER).append('\n');
        for (RetrievalBenchmark.Score s : scores) {
            if (!Double.isNaN(s.value())) {
                row(csv, s.task() + " (" + s.tree() + ")", s.extractors() + " " + s.language(), s.metric(), "rate",
                        Spread.single(s.value()), s.n());
            }
        }
        String tree = "speed (" + speed.files() + " files)";
        row(csv, tree, "cold index", "wall", "ms", Spread.of(speed.coldMillis()), speed.coldMillis().size());
        row(csv, tree, "cold index", "process CPU", "ms", Spread.of(speed.coldCpuMillis()), speed.coldCpuMillis().size());
        row(csv, tree, "one-file refresh", "process CPU", "ms", Spread.of(speed.refreshCpuMillis()),
                speed.refreshCpuMillis().size());
        row(csv, tree, "cold index", "live heap after GC", "MiB", Spread.of(speed.coldLiveHeapMiB()),
                speed.coldLiveHeapMiB().size());
        row(csv, tree, "warm index", "retained heap", "MiB", Spread.single(speed.retainedHeapMiB()), 1);
        row(csv, tree, "one-file refresh", "wall", "ms", Spread.of(speed.refreshMillis()), speed.refreshMillis().size());
        row(csv, tree, "unchanged refresh", "wall", "ms", Spread.of(speed.unchangedRefreshMillis()),
                speed.unchangedRefreshMillis().size());
        row(csv, tree, "reopen persisted index", "wall", "ms", Spread.of(speed.reopenMillis()),
                speed.reopenMillis().size());
        for (String type : SpeedBenchmark.QUERY_TYPES) {
            row(csv, tree, "warm " + type, "p50", "µs", Spread.of(speed.p50Micros().get(type)),
                    speed.p50Micros().get(type).size());
            row(csv, tree, "warm " + type, "p99", "µs", Spread.of(speed.p99Micros().get(type)),
                    speed.p99Micros().get(type).size());
            row(csv, tree, "warm " + type, "process CPU per query", "µs", Spread.of(speed.cpuMicros().get(type)),
                    speed.cpuMicros().get(type).size());
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String benchmark, String variant, String metric, String unit, Spread s,
            int n) {
        csv.append(String.join(",", field(benchmark), field(variant), field(metric), field(unit), Integer.toString(n),
                plain(s.min()), plain(s.median()), plain(s.max()))).append('\n');
    }

    /** {@code CODEINTEL-BENCHMARKS.md}, with {@code analysis} (kept from the previous file) at the end. */
    String markdown(String analysis) {
        StringBuilder md = new StringBuilder("# Code-intelligence benchmarks\n\n");
        md.append("Run of ").append(started.truncatedTo(ChronoUnit.SECONDS)).append(" (").append(settings.mode())
                .append(" mode), produced by `").append(COMMAND).append("` (the `codeintel-bench` execution) in ")
                .append(took.toMinutes()).append(" min ").append(took.toSecondsPart()).append(" s.\n\n");
        md.append("- **Machine:** ").append(machine.cpu()).append(", ").append(machine.cores()).append(" cores, ")
                .append(BenchReport.num(machine.memoryMiB() / 1024.0)).append(" GiB RAM, ").append(machine.os())
                .append("; shared with other engineers' builds — 1-minute load average ")
                .append(BenchReport.num(loadAtStart)).append(" at start, ").append(BenchReport.num(loadAtEnd))
                .append(" at the end. Figures are indicative.\n");
        md.append("- **JDK:** ").append(machine.jdk()).append(", ").append(machine.maxHeapMiB()).append(" MiB heap, ")
                .append(machine.garbageCollectors()).append(".\n");
        md.append("- **Extractors:** *regex* is `CodeIntelOptions.regexOnly()`, *parser* is `CodeIntelOptions.defaults()`")
                .append(javaParserPresent ? ", which reads Java with JavaParser (present on the class path)"
                        : " (JavaParser was absent: both columns are the regex extractors)")
                .append("; the other languages have no parser yet, so only the Java rows can differ.\n");
        md.append("- **Ground truth:** `git grep` over the tracked files, by the reference's evaluation method. ")
                .append("Declaration lines are found with one extended regular expression per language (the ")
                .append("benchmark's own, independent of the extractors); find-symbol takes names declared exactly ")
                .append("once in the tree (4+ characters) and expects that file with a line within ±")
                .append(RetrievalBenchmark.LINE_WINDOW).append(" of the declaration line; locate-usage expects the ")
                .append("files `git grep -lw` finds (2 to 40) and scores the files of `searchCode(name, 20)`; dedup ")
                .append("checks copies (indentation doubled, trailing spaces, and the first 0, 1 or 3 identifiers ")
                .append("renamed, in order of first use) of declaration bodies (5–80 lines) and whole files (5–400 lines) with ")
                .append("`checkDuplicate(content, 5, threshold 3)` — found when a match names the original file — ")
                .append("and negatives: bodies of the other tree whose token-set Jaccard similarity with every body ")
                .append("and file here is below ").append(RetrievalCases.NEGATIVE_MAX_JACCARD)
                .append(". Cases are spread evenly over each language's candidates (at most ")
                .append(settings.findSymbolCases()).append(" find-symbol, ").append(settings.usageCases())
                .append(" locate-usage, ").append(settings.dedupBodies()).append(" + ").append(settings.dedupFiles())
                .append(" dedup positives and ").append(settings.dedupNegatives())
                .append(" negatives per language and tree); deterministic.\n");
        md.append("- **Trees:** ");
        List<String> treeTexts = new ArrayList<>();
        for (TreeSummary tree : trees) {
            treeTexts.add(tree.name() + " (" + tree.files() + " source files, "
                    + tree.declarations() + " declaration lines; " + tree.cases().findSymbol().size()
                    + " find-symbol, " + tree.cases().usages().size() + " locate-usage, " + tree.cases().dedup().size()
                    + " dedup cases)");
        }
        md.append(String.join("; ", treeTexts)).append(". The repository tree is its tracked sources without the ")
                .append("corpus (`sdk-examples/src/bench/corpus/`), copied out of the working tree")
                .append(settings.repositoryPrefix().isEmpty() ? "" : " (only `" + settings.repositoryPrefix() + "` in this mode)")
                .append(".\n\n");

        md.append("## Targets\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (Target target : targets()) {
            rows.add(List.of(target.measure(), target.unit(), BenchReport.num(target.spread().min()),
                    BenchReport.num(target.spread().median()), BenchReport.num(target.spread().max()),
                    target.limitText(), target.verdict()));
        }
        md.append(BenchReport.table(List.of("measure", "unit", "min", "median", "max", "target (median)", "verdict"), rows))
                .append('\n');

        md.append("## 1. Find-symbol\n\n");
        for (TreeSummary tree : trees) {
            md.append("### ").append(tree.name()).append("\n\n");
            md.append(sideBySide(tree.name(), "find-symbol",
                    List.of("searchSymbols hit@1", "searchSymbols hit@5", "searchCode hit@5"))).append('\n');
        }
        md.append("## 2. Locate-usage\n\n");
        for (TreeSummary tree : trees) {
            md.append("### ").append(tree.name()).append("\n\n");
            md.append(sideBySide(tree.name(), "locate-usage", List.of("recall", "precision", "recall ≥ 0.5")))
                    .append('\n');
        }
        md.append("## 3. Dedup\n\n");
        md.append("Recall per kind of copy (re-indented only, then with 1 and 3 identifiers renamed), for bodies ")
                .append("and whole files; false alarms are negatives reported as duplicates; precision counts, besides ")
                .append("those, positives matched only elsewhere (cases in brackets).\n\n");
        List<String> dedupMetrics = new ArrayList<>();
        for (String granularity : List.of("body", "file")) {
            for (int renames : RetrievalCases.RENAMES) {
                dedupMetrics.add(RetrievalBenchmark.dedupMetric(granularity, renames));
            }
        }
        dedupMetrics.add("false alarms on negatives");
        dedupMetrics.add("precision");
        for (TreeSummary tree : trees) {
            md.append("### ").append(tree.name()).append("\n\n");
            md.append(perExtractors(tree.name(), "dedup", dedupMetrics)).append('\n');
        }

        md.append("## 4. Speed\n\n");
        md.append("A generated tree of ").append(BenchReport.num(speed.files())).append(" files (")
                .append(BenchReport.num(speed.treeBytes() / 1e6)).append(" MB, ").append(BenchReport.num(speed.symbols()))
                .append(" symbols): the corpus and this repository's sources copied round-robin, each copy ending in ")
                .append("a comment with its copy number; `CodeIntelOptions.defaults()` with persistence on. Cold: ")
                .append("`.donmai` deleted, a new `ReactorCodeIntel`, `stats()` (walk, hash, extract, write ")
                .append("`index.json`, ").append(BenchReport.num(speed.indexJsonBytes() / 1e6)).append(" MB); the first ")
                .append("round includes the JIT's warm-up; the process's CPU time (all threads) is shown next to the wall ")
                .append("time, since on a shared machine the wall time also counts waiting for a core. Refresh: a line and a function appended to one Go file, ")
                .append("then `refreshIncremental()` (checked: exactly one file modified and re-extracted); unchanged: ")
                .append("`refreshIncremental()` again (re-walks and stats every file, re-reads only files whose stat moved or is within 2 s of the previous walk, extracts none). Reopen: a new ")
                .append("instance's `stats()` over the persisted index. Warm queries: ").append(speed.queries())
                .append(" of each type per round on the warm index (symbol names, three-word phrases from ")
                .append("documentation, symbol bodies of 5+ lines), after one warm-up pass; p50/p99 per round (and the process CPU time per query, a mean), then ")
                .append("min/median/max over rounds. Heap: the most heap live after a collection during a cold build, ")
                .append("and the heap the warm index retains.\n\n");
        List<List<String>> speedRows = new ArrayList<>();
        speedRows.add(speedRow("cold index", "ms", Spread.of(speed.coldMillis())));
        speedRows.add(speedRow("cold index, process CPU time", "ms", Spread.of(speed.coldCpuMillis())));
        speedRows.add(speedRow("refresh, one file edited", "ms", Spread.of(speed.refreshMillis())));
        speedRows.add(speedRow("refresh, one file edited, process CPU time", "ms", Spread.of(speed.refreshCpuMillis())));
        speedRows.add(speedRow("refresh, nothing changed", "ms", Spread.of(speed.unchangedRefreshMillis())));
        speedRows.add(speedRow("reopen the persisted index", "ms", Spread.of(speed.reopenMillis())));
        for (String type : SpeedBenchmark.QUERY_TYPES) {
            speedRows.add(speedRow("warm " + type + " p50", "µs", Spread.of(speed.p50Micros().get(type))));
            speedRows.add(speedRow("warm " + type + " p99", "µs", Spread.of(speed.p99Micros().get(type))));
            speedRows.add(speedRow("warm " + type + ", process CPU per query (mean)", "µs",
                    Spread.of(speed.cpuMicros().get(type))));
        }
        speedRows.add(speedRow("live heap after GC during a cold build", "MiB", Spread.of(speed.coldLiveHeapMiB())));
        speedRows.add(speedRow("heap retained by the warm index", "MiB", Spread.single(speed.retainedHeapMiB())));
        md.append(BenchReport.table(List.of("measure", "unit", "min", "median", "max", "rounds"), speedRows)).append('\n');

        md.append("## Closing note\n\n").append(closingNote()).append("\n\n");
        md.append(BenchReport.ANALYSIS_START).append('\n').append(analysis.strip()).append('\n')
                .append(BenchReport.ANALYSIS_END).append('\n');
        return md.toString();
    }

    /** The headline numbers in one paragraph, generated with the tables. */
    String closingNote() {
        StringBuilder note = new StringBuilder("In this run, find-symbol hit@1 (regex / parser): ");
        List<String> parts = new ArrayList<>();
        for (TreeSummary tree : trees) {
            parts.add(tree.name() + " " + pct(score(tree.name(), "regex", "find-symbol", "searchSymbols hit@1", "all"))
                    + " / " + pct(score(tree.name(), "parser", "find-symbol", "searchSymbols hit@1", "all")));
        }
        note.append(String.join(", ", parts)).append("; locate-usage recall ");
        parts.clear();
        for (TreeSummary tree : trees) {
            parts.add(tree.name() + " " + pct(score(tree.name(), "parser", "locate-usage", "recall", "all"))
                    + " (precision " + pct(score(tree.name(), "parser", "locate-usage", "precision", "all")) + ")");
        }
        note.append(String.join(", ", parts)).append("; dedup recall (re-indented / 1 identifier renamed / 3 renamed) ");
        parts.clear();
        for (TreeSummary tree : trees) {
            for (String granularity : List.of("body", "file")) {
                List<String> rates = new ArrayList<>();
                for (int renames : RetrievalCases.RENAMES) {
                    rates.add(pct(score(tree.name(), "parser", "dedup", RetrievalBenchmark.dedupMetric(granularity, renames),
                            "all")));
                }
                parts.add(tree.name() + " " + (granularity.equals("body") ? "bodies " : "files ") + String.join(" / ", rates));
            }
            parts.add(tree.name() + " precision " + pct(score(tree.name(), "parser", "dedup", "precision", "all"))
                    + ", false alarms " + pct(score(tree.name(), "parser", "dedup", "false alarms on negatives", "all")));
        }
        note.append(String.join(", ", parts)).append(". Speed on ").append(machine.cores()).append(" cores, ")
                .append(BenchReport.num(speed.files())).append(" files: ");
        parts.clear();
        for (Target target : targets()) {
            parts.add(target.measure() + " " + BenchReport.num(target.spread().median()) + " " + target.unit() + " ("
                    + target.limitText() + ": " + target.verdict() + ")");
        }
        note.append(String.join("; ", parts)).append(" (cold index CPU time ")
                .append(BenchReport.num(Spread.of(speed.coldCpuMillis()).median() / 1e3)).append(" s); reopen ")
                .append(BenchReport.num(Spread.of(speed.reopenMillis()).median())).append(" ms; the warm index retains ")
                .append(BenchReport.num(speed.retainedHeapMiB())).append(" MiB of heap.");
        return note.toString();
    }

    private String sideBySide(String tree, String task, List<String> metrics) {
        List<String> header = new ArrayList<>(List.of("language", "cases"));
        for (String extractors : EXTRACTORS) {
            for (String metric : metrics) {
                header.add(extractors + ": " + metric);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> languages = new ArrayList<>();
        for (BenchLanguage language : BenchLanguage.values()) {
            languages.add(language.tag());
        }
        languages.add("all");
        for (String language : languages) {
            List<String> row = new ArrayList<>();
            row.add(language.equals("all") ? "**all**" : language);
            row.add(cases(tree, task, language));
            for (String extractors : EXTRACTORS) {
                for (String metric : metrics) {
                    RetrievalBenchmark.Score s = find(tree, extractors, task, metric, language).orElse(null);
                    row.add(s == null ? "n/a" : pct(s.value()) + (metric.equals("precision") ? " (" + s.n() + ")" : ""));
                }
            }
            rows.add(row);
        }
        return BenchReport.table(header, rows);
    }

    /** One row per language and extractor set (for tables too wide to put the two side by side). */
    private String perExtractors(String tree, String task, List<String> metrics) {
        List<String> header = new ArrayList<>(List.of("language", "extractors", "positives / negatives"));
        header.addAll(metrics);
        List<List<String>> rows = new ArrayList<>();
        List<String> languages = new ArrayList<>();
        for (BenchLanguage language : BenchLanguage.values()) {
            languages.add(language.tag());
        }
        languages.add("all");
        for (String language : languages) {
            for (String extractors : EXTRACTORS) {
                List<String> row = new ArrayList<>();
                row.add(language.equals("all") ? "**all**" : language);
                row.add(extractors);
                row.add(cases(tree, task, language));
                for (String metric : metrics) {
                    RetrievalBenchmark.Score s = find(tree, extractors, task, metric, language).orElse(null);
                    row.add(s == null ? "n/a" : pct(s.value()) + (metric.equals("precision") ? " (" + s.n() + ")" : ""));
                }
                rows.add(row);
            }
        }
        return BenchReport.table(header, rows);
    }

    private String cases(String tree, String task, String language) {
        if (task.equals("dedup")) {
            int positives = 0;
            for (String granularity : List.of("body", "file")) {
                for (int renames : RetrievalCases.RENAMES) {
                    positives += find(tree, "regex", task, RetrievalBenchmark.dedupMetric(granularity, renames), language)
                            .map(s -> s.n()).orElse(0);
                }
            }
            int negatives = find(tree, "regex", task, "false alarms on negatives", language).map(s -> s.n()).orElse(0);
            return positives + " / " + negatives;
        }
        String metric = task.equals("find-symbol") ? "searchSymbols hit@1" : "recall";
        return find(tree, "regex", task, metric, language).map(s -> Integer.toString(s.n())).orElse("0");
    }

    private double score(String tree, String extractors, String task, String metric, String language) {
        return find(tree, extractors, task, metric, language).map(RetrievalBenchmark.Score::value).orElse(Double.NaN);
    }

    private Optional<RetrievalBenchmark.Score> find(String tree, String extractors, String task, String metric,
            String language) {
        return scores.stream().filter(s -> s.tree().equals(tree) && s.extractors().equals(extractors)
                && s.task().equals(task) && s.metric().equals(metric) && s.language().equals(language)).findFirst();
    }

    private static List<String> speedRow(String measure, String unit, Spread s) {
        return List.of(measure, unit, BenchReport.num(s.min()), BenchReport.num(s.median()), BenchReport.num(s.max()),
                Integer.toString(s.n()));
    }

    private static Spread spreadOf(List<Double> values, double scale) {
        return Spread.of(values.stream().map(v -> v * scale).toList());
    }

    /** A rate as a percentage, {@code n/a} for no cases. */
    static String pct(double rate) {
        return Double.isNaN(rate) ? "n/a" : String.format(Locale.ROOT, "%.0f %%", rate * 100);
    }

    private static String plain(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String field(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
