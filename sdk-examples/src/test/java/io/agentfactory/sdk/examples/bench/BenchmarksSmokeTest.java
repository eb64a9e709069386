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
 * The benchmark harness in smoke mode: every benchmark runs once with tiny sizes (the streaming
 * diff in its own {@code -Xmx64m} JVM, as in the full run), and the reports it writes must be
 * complete and well-formed. The numbers themselves mean nothing at these sizes; the full run is a
 * command ({@code ./mvnw -q -B -Pbench -DskipTests verify}), not a test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchmarksSmokeTest {

    private static final String KEPT_ANALYSIS = "### Analysis\n\nWritten by hand for an earlier run.";

    private Benchmarks.Written written;
    private String markdown;
    private List<String> csv;

    @BeforeAll
    void runEveryBenchmarkInSmokeMode(@TempDir Path dir) throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve(Benchmarks.MARKDOWN), "# old report\n" + BenchReport.ANALYSIS_START + "\n"
                + KEPT_ANALYSIS + "\n" + BenchReport.ANALYSIS_END + "\n");
        written = Benchmarks.run(BenchSettings.smoke(), out, dir.resolve("work"), List.of(), System.out::println);
        markdown = Files.readString(written.markdown());
        csv = Files.readAllLines(written.csv());
    }

    @Test
    void reportHasASectionForEveryBenchmark() {
        assertThat(markdown).contains("## Targets", "## 1. Unary: `getSessions`", "### Concurrency 1",
                "### Concurrency 64", "## 2. Streaming diff", "## 3. Small diff", "## 4. Activity follow",
                "## 5. Allocation per unary call",
                "## 6. Tail latency and allocation per route family", "## 7. Cold start", "## Closing note");
    }

    @Test
    void reportNamesTheMachineTheJdkAndTheCommand() {
        assertThat(markdown).contains("**Machine:**", Runtime.getRuntime().availableProcessors() + " cores",
                "**JDK:**", System.getProperty("java.runtime.version"), BenchReport.COMMAND, "(smoke mode)");
    }

    @Test
    void targetsTableQuotesEveryRatioWithMinMedianMaxTargetAndVerdict() {
        List<String> rows = tableRows("## Targets");
        assertThat(rows).hasSize(written.report().ratios().size() + 2 + written.report().coldStart().targetRows().size());
        assertThat(rows).anyMatch(row -> row.startsWith("| unary getSessions c=1: SDK/raw Reactor Netty | req/s |")
                && row.contains("≥ 1.00×"));
        assertThat(rows).anyMatch(row -> row.startsWith("| unary getSessions c=64: SDK/JDK HttpClient | req/s |")
                && row.contains("> 1.00×"));
        assertThat(rows).anyMatch(row -> row.startsWith("| streaming diff: SDK/Jackson from memory | entries/s |")
                && row.contains("≥ 1.30×"));
        assertThat(rows).anyMatch(row -> row.startsWith("| streaming diff: SDK peak heap, every run | MiB |"));
        assertThat(rows).anyMatch(row -> row.startsWith("| streaming diff: SDK JVM peak RSS, every run | MB |")
                && row.contains("≤ 150 MB"));
        for (String row : rows) {
            String[] cells = cells(row);
            assertThat(cells).as(row).hasSize(7);
            assertThat(cells[6]).as(row).matches("met|missed( by \\d+ %)?|—|not measured \\(no VmHWM\\)");
        }
    }

    @Test
    void closingNoteQuotesTheRatiosOfTheTables() {
        Ratio warmDiff = written.report().diff().warmRatio();
        assertThat(markdown).contains(String.format(java.util.Locale.ROOT, "the warm SDK ran at %.2f×",
                warmDiff.spread().median()));
        Ratio unaryRaw = written.report().unary().get(0).ratios().get(0);
        assertThat(markdown).contains(String.format(java.util.Locale.ROOT,
                "at concurrency 1 the SDK did %.2f× the raw Reactor Netty baseline", unaryRaw.spread().median()));
    }

    @Test
    void rerunKeepsTheHandWrittenAnalysis() {
        assertThat(markdown).doesNotContain("# old report")
                .contains(BenchReport.ANALYSIS_START + "\n" + KEPT_ANALYSIS + "\n" + BenchReport.ANALYSIS_END);
    }

    @Test
    void csvHasTheHeaderAndOneWellFormedLinePerMeasurement() {
        assertThat(csv.get(0)).isEqualTo(BenchReport.CSV_HEADER);
        for (String line : csv.subList(1, csv.size())) {
            String[] fields = line.split(",", -1);
            assertThat(fields).as(line).hasSize(8);
            assertThat(Integer.parseInt(fields[4])).as(line).isPositive();
            double min = Double.parseDouble(fields[5]);
            double median = Double.parseDouble(fields[6]);
            double max = Double.parseDouble(fields[7]);
            assertThat(min).as(line).isLessThanOrEqualTo(median);
            assertThat(median).as(line).isLessThanOrEqualTo(max);
        }
    }

    @Test
    void csvCoversEveryVariantOfEveryBenchmark() {
        Set<String> pairs = csv.stream().skip(1).map(line -> {
            String[] fields = line.split(",", -1);
            return fields[0] + " / " + fields[1];
        }).collect(Collectors.toSet());
        for (String unary : List.of("unary getSessions c=1", "unary getSessions c=64", "small diff (50 entries) c=1")) {
            for (String variant : List.of(CallVariant.SDK, CallVariant.RAW_NETTY, CallVariant.JDK,
                    "SDK/raw Reactor Netty", "SDK/JDK HttpClient")) {
                assertThat(pairs).contains(unary + " / " + variant);
            }
        }
        assertThat(pairs).contains("streaming diff / SDK cold (first run)", "streaming diff / SDK (warm)",
                "streaming diff / Jackson from memory (decode limit)", "streaming diff / server (sendfile)",
                "streaming diff / SDK/Jackson from memory", "activity follow / SDK (poll interval 50 ms)");
    }

    @Test
    void unaryRunsMeasureThroughputLatencyAndBothSidesCosts() {
        for (UnaryBenchmark.Result result : written.report().unary()) {
            for (List<ClosedLoop.Run> runs : result.runs().values()) {
                assertThat(runs).hasSize(BenchSettings.smoke().unaryRounds());
                for (ClosedLoop.Run run : runs) {
                    assertThat(run.callsPerSecond()).isPositive();
                    assertThat(run.p99Nanos()).isGreaterThanOrEqualTo(run.p50Nanos()).isPositive();
                    assertThat(run.costs().serverCpuNanos()).isPositive();
                    assertThat(run.costs().clientAllocatedBytes()).isPositive();
                }
            }
        }
    }

    @Test
    void everyRouteFamilyHasItsTailAndAllocationRowAndTheIssueTargetsAreReported() {
        List<String> rows = tableRows("## 6. Tail latency and allocation per route family");
        for (String family : List.of("unary getSessions c=1", "unary getSessions c=64", "small diff (50 entries) c=1")) {
            for (String variant : List.of(CallVariant.SDK, CallVariant.RAW_NETTY, CallVariant.JDK)) {
                assertThat(rows).anyMatch(row -> row.startsWith("| " + family + " | " + variant + " |"));
            }
        }
        assertThat(rows).anyMatch(row -> row.startsWith("| diff stream (3000 entries) c=1 | SDK |")
                && row.endsWith(" B/entry |"));
        for (String row : rows) {
            assertThat(cells(row)).as(row).hasSize(10);
        }
        List<String> targets = markdown.lines()
                .filter(line -> line.contains(": SDK p99/p50 |") || line.contains(": SDK client B/call |")).toList();
        assertThat(targets).hasSize(3);
        assertThat(targets).anyMatch(row -> row.startsWith("| unary getSessions c=64: SDK p99/p50 |")
                && row.contains("≤ 4.00×"));
        assertThat(targets).anyMatch(row -> row.startsWith("| unary getSessions c=1: SDK client B/call |")
                && row.contains("≤ 15,000"));
        assertThat(targets).allSatisfy(row -> assertThat(cells(row)[5]).matches("met|missed"));
    }

    @Test
    void diffStreamFamilyCountsEveryEntryOfEachCall() {
        UnaryBenchmark.Result stream = written.report().diffStream();
        assertThat(stream.runs()).containsOnlyKeys(CallVariant.SDK);
        for (ClosedLoop.Run run : stream.runs().get(CallVariant.SDK)) {
            assertThat(run.calls()).isEqualTo(2);
            assertThat(run.p999Nanos()).isGreaterThanOrEqualTo(run.p99Nanos());
            assertThat(run.clientBytesPerCall()).isPositive();
        }
        assertThat(csv).anyMatch(line -> line.startsWith("diff stream (3000 entries) c=1,SDK,client allocation,B/entry,"));
    }

    @Test
    void streamingDiffRanColdThenInterleavedInASixtyFourMegabyteHeap() {
        StreamingDiffJvm.Report report = written.report().diff().report();
        assertThat(report.maxHeapBytes()).isLessThanOrEqualTo(64L * 1024 * 1024);
        List<String> order = report.runs().stream().map(run -> run.variant() + " " + run.phase()).toList();
        assertThat(order).containsExactly("SDK cold", "Jackson from memory warm-up", "SDK warm-up",
                "SDK measured", "Jackson from memory measured", "Jackson from memory measured", "SDK measured");
        assertThat(report.runs()).allSatisfy(run -> assertThat(run.entries()).isEqualTo(3_000));
    }

    @Test
    void decodeLimitHasAColdRunOfItsOwnFreshJvm() {
        StreamingDiffJvm.Run cold = written.report().diff().decodeCold();
        assertThat(cold.variant() + " " + cold.phase()).isEqualTo("Jackson from memory cold");
        assertThat(cold.sizes()).isEqualTo(written.report().diff().cold().sizes());
    }

    @Test
    void everyPublishedActivityArrivedAndIsTimed() {
        ActivityFollowBenchmark.Result follow = written.report().follow();
        assertThat(follow.latenciesNanos()).isNotEmpty();
        assertThat(follow.latenciesNanos()[0]).isPositive();
        assertThat(follow.idleRequestsPerMinute()).isPositive();
    }

    private List<String> tableRows(String heading) {
        String section = markdown.substring(markdown.indexOf(heading));
        return section.lines().skip(1).dropWhile(line -> !line.startsWith("|")).takeWhile(line -> line.startsWith("|"))
                .skip(2).toList();
    }

    private static String[] cells(String row) {
        return Arrays.stream(row.substring(1, row.length() - 1).split("\\|")).map(String::trim).toArray(String[]::new);
    }

    @Test
    void coldStartRanEveryVariantInFreshJvmsAndQuotesItsTargets() {
        ColdStartBenchmark.Result cold = written.report().coldStart();
        assertThat(cold.cds()).as("the training run made an AppCDS archive").isTrue();
        assertThat(cold.runs().keySet()).containsExactly(ColdStartBenchmark.NO_WARMUP, ColdStartBenchmark.WARMUP,
                ColdStartBenchmark.WARMUP_CONNECTION, ColdStartBenchmark.CDS_NO_WARMUP, ColdStartBenchmark.CDS_WARMUP);
        for (List<ColdStartBenchmark.Round> rounds : cold.runs().values()) {
            assertThat(rounds).hasSize(1);
            ColdStartBenchmark.Round round = rounds.get(0);
            assertThat(round.report().latencies()).hasSize(100);
            assertThat(Arrays.stream(round.report().latencies()).min().orElseThrow()).isPositive();
            assertThat(round.report().latencies()[0]).isEqualTo(round.report().firstCallNanos());
            assertThat(round.jvmStartMillis()).isPositive();
            assertThat(round.launchToFirstAnswerMillis()).isGreaterThan(round.report().firstCallNanos() / 1e6);
        }
        assertThat(cold.runs().get(ColdStartBenchmark.NO_WARMUP).get(0).report().warmupNanos()).isZero();
        assertThat(cold.runs().get(ColdStartBenchmark.WARMUP).get(0).report().warmupNanos()).isPositive();
        assertThat(tableRows("## Targets")).anyMatch(row -> row.startsWith(
                "| cold start: first call after client creation, with warmup() | ms |") && row.contains("≤ 50.0 ms"));
        assertThat(markdown).contains("| AppCDS + warmup() |", "calls 11–100 ms", "-XX:SharedArchiveFile=");
    }
}
