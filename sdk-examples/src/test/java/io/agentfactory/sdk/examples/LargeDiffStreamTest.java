package io.agentfactory.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.DiffStreamFailedException;
import io.agentfactory.sdk.error.DiffTruncatedException;
import io.agentfactory.sdk.examples.simulator.AgentFactorySimulator;
import io.agentfactory.sdk.examples.simulator.SimulatedIds;
import io.agentfactory.sdk.workarea.WorkareaDiffSummary;

/** Example 3: counts, progress lines, the stream's typed failures, and a million entries in a small heap. */
class LargeDiffStreamTest extends SimulatedServicesPerTest {

    /**
     * The example exactly as a user runs it (its {@code main}, simulator included, default size of
     * 1,000,000 entries) in a JVM whose heap is capped at 64 MB: a pipeline that kept entries would
     * die with an OutOfMemoryError long before the end.
     */
    @Test
    void aMillionEntriesStreamThroughTheExampleInA64MegabyteHeap(@TempDir Path directory) throws Exception {
        Path output = directory.resolve("out.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), LargeDiffStream.class.getName(), "--simulator")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean exited = process.waitFor(4, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);

        assertThat(exited).as("finished within 4 minutes").isTrue();
        assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
        assertThat(lines).filteredOn(line -> line.matches(" +[0-9,]+ entries[ ,].*heap in use \\d+ MB")).hasSize(11);
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("Streamed 1,000,000 entries in ").contains("summary total 1,000,000"));
        assertThat(lines).noneMatch(line -> line.contains("OutOfMemoryError"));
    }

    @Test
    void aProgressLineComesEveryNEntriesAndOnceMoreForTheSummary() {
        LargeDiffStream.Report report = new LargeDiffStream(services.daemon(), 10_000, out)
                .stream(SimulatedIds.ARCHIVE_CHECKPOINT, AgentFactorySimulator.syntheticArchive(25_000)).block();

        LargeDiffStream.Progress result = report.result();
        assertThat(result.entries()).isEqualTo(25_000);
        assertThat(result.added() + result.removed() + result.modified()).isEqualTo(25_000);
        assertThat(result.summary().total()).isEqualTo(25_000);
        assertThat(result.summary()).extracting(WorkareaDiffSummary::added, WorkareaDiffSummary::removed,
                WorkareaDiffSummary::modified).containsExactly((int) result.added(), (int) result.removed(),
                        (int) result.modified());
        assertThat(report.progressLines()).isEqualTo(3);
        assertThat(out.lines()).hasSize(3);
        assertThat(out.lines().get(0)).startsWith("       10,000 entries  (");
        assertThat(out.lines().get(1)).startsWith("       20,000 entries  (");
        assertThat(out.lines().get(2)).startsWith("       25,000 entries, summary received  (");
        assertThat(report.peakHeapBytes()).isPositive();
    }

    @Test
    void aSmallDiffArrivesAsOneJsonEnvelopeAndCountsTheSame() {
        LargeDiffStream.Report report = new LargeDiffStream(services.daemon(), 1_000, out)
                .stream(SimulatedIds.ARCHIVE_CHECKPOINT, SimulatedIds.ARCHIVE_FINAL).block();

        assertThat(report.result()).isEqualTo(new LargeDiffStream.Progress(6, 2, 1, 3, new WorkareaDiffSummary(
                SimulatedIds.ARCHIVE_CHECKPOINT, SimulatedIds.ARCHIVE_FINAL, 2, 1, 3, 6)));
        assertThat(out.lines()).hasSize(1);
    }

    @Test
    void aStreamCutBeforeItsSummaryEndsInDiffTruncatedException() {
        sim.daemonFaults().cutStreamAfter(5_000);

        StepVerifier.create(new LargeDiffStream(services.daemon(), 1_000, out)
                        .stream(SimulatedIds.ARCHIVE_CHECKPOINT, AgentFactorySimulator.syntheticArchive(20_000)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(DiffTruncatedException.class,
                        truncated -> assertThat(truncated.entriesReceived()).isEqualTo(5_000)))
                .verify(Duration.ofSeconds(30));
        assertThat(out.lines()).hasSize(5);
    }

    @Test
    void aDaemonFailingMidStreamEndsInDiffStreamFailedExceptionWithItsMessage() {
        sim.daemonFaults().failStreamAfter(3_000, "archive read error: disk I/O");

        StepVerifier.create(new LargeDiffStream(services.daemon(), 1_000, out)
                        .stream(SimulatedIds.ARCHIVE_CHECKPOINT, AgentFactorySimulator.syntheticArchive(20_000)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(DiffStreamFailedException.class,
                        failed -> assertThat(failed.serverMessage()).isEqualTo("archive read error: disk I/O")))
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void runStreamsTheSyntheticArchiveOfTheRequestedSizeAndChecksTheTotal() {
        services.close();
        services = ExampleServices.simulated(AgentFactorySimulator.builder(), ExampleArguments.parse("--entries", "30000"), null);

        boolean passed = LargeDiffStream.run(services, out);

        assertThat(passed).isTrue();
        List<String> progress = new ArrayList<>(out.lines());
        assertThat(progress.get(0)).isEqualTo("Streaming the diff of arc-ren-127-checkpoint and synthetic-30000 "
                + "(a progress line every 3,000 entries)");
        assertThat(progress).last().asString().startsWith("Streamed 30,000 entries in ").contains("summary total 30,000");
    }
}
