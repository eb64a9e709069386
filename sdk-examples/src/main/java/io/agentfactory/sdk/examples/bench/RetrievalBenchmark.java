package io.agentfactory.sdk.examples.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.agentfactory.sdk.codeintel.CodeIntel;
import io.agentfactory.sdk.codeintel.CodeQuery;
import io.agentfactory.sdk.codeintel.CodeSearchHit;
import io.agentfactory.sdk.codeintel.DuplicateMatch;
import io.agentfactory.sdk.codeintel.DuplicateQuery;
import io.agentfactory.sdk.codeintel.DuplicateResult;
import io.agentfactory.sdk.codeintel.Symbol;
import io.agentfactory.sdk.codeintel.SymbolHit;
import io.agentfactory.sdk.codeintel.SymbolQuery;
import io.agentfactory.sdk.reactor.codeintel.CodeIntelOptions;
import io.agentfactory.sdk.reactor.codeintel.ReactorCodeIntel;

/**
 * Scores one tree's {@link RetrievalCases} against an index of it built with one set of
 * extractors (in memory: nothing is written into the tree), and returns one {@link Score} per
 * task, metric and language.
 *
 * <ul>
 *   <li>find-symbol: {@code searchSymbols(name, max 5)}; a hit is the expected file with a line
 *       within {@value #LINE_WINDOW} lines of the declaration line. hit@1 (first result), hit@5
 *       (any of five), and the same for {@code searchCode(name, max 5)}.</li>
 *   <li>locate-usage: the files of {@code searchCode(name, max 20)} against the expected set:
 *       recall and precision (means over the cases) and the share of cases with recall ≥ 0.5.</li>
 *   <li>dedup: {@code checkDuplicate(content, max 5, threshold 3)}; a positive is found when a match
 *       names the file it was copied from. Recall per granularity and rename count = found ÷
 *       positives; precision (over all positives and negatives) =
 *       found ÷ (found + flagged negatives + positives flagged elsewhere only).</li>
 * </ul>
 */
final class RetrievalBenchmark {

    /** How far from the expected line a hit may be. */
    static final int LINE_WINDOW = 2;

    private RetrievalBenchmark() {
    }

    /**
     * One number of the retrieval report.
     *
     * @param tree the tree's name
     * @param extractors {@code regex} or {@code parser}
     * @param task {@code find-symbol}, {@code locate-usage} or {@code dedup}
     * @param metric e.g. {@code hit@1}
     * @param language the language tag, or {@code all}
     * @param n how many cases it is over
     * @param value the rate (0–1); NaN when there were no cases
     */
    record Score(String tree, String extractors, String task, String metric, String language, int n, double value) {
    }

    /** Scores {@code cases} of {@code tree} with {@code options} (persistence is switched off). */
    static List<Score> run(BenchTree tree, RetrievalCases cases, String extractors, CodeIntelOptions options) {
        CodeIntel code = ReactorCodeIntel.open(tree.root(), options.withPersistence(false));
        code.stats().block();
        List<Score> scores = new ArrayList<>();
        List<String> languages = new ArrayList<>();
        for (BenchLanguage language : BenchLanguage.values()) {
            languages.add(language.tag());
        }
        languages.add("all");
        for (String language : languages) {
            List<RetrievalCases.FindSymbolCase> find = cases.findSymbol().stream()
                    .filter(c -> language.equals("all") || c.language().tag().equals(language)).toList();
            int hit1 = 0;
            int hit5 = 0;
            int code5 = 0;
            for (RetrievalCases.FindSymbolCase c : find) {
                List<Symbol> symbols = code.searchSymbols(new SymbolQuery(c.name(), 5, Set.of(), "")).block().hits()
                        .stream().map(SymbolHit::symbol).toList();
                hit1 += !symbols.isEmpty() && hits(symbols.get(0), c) ? 1 : 0;
                hit5 += symbols.stream().anyMatch(s -> hits(s, c)) ? 1 : 0;
                List<Symbol> ranked = code.searchCode(new CodeQuery(c.name(), 5, "")).map(CodeSearchHit::symbol)
                        .collectList().block();
                code5 += ranked.stream().anyMatch(s -> hits(s, c)) ? 1 : 0;
            }
            scores.add(rate(tree, extractors, "find-symbol", "searchSymbols hit@1", language, hit1, find.size()));
            scores.add(rate(tree, extractors, "find-symbol", "searchSymbols hit@5", language, hit5, find.size()));
            scores.add(rate(tree, extractors, "find-symbol", "searchCode hit@5", language, code5, find.size()));

            List<RetrievalCases.UsageCase> usages = cases.usages().stream()
                    .filter(c -> language.equals("all") || c.language().tag().equals(language)).toList();
            double recall = 0;
            double precision = 0;
            int half = 0;
            for (RetrievalCases.UsageCase c : usages) {
                Set<String> returned = new HashSet<>();
                code.searchCode(new CodeQuery(c.name(), 20, "")).map(hit -> hit.symbol().filePath())
                        .collectList().block().forEach(returned::add);
                long found = returned.stream().filter(c.files()::contains).count();
                double r = (double) found / c.files().size();
                recall += r;
                precision += returned.isEmpty() ? 0 : (double) found / returned.size();
                half += r >= 0.5 ? 1 : 0;
            }
            scores.add(mean(tree, extractors, "locate-usage", "recall", language, recall, usages.size()));
            scores.add(mean(tree, extractors, "locate-usage", "precision", language, precision, usages.size()));
            scores.add(rate(tree, extractors, "locate-usage", "recall ≥ 0.5", language, half, usages.size()));

            List<RetrievalCases.DedupCase> dedup = cases.dedup().stream()
                    .filter(c -> language.equals("all") || c.language().tag().equals(language)).toList();
            Map<String, int[]> found = new LinkedHashMap<>(); // metric -> {found, cases}
            int negatives = 0;
            int falseAlarms = 0;
            int misplaced = 0;
            int positivesFound = 0;
            for (RetrievalCases.DedupCase c : dedup) {
                DuplicateResult result = code.checkDuplicate(new DuplicateQuery(c.content(), 5,
                        DuplicateQuery.DEFAULT_THRESHOLD)).block();
                boolean original = result.matches().stream().map(DuplicateMatch::filePath).anyMatch(c.path()::equals);
                if (!c.positive()) {
                    negatives++;
                    falseAlarms += result.isDuplicate() ? 1 : 0;
                    continue;
                }
                int[] counts = found.computeIfAbsent(dedupMetric(c.granularity(), c.renames()), k -> new int[2]);
                counts[0] += original ? 1 : 0;
                counts[1]++;
                positivesFound += original ? 1 : 0;
                misplaced += !original && result.isDuplicate() ? 1 : 0;
            }
            for (String granularity : List.of("body", "file")) {
                for (int renames : RetrievalCases.RENAMES) {
                    String metric = dedupMetric(granularity, renames);
                    int[] counts = found.getOrDefault(metric, new int[2]);
                    scores.add(rate(tree, extractors, "dedup", metric, language, counts[0], counts[1]));
                }
            }
            scores.add(rate(tree, extractors, "dedup", "false alarms on negatives", language, falseAlarms, negatives));
            scores.add(rate(tree, extractors, "dedup", "precision", language, positivesFound,
                    positivesFound + falseAlarms + misplaced));
        }
        return scores;
    }

    /** The recall metric of positives of one granularity and rename count, e.g. {@code bodies, 1 renamed}. */
    static String dedupMetric(String granularity, int renames) {
        return (granularity.equals("body") ? "bodies" : "files") + ", " + (renames == 0 ? "re-indented" : renames + " renamed");
    }

    private static boolean hits(Symbol symbol, RetrievalCases.FindSymbolCase expected) {
        return symbol.filePath().equals(expected.path()) && Math.abs(symbol.line() - expected.line()) <= LINE_WINDOW;
    }

    private static Score rate(BenchTree tree, String extractors, String task, String metric, String language, int hits,
            int n) {
        return new Score(tree.name(), extractors, task, metric, language, n, n == 0 ? Double.NaN : (double) hits / n);
    }

    private static Score mean(BenchTree tree, String extractors, String task, String metric, String language,
            double sum, int n) {
        return new Score(tree.name(), extractors, task, metric, language, n, n == 0 ? Double.NaN : sum / n);
    }
}
