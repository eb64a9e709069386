package io.agentfactory.sdk.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code-intelligence benchmark in smoke mode: the corpus and one package of this repository for
 * retrieval, a 200-file tree for speed, and the reports it writes must be complete and
 * well-formed. The numbers mean nothing at these sizes; the full run is a command
 * ({@code ./mvnw -q -B -Pbench -DskipTests verify}), not a test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CodeIntelBenchmarkSmokeTest {

    private static final String KEPT_ANALYSIS = "### Analysis\n\nWritten by hand for an earlier run.";

    private CodeIntelBenchmark.Written written;
    private String markdown;
    private List<String> csv;

    @BeforeAll
    void runInSmokeMode(@TempDir Path dir) throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve(CodeIntelBenchmark.MARKDOWN), "# old report\n" + BenchReport.ANALYSIS_START + "\n"
                + KEPT_ANALYSIS + "\n" + BenchReport.ANALYSIS_END + "\n");
        written = CodeIntelBenchmark.run(CodeIntelSettings.smoke(), out, dir.resolve("work"), Path.of("src/bench/corpus"),
                Path.of("."), System.out::println);
        markdown = Files.readString(written.markdown());
        csv = Files.readAllLines(written.csv());
    }

    @Test
    void reportHasEverySectionAndNamesTheMachineAndTheCommand() {
        assertThat(markdown).contains("# Code-intelligence benchmarks", "(smoke mode)", CodeIntelReport.COMMAND,
                "**Machine:**", Runtime.getRuntime().availableProcessors() + " cores", "**JDK:**", "## Targets",
                "## 1. Find-symbol", "## 2. Locate-usage", "## 3. Dedup", "## 4. Speed", "## Closing note",
                "### this repository", "### fixture corpus");
        assertThat(markdown).contains("which reads Java with JavaParser (present on the class path)");
    }

    @Test
    void everyLanguageOfTheCorpusHasFindSymbolAndUsageCasesAndTheRepositoryHasJava() {
        CodeIntelReport.TreeSummary repository = written.report().trees().get(0);
        CodeIntelReport.TreeSummary corpus = written.report().trees().get(1);
        assertThat(repository.name()).isEqualTo("this repository");
        assertThat(repository.cases().findSymbol()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.language()).isEqualTo(BenchLanguage.JAVA));
        for (BenchLanguage language : BenchLanguage.values()) {
            assertThat(corpus.cases().findSymbol()).as(language.tag())
                    .filteredOn(c -> c.language() == language).hasSize(CodeIntelSettings.smoke().findSymbolCases());
            assertThat(corpus.cases().usages()).as(language.tag())
                    .filteredOn(c -> c.language() == language).isNotEmpty();
        }
    }

    @Test
    void findSymbolCasesAreUniqueDeclarationsWhoseLinesHoldTheName() throws IOException {
        for (RetrievalCases.FindSymbolCase c : written.report().trees().get(1).cases().findSymbol()) {
            List<String> lines = Files.readAllLines(Path.of("src/bench/corpus").resolve(c.path()));
            assertThat(lines.get(c.line() - 1)).as(c.toString()).contains(c.name());
        }
    }

    @Test
    void aReindentedCopyOfAWholeFileIsAlwaysFoundAndNoNegativeIsFlagged() {
        for (String tree : List.of("this repository", "fixture corpus")) {
            for (String extractors : CodeIntelReport.EXTRACTORS) {
                RetrievalBenchmark.Score files = score(tree, extractors, "dedup",
                        RetrievalBenchmark.dedupMetric("file", 0), "all");
                assertThat(files.n()).isPositive();
                assertThat(files.value()).as(tree + " " + extractors).isEqualTo(1.0);
                RetrievalBenchmark.Score negatives = score(tree, extractors, "dedup", "false alarms on negatives", "all");
                assertThat(negatives.n()).isPositive();
                assertThat(negatives.value()).isZero();
            }
        }
    }

    @Test
    void targetsTableHasTheFiveTargetsWithAVerdictEach() {
        String section = markdown.substring(markdown.indexOf("## Targets"));
        List<String> rows = section.lines().skip(1).dropWhile(line -> !line.startsWith("|"))
                .takeWhile(line -> line.startsWith("|")).skip(2).toList();
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).startsWith("| cold index of 200 files | s |").contains("≤ 10 s");
        assertThat(rows.get(1)).startsWith("| refresh after a one-file edit | ms |").contains("≤ 200 ms");
        for (String row : rows) {
            String[] cells = Arrays.stream(row.substring(1, row.length() - 1).split("\\|")).map(String::trim)
                    .toArray(String[]::new);
            assertThat(cells).hasSize(7);
            assertThat(cells[6]).matches("met|missed");
        }
    }

    @Test
    void speedMeasuredEveryRoundOnTheGeneratedTree() {
        SpeedBenchmark.Result speed = written.report().speed();
        assertThat(speed.files()).isEqualTo(200);
        assertThat(speed.coldMillis()).hasSize(1).allSatisfy(v -> assertThat(v).isPositive());
        assertThat(speed.refreshMillis()).hasSize(2);
        assertThat(speed.unchangedRefreshMillis()).hasSize(2);
        assertThat(speed.reopenMillis()).hasSize(1);
        assertThat(speed.indexJsonBytes()).isPositive();
        assertThat(speed.p50Micros().keySet()).containsExactlyInAnyOrderElementsOf(SpeedBenchmark.QUERY_TYPES);
        for (String type : SpeedBenchmark.QUERY_TYPES) {
            assertThat(speed.p99Micros().get(type).get(0)).isGreaterThanOrEqualTo(speed.p50Micros().get(type).get(0));
        }
    }

    @Test
    void closingNoteQuotesTheTables() {
        assertThat(markdown).contains(written.report().closingNote());
        assertThat(written.report().closingNote()).contains("find-symbol hit@1 (regex / parser): this repository ",
                "cold index of 200 files ");
    }

    @Test
    void rerunKeepsTheHandWrittenAnalysis() {
        assertThat(markdown).doesNotContain("# old report")
                .contains(BenchReport.ANALYSIS_START + "\n" + KEPT_ANALYSIS + "\n" + BenchReport.ANALYSIS_END);
    }

    @Test
    void csvIsWellFormedAndCoversRetrievalAndSpeed() {
        assertThat(csv.get(0)).isEqualTo(BenchReport.CSV_HEADER);
        for (String line : csv.subList(1, csv.size())) {
            String[] fields = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
            assertThat(fields).as(line).hasSize(8);
            assertThat(Integer.parseInt(fields[4])).as(line).isPositive();
            assertThat(Double.parseDouble(fields[5])).as(line).isLessThanOrEqualTo(Double.parseDouble(fields[6]));
            assertThat(Double.parseDouble(fields[6])).as(line).isLessThanOrEqualTo(Double.parseDouble(fields[7]));
        }
        Set<String> benchmarks = csv.stream().skip(1).map(line -> line.substring(0, line.indexOf(',')))
                .collect(Collectors.toSet());
        assertThat(benchmarks).contains("find-symbol (this repository)", "find-symbol (fixture corpus)",
                "locate-usage (fixture corpus)", "dedup (fixture corpus)", "speed (200 files)");
    }

    @Test
    void theRepositoryIsReadFromASnapshotSoNothingIsWrittenIntoTheCorpus() {
        assertThat(Path.of("src/bench/corpus/.donmai")).doesNotExist();
        assertThat(written.report().trees().get(0).files()).isPositive();
    }

    private RetrievalBenchmark.Score score(String tree, String extractors, String task, String metric, String language) {
        return written.report().scores().stream().filter(s -> s.tree().equals(tree) && s.extractors().equals(extractors)
                && s.task().equals(task) && s.metric().equals(metric) && s.language().equals(language)).findFirst()
                .orElseThrow();
    }
}
