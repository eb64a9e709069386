package io.agentfactory.sdk.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

import io.agentfactory.sdk.reactor.internal.json.JsonCodec;
import io.agentfactory.sdk.workarea.WorkareaDiffEntry;
import io.agentfactory.sdk.workarea.WorkareaDiffEnvelope;
import io.agentfactory.sdk.workarea.WorkareaDiffResult;
import io.agentfactory.sdk.workarea.WorkareaDiffStatus;
import io.agentfactory.sdk.workarea.WorkareaDiffSummary;

/**
 * {@code GET /api/daemon/workareas/<a>/diff/<b>} (sdk-api/CONTRACT.md §4): one JSON envelope up to the
 * streaming threshold, NDJSON above it, generated on demand whatever the size.
 */
class WorkareaDiffTest extends FreshSimulatorPerTest {

    @Test
    void twoFixedArchivesDiffAsOneJsonEnvelope() {
        Http.Response response = daemon.get(diff(SimulatedIds.ARCHIVE_CHECKPOINT, SimulatedIds.ARCHIVE_FINAL));

        assertThat(response.contentType()).isEqualTo("application/json");
        WorkareaDiffResult diff = response.as(WorkareaDiffEnvelope.class).diff();
        assertThat(diff.summary()).isEqualTo(new WorkareaDiffSummary(SimulatedIds.ARCHIVE_CHECKPOINT,
                SimulatedIds.ARCHIVE_FINAL, 2, 1, 3, 6));
        assertThat(diff.entries()).extracting(WorkareaDiffEntry::path).containsExactly(
                "docs/日本語/ß.md", "docs/日本語/運用.md",
                "src/main/java/com/acme/platform/sessions/Page.java",
                "src/main/java/com/acme/platform/sessions/SessionController.java",
                "src/main/java/com/acme/platform/sessions/SessionRepository.java",
                "src/test/java/com/acme/platform/sessions/PageTest.java");
    }

    @Test
    void addedEntriesCarryOnlyTheBSideAndRemovedOnlyTheASide() {
        List<WorkareaDiffEntry> entries = daemon.get(diff(SimulatedIds.ARCHIVE_CHECKPOINT, SimulatedIds.ARCHIVE_FINAL))
                .as(WorkareaDiffEnvelope.class).diff().entries();

        assertThat(entries).filteredOn(e -> e.status().equals(WorkareaDiffStatus.ADDED))
                .allMatch(e -> e.sizeA() == 0 && e.hashA().isEmpty() && e.modeA().isEmpty() && !e.hashB().isEmpty());
        assertThat(entries).filteredOn(e -> e.status().equals(WorkareaDiffStatus.REMOVED))
                .allMatch(e -> e.sizeB() == 0 && e.hashB().isEmpty() && e.modeB().isEmpty() && !e.hashA().isEmpty());
        assertThat(entries).filteredOn(e -> e.status().equals(WorkareaDiffStatus.MODIFIED))
                .allMatch(e -> !e.hashA().isEmpty() && !e.hashB().isEmpty() && !e.hashA().equals(e.hashB()));
    }

    @Test
    void diffingAnArchiveWithItselfIsEmpty() {
        WorkareaDiffResult diff = daemon.get(diff(SimulatedIds.ARCHIVE_FINAL, SimulatedIds.ARCHIVE_FINAL))
                .as(WorkareaDiffEnvelope.class).diff();

        assertThat(diff.entries()).isEmpty();
        assertThat(diff.summary()).isEqualTo(new WorkareaDiffSummary(SimulatedIds.ARCHIVE_FINAL,
                SimulatedIds.ARCHIVE_FINAL, 0, 0, 0, 0));
    }

    @Test
    void aDiffAtTheThresholdIsJsonAndOneEntryMoreIsNdjson() {
        Http.Response atThreshold = daemon.get(diff(SimulatedIds.ARCHIVE_FINAL, AgentFactorySimulator.syntheticArchive(1000)));
        NdjsonStream.Result above = NdjsonStream.read(sim.daemonBaseUrl()
                + diff(SimulatedIds.ARCHIVE_FINAL, AgentFactorySimulator.syntheticArchive(1001)));

        assertThat(atThreshold.contentType()).isEqualTo("application/json");
        assertThat(atThreshold.as(WorkareaDiffEnvelope.class).diff().entries()).hasSize(1000);
        assertThat(above.contentType()).isEqualTo("application/x-ndjson");
        assertThat(above.lines()).hasSize(1002);
        assertThat(above.error()).isNull();
    }

    @Test
    void theNdjsonStreamEndsWithASummaryMatchingItsEntries() {
        NdjsonStream.Result result = NdjsonStream.read(sim.daemonBaseUrl()
                + diff(AgentFactorySimulator.syntheticArchive(5000), SimulatedIds.ARCHIVE_OTHER_CHANGE));

        List<String> lines = result.lines();
        WorkareaDiffSummary summary = summaryOf(lines.get(lines.size() - 1));
        List<WorkareaDiffEntry> entries = lines.subList(0, lines.size() - 1).stream()
                .map(line -> JsonCodec.get().decode(line.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        WorkareaDiffEntry.class))
                .toList();
        assertThat(summary.total()).isEqualTo(5000).isEqualTo(entries.size());
        assertThat(summary.workareaA()).isEqualTo("synthetic-5000");
        assertThat(summary.added()).isEqualTo(count(entries, WorkareaDiffStatus.ADDED)).isPositive();
        assertThat(summary.removed()).isEqualTo(count(entries, WorkareaDiffStatus.REMOVED)).isPositive();
        assertThat(summary.modified()).isEqualTo(count(entries, WorkareaDiffStatus.MODIFIED)).isPositive();
        assertThat(entries).extracting(WorkareaDiffEntry::path).isSortedAccordingTo(ArchiveStore.PATH_ORDER)
                .anyMatch(path -> path.contains("日本語")).anyMatch(path -> path.contains("ß"));
    }

    @Test
    void aLowerThresholdStreamsEvenSmallDiffs() {
        try (AgentFactorySimulator streaming = AgentFactorySimulator.builder().diffStreamingThreshold(2).start()) {
            NdjsonStream.Result result = NdjsonStream.read(streaming.daemonBaseUrl()
                    + diff(SimulatedIds.ARCHIVE_CHECKPOINT, SimulatedIds.ARCHIVE_FINAL));

            assertThat(result.contentType()).isEqualTo("application/x-ndjson");
            assertThat(result.lines()).hasSize(7);
            assertThat(summaryOf(result.lines().get(6)).total()).isEqualTo(6);
        }
    }

    @Test
    void theSameDiffIsTheSameInBothShapes() {
        List<WorkareaDiffEntry> json = daemon.get(diff(SimulatedIds.ARCHIVE_FINAL, AgentFactorySimulator.syntheticArchive(700)))
                .as(WorkareaDiffEnvelope.class).diff().entries();
        try (AgentFactorySimulator streaming = AgentFactorySimulator.builder().diffStreamingThreshold(10).start()) {
            NdjsonStream.Result ndjson = NdjsonStream.read(streaming.daemonBaseUrl()
                    + diff(SimulatedIds.ARCHIVE_FINAL, AgentFactorySimulator.syntheticArchive(700)));

            assertThat(ndjson.lines().subList(0, 700)).containsExactlyElementsOf(json.stream()
                    .map(JsonCodec.get()::encodeToString).toList());
        }
    }

    @Test
    void unknownCorruptedAndActiveIdsAreRefused() {
        String active = daemon.get("/api/daemon/workareas").as(io.agentfactory.sdk.workarea.ListWorkareasResponse.class)
                .active().get(0).id();

        assertThat(daemon.get(diff("nope", SimulatedIds.ARCHIVE_FINAL)).status()).isEqualTo(404);
        assertThat(daemon.get(diff(SimulatedIds.ARCHIVE_FINAL, SimulatedIds.ARCHIVE_CORRUPTED)).status()).isEqualTo(400);
        assertThat(daemon.get(diff(active, SimulatedIds.ARCHIVE_FINAL)).status()).isEqualTo(400);
        assertThat(daemon.get(diff(SimulatedIds.ARCHIVE_FINAL, "synthetic-0100")).status()).isEqualTo(404);
    }

    /**
     * A million entries (some 200 MB) stream through with the generator never more than a bounded
     * distance ahead of what the client has received: the diff is produced as the socket drains,
     * never materialised.
     */
    @Test
    void aMillionEntryDiffStreamsInBoundedMemory() {
        long bytesBefore = sim.diffMeter().bytes();
        AtomicLong received = new AtomicLong();
        AtomicLong maxAhead = new AtomicLong();
        AtomicLong lines = new AtomicLong();
        long[] statuses = new long[3];
        AtomicReference<String> last = new AtomicReference<>();
        String url = sim.daemonBaseUrl() + diff(SimulatedIds.ARCHIVE_FINAL, AgentFactorySimulator.syntheticArchive(1_000_000));

        NdjsonStream.lines(HttpClient.create(), url, (status, type) -> assertThat(type).isEqualTo("application/x-ndjson"),
                        size -> {
                            long got = received.addAndGet(size);
                            maxAhead.accumulateAndGet(sim.diffMeter().bytes() - bytesBefore - got, Math::max);
                        })
                .publishOn(Schedulers.single(), 64)
                .doOnNext(line -> {
                    lines.incrementAndGet();
                    last.set(line);
                    if (line.contains("\"status\":\"added\"")) {
                        statuses[0]++;
                    }
                    else if (line.contains("\"status\":\"removed\"")) {
                        statuses[1]++;
                    }
                    else if (line.contains("\"status\":\"modified\"")) {
                        statuses[2]++;
                    }
                })
                .blockLast(Duration.ofMinutes(2));

        WorkareaDiffSummary summary = summaryOf(last.get());
        assertThat(lines.get()).isEqualTo(1_000_001);
        assertThat(summary.total()).isEqualTo(1_000_000);
        assertThat(new long[] {summary.added(), summary.removed(), summary.modified()}).containsExactly(statuses);
        assertThat(received.get()).isEqualTo(sim.diffMeter().bytes() - bytesBefore).isGreaterThan(180_000_000L);
        assertThat(maxAhead.get()).as("bytes generated ahead of the client").isLessThan(24L << 20);
    }

    @Test
    void ndjsonIsGeneratedInChunksOfAboutThirtyTwoKiB() {
        NdjsonStream.read(sim.daemonBaseUrl() + diff(SimulatedIds.ARCHIVE_FINAL, AgentFactorySimulator.syntheticArchive(20_000)));

        long average = sim.diffMeter().bytes() / sim.diffMeter().chunks();
        assertThat(average).isBetween((long) DiffResponses.CHUNK_BYTES, DiffResponses.CHUNK_BYTES + 1024L);
    }

    static String diff(String a, String b) {
        return "/api/daemon/workareas/" + a + "/diff/" + b;
    }

    private static WorkareaDiffSummary summaryOf(String line) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = JsonCodec.get().decode(line.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.class);
        assertThat(map).containsOnlyKeys("summary");
        return JsonCodec.get().mapper().convertValue(map.get("summary"), WorkareaDiffSummary.class);
    }

    private static int count(List<WorkareaDiffEntry> entries, WorkareaDiffStatus status) {
        return (int) entries.stream().filter(e -> e.status().equals(status)).count();
    }
}
