package io.agentfactory.sdk.reactor.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.DiffStreamFailedException;
import io.agentfactory.sdk.error.DiffSummaryMismatchException;
import io.agentfactory.sdk.error.DiffTruncatedException;
import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.error.NotFoundException;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.testing.GeneratedDiff;
import io.agentfactory.sdk.reactor.testing.RecordedRequest;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;
import io.agentfactory.sdk.workarea.WorkareaDiffEntry;
import io.agentfactory.sdk.workarea.WorkareaDiffEvent;
import io.agentfactory.sdk.workarea.WorkareaDiffResult;
import io.agentfactory.sdk.workarea.WorkareaDiffStatus;
import io.agentfactory.sdk.workarea.WorkareaDiffSummary;

/** {@code GET /api/daemon/workareas/<idA>/diff/<idB>} through the daemon client, over real HTTP. */
class DaemonDiffTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @RegisterExtension
    static final DaemonUnderTest DAEMON = DaemonUnderTest.withOptions(b -> b.maxDiffLineBytes(4096));

    private static final String ENTRY_1 = "{\"path\":\"a.txt\",\"status\":\"added\",\"sizeB\":3,\"hashB\":\"bb\"}";
    private static final String ENTRY_2 = "{\"path\":\"docs/日本語/ß.md\",\"status\":\"modified\",\"sizeA\":1,"
            + "\"sizeB\":2,\"hashA\":\"aa\",\"hashB\":\"bb\"}";
    private static final String ENTRY_3 = "{\"path\":\"z.txt\",\"status\":\"removed\",\"sizeA\":9,\"hashA\":\"aa\"}";
    private static final String SUMMARY = "{\"summary\":{\"workareaA\":\"ar-1\",\"workareaB\":\"ar-2\",\"added\":1,"
            + "\"removed\":1,\"modified\":1,\"total\":3}}";
    private static final String NDJSON = ENTRY_1 + "\n" + ENTRY_2 + "\r\n\n" + ENTRY_3 + "\n" + SUMMARY + "\n";

    private final RecordingServer server = DAEMON.server();
    private final ReactorDaemonClient daemon = DAEMON.client();

    @Test
    void streamDiffAsksForBothShapesAndEscapesEachId() {
        server.replyWith(ndjson(NDJSON));

        daemon.streamDiff("ar 1/x", "ar-2").collectList().block(TIMEOUT);

        RecordedRequest request = server.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.uri()).isEqualTo("/api/daemon/workareas/ar%201%2Fx/diff/ar-2");
        assertThat(request.header("Accept")).isEqualTo("application/x-ndjson, application/json");
        assertThat(request.hasHeader("Authorization")).isFalse();
    }

    @Test
    void ndjsonDiffStreamsEveryEntryThenTheSummary() {
        server.replyWith(ndjson(NDJSON));

        List<WorkareaDiffEvent> events = daemon.streamDiff("ar-1", "ar-2").collectList().block(TIMEOUT);

        assertThat(events).hasSize(4);
        assertThat(events.subList(0, 3)).allMatch(e -> e instanceof WorkareaDiffEntry);
        assertThat(((WorkareaDiffEntry) events.get(1)).path()).isEqualTo("docs/日本語/ß.md");
        assertThat(((WorkareaDiffEntry) events.get(1)).status()).isEqualTo(WorkareaDiffStatus.MODIFIED);
        assertThat(events.get(3)).isEqualTo(new WorkareaDiffSummary("ar-1", "ar-2", 1, 1, 1, 3));
    }

    @Test
    void ndjsonContentTypeIsMatchedCaseInsensitivelyWithParameters() {
        server.replyWith(Reply.status(200).header("Content-Type", "Application/X-NDJSON; charset=utf-8")
                .body(NDJSON).chunked(7));

        StepVerifier.create(daemon.streamDiff("ar-1", "ar-2")).expectNextCount(4).verifyComplete();
    }

    @Test
    void jsonEnvelopeGivesTheSameEvents() {
        server.replyWith(Reply.json("{\"diff\":{\"summary\":" + SUMMARY.substring(11, SUMMARY.length() - 1)
                + ",\"entries\":[" + ENTRY_1 + "," + ENTRY_2 + "," + ENTRY_3 + "]}}"));

        List<WorkareaDiffEvent> events = daemon.streamDiff("ar-1", "ar-2").collectList().block(TIMEOUT);

        server.reset();
        server.replyWith(ndjson(NDJSON));
        assertThat(events).isEqualTo(daemon.streamDiff("ar-1", "ar-2").collectList().block(TIMEOUT));
    }

    @Test
    void diffWorkareasAggregatesEntriesAndSummary() {
        server.replyWith(ndjson(NDJSON));

        WorkareaDiffResult result = daemon.diffWorkareas("ar-1", "ar-2").block(TIMEOUT);

        assertThat(result.entries()).extracting(WorkareaDiffEntry::path)
                .containsExactly("a.txt", "docs/日本語/ß.md", "z.txt");
        assertThat(result.summary().total()).isEqualTo(3);
    }

    @Test
    void errorLineEndsTheStreamWithTheDaemonsMessage() {
        server.replyWith(ndjson(ENTRY_1 + "\n{\"error\":\"disk read failed\"}\n"));

        StepVerifier.create(daemon.streamDiff("ar-1", "ar-2"))
                .expectNextCount(1)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DiffStreamFailedException.class)
                        .hasMessageContaining("disk read failed")
                        .hasMessageContaining("/api/daemon/workareas/ar-1/diff/ar-2"))
                .verify(TIMEOUT);
    }

    @Test
    void streamWithoutSummaryIsTruncatedNeverShort() {
        server.replyWith(ndjson(ENTRY_1 + "\n" + ENTRY_2 + "\n"));

        StepVerifier.create(daemon.streamDiff("ar-1", "ar-2"))
                .expectNextCount(2)
                .expectErrorSatisfies(e -> assertThat(((DiffTruncatedException) e).entriesReceived()).isEqualTo(2))
                .verify(TIMEOUT);
    }

    @Test
    void connectionCutMidStreamIsTruncation() {
        server.replyWith(Reply.custom((request, response) -> response
                .header("Content-Type", "application/x-ndjson")
                .sendString(Mono.just(ENTRY_1 + "\n" + ENTRY_2.substring(0, 20)))
                .then()
                .then(Mono.defer(() -> {
                    response.withConnection(c -> c.channel().close());
                    return Mono.empty();
                }))));

        StepVerifier.create(daemon.streamDiff("ar-1", "ar-2"))
                .expectNextCount(1)
                .expectError(DiffTruncatedException.class)
                .verify(TIMEOUT);
    }

    @Test
    void summaryCountsThatDisagreeAreAnError() {
        server.replyWith(ndjson(ENTRY_1 + "\n" + SUMMARY + "\n"));

        StepVerifier.create(daemon.streamDiff("ar-1", "ar-2"))
                .expectNextCount(1)
                .expectErrorSatisfies(e -> {
                    DiffSummaryMismatchException mismatch = (DiffSummaryMismatchException) e;
                    assertThat(mismatch.streamedTotal()).isEqualTo(1);
                    assertThat(mismatch.summary().total()).isEqualTo(3);
                })
                .verify(TIMEOUT);
    }

    @Test
    void overLongLineFailsNamingTheLimit() {
        String longLine = "{\"path\":\"" + "x".repeat(5000) + "\",\"status\":\"added\"}\n";
        server.replyWith(ndjson(longLine + SUMMARY + "\n"));

        StepVerifier.create(daemon.streamDiff("ar-1", "ar-2"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseDecodeException.class)
                        .hasMessageContaining("4096"))
                .verify(TIMEOUT);
    }

    @Test
    void blankIdsFailBeforeAnythingIsSent() {
        StepVerifier.create(daemon.streamDiff(" ", "ar-2")).expectError(InvalidArgumentException.class)
                .verify(TIMEOUT);
        StepVerifier.create(daemon.diffWorkareas("ar-1", "")).expectError(InvalidArgumentException.class)
                .verify(TIMEOUT);

        assertThat(server.requestCount()).isZero();
    }

    @Test
    void statusErrorsKeepTheirType() {
        server.replyWith(Reply.text(404, "no such archive\n"));

        StepVerifier.create(daemon.streamDiff("ar-1", "nope"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(NotFoundException.class)
                        .hasMessageContaining("no such archive"))
                .verify(TIMEOUT);
    }

    @Test
    void daemonStillStartingIsRetriedBeforeTheFirstEntry() {
        server.replySequence(
                Reply.json(503, "{\"error\":\"daemon is still starting\",\"status\":\"starting\"}")
                        .header("Retry-After", "1"),
                ndjson(NDJSON));

        StepVerifier.create(daemon.streamDiff("ar-1", "ar-2")).expectNextCount(4).verifyComplete();
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void cancellingStopsReadingAnEndlessStream() {
        server.replyWith(Reply.custom((request, response) -> response
                .header("Content-Type", "application/x-ndjson")
                .send(GeneratedDiff.endless(50).map(Unpooled::wrappedBuffer), b -> true)));

        StepVerifier.create(daemon.streamDiff("ar-1", "ar-2").take(3))
                .expectNextCount(3)
                .verifyComplete();
    }

    @Test
    void slowSteadyStreamSucceedsPastTheResponseTimeout() {
        List<byte[]> chunks = new ArrayList<>();
        for (String line : NDJSON.split("(?<=\n)")) {
            chunks.add(line.getBytes(StandardCharsets.UTF_8));
        }
        int repeat = Integer.getInteger("diff.steadySeconds", 60);
        List<byte[]> slow = new ArrayList<>();
        for (int i = 0; i < repeat - chunks.size(); i++) {
            slow.add("\n".getBytes(StandardCharsets.UTF_8));
        }
        slow.addAll(chunks);
        server.replyWith(Reply.status(200).header("Content-Type", "application/x-ndjson").chunks(slow)
                .chunkDelay(Duration.ofSeconds(1)));

        try (ReactorDaemonClient patient = ReactorDaemonClient.create(DaemonClientOptions.builder()
                .baseUrl(server.baseUrl())
                .transport(TransportOptions.builder().responseTimeout(Duration.ofSeconds(5)).build())
                .build())) {
            StepVerifier.create(patient.streamDiff("ar-1", "ar-2"))
                    .expectNextCount(4)
                    .expectComplete()
                    .verify(Duration.ofSeconds(repeat + 30));
        }
    }

    private static Reply ndjson(String body) {
        return Reply.status(200).header("Content-Type", "application/x-ndjson").body(body);
    }
}
