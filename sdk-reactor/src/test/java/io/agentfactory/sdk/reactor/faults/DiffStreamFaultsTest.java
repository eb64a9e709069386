package io.agentfactory.sdk.reactor.faults;

import static io.agentfactory.sdk.reactor.faults.CoordinatorUnderFault.NO_HANG;
import static io.agentfactory.sdk.reactor.faults.CoordinatorUnderFault.failure;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.DiffStreamFailedException;
import io.agentfactory.sdk.error.DiffTruncatedException;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.reactor.daemon.DaemonClientOptions;
import io.agentfactory.sdk.reactor.daemon.ReactorDaemonClient;
import io.agentfactory.sdk.reactor.testing.GeneratedDiff;
import io.agentfactory.sdk.workarea.WorkareaDiffEntry;
import io.agentfactory.sdk.workarea.WorkareaDiffEvent;
import io.agentfactory.sdk.workarea.WorkareaDiffSummary;

/**
 * Faults in the middle of {@code streamDiff} (sdk-api/CONTRACT.md §4): however the body ends early — FIN
 * at a line boundary or inside a line, RST, a stall past the response timeout — the stream
 * delivers exactly the entries that arrived whole, then a typed error, never a silently short
 * diff; bad bytes and wrong content types are decode errors; the daemon's error line ends the
 * stream after the entries before it; a failure before the first entry is retried, so the diff
 * arrives once. After each case the pool is idle and nothing leaked ({@link CoordinatorUnderFault}).
 */
class DiffStreamFaultsTest {

    private static final String PATH = "/api/daemon/workareas/wa-1/diff/wa-2";
    private static final List<String> PATHS = IntStream.range(0, 6).mapToObj(i -> "src/ß-" + i + ".txt").toList();
    private static final WorkareaDiffSummary SUMMARY = new WorkareaDiffSummary("wa-1", "wa-2", 6, 0, 0, 6);
    private static final String SUMMARY_LINE = "{\"summary\":{\"workareaA\":\"wa-1\",\"workareaB\":\"wa-2\","
            + "\"added\":6,\"removed\":0,\"modified\":0,\"total\":6}}\n";

    @RegisterExtension
    static final CoordinatorUnderFault UNDER_FAULT = CoordinatorUnderFault.withPoolOf(4);

    private final FaultServer server = UNDER_FAULT.server();
    private final List<ReactorDaemonClient> daemons = new ArrayList<>();

    @AfterEach
    void closeDaemons() {
        daemons.forEach(ReactorDaemonClient::close);
    }

    @Test
    void aChunkedBodyClosedAtALineBoundaryIsTruncatedAfterExactlyTheEntriesReceived() {
        server.answer(ndjsonHead().thenChunk(entries(0, 3)).thenClose());

        StepVerifier.create(paths(daemon().streamDiff("wa-1", "wa-2")))
                .expectNextSequence(PATHS.subList(0, 3))
                .expectErrorSatisfies(e -> assertTruncatedAfter(e, 3))
                .verify(NO_HANG);
    }

    @Test
    void aCloseDelimitedBodyEndingAtALineBoundaryWithoutItsSummaryIsTruncatedNotShort() {
        // No length and no chunking: HTTP itself cannot tell this FIN from the end of the body.
        server.answer(Fault.head(200, "Content-Type: application/x-ndjson", "Connection: close")
                .then(entries(0, 4)).thenClose());

        StepVerifier.create(paths(daemon().streamDiff("wa-1", "wa-2")))
                .expectNextSequence(PATHS.subList(0, 4))
                .expectErrorSatisfies(e -> assertTruncatedAfter(e, 4))
                .verify(NO_HANG);
    }

    @Test
    void aBodyClosedInsideALineIsTruncatedAfterTheWholeLinesBeforeIt() {
        String cut = entries(2, 3).substring(0, 25);
        server.answer(ndjsonHead().thenChunk(entries(0, 2)).thenChunk(cut).thenClose());

        StepVerifier.create(paths(daemon().streamDiff("wa-1", "wa-2")))
                .expectNextSequence(PATHS.subList(0, 2))
                .expectErrorSatisfies(e -> assertTruncatedAfter(e, 2))
                .verify(NO_HANG);
    }

    @Test
    void aConnectionResetMidStreamIsTruncatedAfterTheEntriesReceived() {
        // Reset only once the client has the entries: an RST may discard bytes still in flight.
        Sinks.Empty<Void> thirdEntryReceived = Sinks.empty();
        server.answer(ndjsonHead().thenChunk(entries(0, 3)).thenAwait(thirdEntryReceived.asMono()).thenReset());

        StepVerifier.create(paths(daemon().streamDiff("wa-1", "wa-2"))
                        .doOnNext(path -> {
                            if (path.equals(PATHS.get(2))) {
                                thirdEntryReceived.tryEmitEmpty();
                            }
                        }))
                .expectNextSequence(PATHS.subList(0, 3))
                .expectErrorSatisfies(e -> {
                    DiffTruncatedException truncated = assertTruncatedAfter(e, 3);
                    assertThat(truncated.getCause()).as("the transport failure").isNotNull();
                })
                .verify(NO_HANG);
    }

    @Test
    void aStallMidStreamLongerThanTheResponseTimeoutIsTruncationCausedByTheReadTimeout() {
        server.answer(ndjsonHead().thenChunk(entries(0, 3)).thenStall());
        ReactorDaemonClient daemon = daemon(Duration.ofMillis(300));

        long start = System.nanoTime();
        StepVerifier.create(paths(daemon.streamDiff("wa-1", "wa-2")))
                .expectNextSequence(PATHS.subList(0, 3))
                .expectErrorSatisfies(e -> {
                    DiffTruncatedException truncated = assertTruncatedAfter(e, 3);
                    assertThat(truncated.getCause()).isInstanceOf(ReadTimeoutException.class);
                })
                .verify(NO_HANG);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).as("ended by the 300 ms response timeout, not by the test's own limit")
                .isBetween(Duration.ofMillis(300), Duration.ofSeconds(3));
        assertThat(server.requestCount()).as("entries were emitted, so no retry").isOne();
    }

    @Test
    void invalidUtf8InsideALineIsADecodeErrorAfterTheEntriesBeforeIt() {
        // 0xC3 starts a two-byte sequence; '(' cannot continue it.
        byte[] bad = entries(1, 2).replace("ß", "\u00c3(").getBytes(StandardCharsets.ISO_8859_1);
        server.answer(ndjsonHead().thenChunk(entries(0, 1)).thenChunk(bad).thenChunk(SUMMARY_LINE).thenLastChunk());

        StepVerifier.create(paths(daemon().streamDiff("wa-1", "wa-2")))
                .expectNext(PATHS.get(0))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ResponseDecodeException.class)
                            .hasMessageContaining("diff line 2 is not valid UTF-8")
                            .hasMessageContaining(PATH);
                    CoordinatorUnderFault.assertSecretFree(e);
                })
                .verify(NO_HANG);
    }

    @Test
    void anNdjsonBodyServedAsTextPlainIsReadAsTheEnvelopeAndFailsToDecode() {
        server.answer(Fault.answer(200, "text/plain; charset=utf-8", entries(0, 6) + SUMMARY_LINE));

        ResponseDecodeException e = failure(daemon().streamDiff("wa-1", "wa-2"), ResponseDecodeException.class);

        assertThat(e).hasMessageContaining("invalid diff JSON").hasMessageContaining(PATH);
    }

    @Test
    void anNdjsonBodyServedWithoutContentTypeIsReadAsTheEnvelopeAndFailsToDecode() {
        byte[] body = (entries(0, 6) + SUMMARY_LINE).getBytes(StandardCharsets.UTF_8);
        server.answer(Fault.head(200, "Content-Length: " + body.length).then(body));

        ResponseDecodeException e = failure(daemon().streamDiff("wa-1", "wa-2"), ResponseDecodeException.class);

        assertThat(e).hasMessageContaining("invalid diff JSON").hasMessageContaining(PATH);
    }

    @Test
    void anErrorLineAfterSomeEntriesEndsTheStreamAfterExactlyThoseEntries() {
        server.answer(ndjsonHead().thenChunk(entries(0, 2)).thenChunk(entries(2, 5))
                .thenChunk("{\"error\":\"archive read failed\"}\n").thenChunk(entries(5, 6) + SUMMARY_LINE)
                .thenLastChunk());

        StepVerifier.create(paths(daemon().streamDiff("wa-1", "wa-2")))
                .expectNextSequence(PATHS.subList(0, 5))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DiffStreamFailedException.class)
                        .extracting(x -> ((DiffStreamFailedException) x).serverMessage())
                        .isEqualTo("archive read failed"))
                .verify(NO_HANG);
    }

    @Test
    void aFailureBeforeTheFirstEntryIsRetriedAndTheDiffArrivesOnce() {
        server.answerInTurn(
                Fault.head(503, "Retry-After: 1", "Content-Type: application/json", "Content-Length: 36")
                        .then("{\"error\":\"daemon is still starting\"}"),
                wholeDiff());

        List<WorkareaDiffEvent> events = new ArrayList<>();
        StepVerifier.create(daemon().streamDiff("wa-1", "wa-2"))
                .recordWith(() -> events)
                .expectNextCount(7)
                .verifyComplete();

        assertThat(events.subList(0, 6)).extracting(e -> ((WorkareaDiffEntry) e).path())
                .containsExactlyElementsOf(PATHS);
        assertThat(events.get(6)).isEqualTo(SUMMARY);
        assertThat(server.requests()).extracting(FaultServer.Request::uri).containsExactly(PATH, PATH);
    }

    @Test
    void aSubscriberPausingLongerThanTheResponseTimeoutDoesNotKillAHealthyDiff() {
        // 100,000 entries (about 20 MB): far more than the socket buffers hold while the subscriber pauses.
        long entries = 100_000;
        server.answer(ndjsonHead().thenChunks(() -> GeneratedDiff.ndjson(entries, 16 * 1024)).thenLastChunk());
        ReactorDaemonClient daemon = daemon(Duration.ofMillis(300));
        AtomicLong seen = new AtomicLong();

        StepVerifier.create(daemon.streamDiff("wa-1", "wa-2")
                        // One pause of three response timeouts, early in the body, on a timer.
                        .concatMap(event -> seen.incrementAndGet() == 10
                                ? Mono.delay(Duration.ofMillis(900)).thenReturn(event) : Mono.just(event), 1))
                .expectNextCount(entries)
                .expectNext(GeneratedDiff.summaryFor(entries))
                .expectComplete()
                .verify(Duration.ofSeconds(30));

        assertThat(server.requestCount()).isOne();
    }

    @Test
    void anEndlessRunOfBlankLinesIsADecodeError() {
        byte[] blank = "\n".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        server.answer(ndjsonHead().thenChunk(entries(0, 2)).thenChunks(() -> Flux.just(blank).repeat()));

        StepVerifier.create(paths(daemon().streamDiff("wa-1", "wa-2")))
                .expectNextSequence(PATHS.subList(0, 2))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseDecodeException.class)
                        .hasMessageContaining("consecutive blank lines").hasMessageContaining(PATH))
                .verify(NO_HANG);
    }

    /** The whole diff, every entry then the summary, chunked and properly ended. */
    private static Fault wholeDiff() {
        return ndjsonHead().thenChunk(entries(0, 3)).thenChunk(entries(3, 6) + SUMMARY_LINE).thenLastChunk();
    }

    /** The head of a chunked NDJSON diff. */
    private static Fault ndjsonHead() {
        return Fault.head(200, "Content-Type: application/x-ndjson", "Transfer-Encoding: chunked");
    }

    /** The NDJSON lines of entries {@code from} (inclusive) to {@code to} (exclusive), each "added". */
    private static String entries(int from, int to) {
        StringBuilder lines = new StringBuilder();
        for (int i = from; i < to; i++) {
            lines.append("{\"path\":\"").append(PATHS.get(i)).append("\",\"status\":\"added\",\"sizeB\":")
                    .append(i).append(",\"hashB\":\"bb\"}\n");
        }
        return lines.toString();
    }

    /** The path of each entry; the summary, if any, is left out. */
    private static Flux<String> paths(Flux<WorkareaDiffEvent> events) {
        return events.ofType(WorkareaDiffEntry.class).map(WorkareaDiffEntry::path);
    }

    private static DiffTruncatedException assertTruncatedAfter(Throwable e, long entries) {
        assertThat(e).isInstanceOf(DiffTruncatedException.class).hasMessageContaining(PATH);
        CoordinatorUnderFault.assertSecretFree(e);
        DiffTruncatedException truncated = (DiffTruncatedException) e;
        assertThat(truncated.entriesReceived()).as("entries received").isEqualTo(entries);
        return truncated;
    }

    private ReactorDaemonClient daemon() {
        return daemon(Duration.ofSeconds(2));
    }

    /** A daemon client of the fault server on the probed pool, with fast retries; closed after the test. */
    private ReactorDaemonClient daemon(Duration responseTimeout) {
        ReactorDaemonClient daemon = ReactorDaemonClient.create(DaemonClientOptions.builder()
                .baseUrl(server.baseUrl())
                .transport(UNDER_FAULT.transport().responseTimeout(responseTimeout).build())
                .build());
        daemons.add(daemon);
        return daemon;
    }
}
