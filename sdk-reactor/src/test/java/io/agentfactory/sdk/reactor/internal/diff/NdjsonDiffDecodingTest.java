package io.agentfactory.sdk.reactor.internal.diff;

import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.ADDED;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.ADDED_LINE;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.MODIFIED;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.MODIFIED_LINE;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.REMOVED_LINE;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.RENAMED;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.RENAMED_LINE;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.SAMPLE_EVENTS;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.SAMPLE_NDJSON;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.SUMMARY_LINE;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.decoder;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.summary;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.summaryLine;
import static io.agentfactory.sdk.reactor.internal.diff.TransportBody.utf8;
import static io.agentfactory.sdk.reactor.internal.diff.TransportBody.whole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.PrematureCloseException;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

import io.agentfactory.sdk.error.DiffStreamFailedException;
import io.agentfactory.sdk.error.DiffSummaryMismatchException;
import io.agentfactory.sdk.error.DiffTruncatedException;
import io.agentfactory.sdk.error.ErrorKind;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.workarea.WorkareaDiffEvent;
import io.agentfactory.sdk.workarea.WorkareaDiffStatus;

/** The NDJSON shape: what a valid stream decodes to, and every way a stream can be wrong. */
class NdjsonDiffDecodingTest {

    private static final String TWO_ENTRIES = MODIFIED_LINE + "\n" + ADDED_LINE + "\n";

    @Test
    void entriesArriveInWireOrderThenTheSummary() {
        StepVerifier.create(decoder().ndjson(whole(SAMPLE_NDJSON)))
                .expectNextSequence(SAMPLE_EVENTS)
                .verifyComplete();
    }

    @Test
    void unknownStatusIsPreservedAndCountsTowardTheTotalOnly() {
        String body = RENAMED_LINE + "\n" + summaryLine(0, 0, 0, 1) + "\n";

        StepVerifier.create(decoder().ndjson(whole(body)))
                .assertNext(event -> {
                    assertThat(event).isEqualTo(RENAMED);
                    WorkareaDiffStatus status = ((io.agentfactory.sdk.workarea.WorkareaDiffEntry) event).status();
                    assertThat(status.value()).isEqualTo("renamed");
                    assertThat(status.isKnown()).isFalse();
                })
                .expectNext(summary(0, 0, 0, 1))
                .verifyComplete();
    }

    @Test
    void blankLinesAndCrlfTerminatorsAreSkipped() {
        String body = "\r\n\n" + MODIFIED_LINE + "\r\n \r\n\t\n" + ADDED_LINE + "\r\n\r\n" + summaryLine(1, 0, 1, 2)
                + "\r\n\n";

        StepVerifier.create(decoder().ndjson(whole(body)))
                .expectNext(MODIFIED, ADDED, summary(1, 0, 1, 2))
                .verifyComplete();
    }

    @Test
    void aLastLineWithoutTerminatorIsStillRead() {
        StepVerifier.create(decoder().ndjson(whole(TWO_ENTRIES + summaryLine(1, 0, 1, 2))))
                .expectNext(MODIFIED, ADDED, summary(1, 0, 1, 2))
                .verifyComplete();
    }

    @Test
    void anEmptyDiffIsJustItsSummary() {
        StepVerifier.create(decoder().ndjson(whole(summaryLine(0, 0, 0, 0) + "\n")))
                .expectNext(summary(0, 0, 0, 0))
                .verifyComplete();
    }

    @Test
    void theSummaryIsEmittedOnlyOnceTheBodyHasEnded() {
        TestPublisher<ByteBuf> body = TestPublisher.create();
        List<WorkareaDiffEvent> seen = new ArrayList<>();
        AtomicInteger completions = new AtomicInteger();
        decoder().ndjson(body.flux()).subscribe(seen::add, e -> { }, completions::incrementAndGet);

        send(body, MODIFIED_LINE + "\n" + summaryLine(0, 0, 1, 1) + "\n");
        assertThat(seen).containsExactly(MODIFIED);

        body.complete();
        assertThat(seen).containsExactly(MODIFIED, summary(0, 0, 1, 1));
        assertThat(completions).hasValue(1);
    }

    @Test
    void anErrorLineEndsTheStreamWithTheDaemonsMessageAfterTheEntriesBeforeIt() {
        String body = TWO_ENTRIES + "{\"error\":\"disk read failed: /srv/wa-2\"}\n" + REMOVED_LINE + "\n";

        StepVerifier.create(decoder().ndjson(whole(body)))
                .expectNext(MODIFIED, ADDED)
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(DiffStreamFailedException.class)
                            .hasMessage("GET /api/daemon/workareas/wa-1/diff/wa-2: daemon failed mid-stream: "
                                    + "disk read failed: /srv/wa-2");
                    assertThat(((DiffStreamFailedException) e).serverMessage()).isEqualTo("disk read failed: /srv/wa-2");
                    assertThat(((DiffStreamFailedException) e).kind()).isEqualTo(ErrorKind.DIFF_STREAM);
                })
                .verify();
    }

    @Test
    void theDaemonsErrorMessageIsBoundedToOneKibibyte() {
        String huge = "x".repeat(100_000);

        StepVerifier.create(decoder().ndjson(whole("{\"error\":\"" + huge + "\"}\n")))
                .expectErrorSatisfies(e -> assertThat(((DiffStreamFailedException) e).serverMessage())
                        .startsWith("x".repeat(DiffErrors.MAX_SERVER_MESSAGE_CHARS))
                        .endsWith("… (98976 more characters)")
                        .hasSize(DiffErrors.MAX_SERVER_MESSAGE_CHARS + "… (98976 more characters)".length()))
                .verify();
    }

    @Test
    void anErrorLineWhoseValueIsNotAStringStillFailsTheStreamWithThatValue() {
        StepVerifier.create(decoder().ndjson(whole("{\"error\":{\"code\":5,\"reason\":\"io\"}}\n")))
                .expectErrorSatisfies(e -> assertThat(((DiffStreamFailedException) e).serverMessage())
                        .isEqualTo("{\"code\":5,\"reason\":\"io\"}"))
                .verify();
    }

    @Test
    void aBodyEndingWithoutItsSummaryIsTruncatedWithTheEntriesReceived() {
        StepVerifier.create(decoder().ndjson(whole(TWO_ENTRIES)))
                .expectNext(MODIFIED, ADDED)
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(DiffTruncatedException.class)
                            .hasMessage("GET /api/daemon/workareas/wa-1/diff/wa-2: diff stream ended after 2 entries "
                                    + "without its summary line");
                    assertThat(((DiffTruncatedException) e).entriesReceived()).isEqualTo(2);
                    assertThat(((DiffTruncatedException) e).isRetryable()).isTrue();
                })
                .verify();
    }

    @Test
    void anEmptyBodyIsTruncated() {
        StepVerifier.create(decoder().ndjson(Flux.empty()))
                .expectErrorSatisfies(e -> assertThat(((DiffTruncatedException) e).entriesReceived()).isZero())
                .verify();
    }

    @Test
    void aBodyCutInsideItsLastLineIsTruncatedNotMalformed() {
        String body = TWO_ENTRIES + "{\"summary\":{\"workareaA\":\"wa-1\",\"add";

        StepVerifier.create(decoder().ndjson(whole(body)))
                .expectNext(MODIFIED, ADDED)
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(DiffTruncatedException.class)
                            .hasMessageContaining("diff stream ended inside line 3 after 2 entries")
                            .hasCauseInstanceOf(ResponseDecodeException.class);
                    assertThat(((DiffTruncatedException) e).entriesReceived()).isEqualTo(2);
                })
                .verify();
    }

    @Test
    void aTransportFailureMidStreamIsTruncationWrappingTheFailureAfterTheEntriesReceived() {
        Flux<ByteBuf> body = whole(TWO_ENTRIES + "{\"path\":\"cut").concatWith(
                Flux.error(PrematureCloseException.TEST_EXCEPTION));

        StepVerifier.create(decoder().ndjson(body))
                .expectNext(MODIFIED, ADDED)
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(DiffTruncatedException.class)
                            .hasMessageStartingWith("GET /api/daemon/workareas/wa-1/diff/wa-2: diff stream cut after 2 "
                                    + "entries: ")
                            .hasCause(PrematureCloseException.TEST_EXCEPTION);
                    assertThat(((DiffTruncatedException) e).entriesReceived()).isEqualTo(2);
                })
                .verify();
    }

    @Test
    void aTransportFailureAfterTheSummaryLineIsStillTruncation() {
        Flux<ByteBuf> body = whole(TWO_ENTRIES + summaryLine(1, 0, 1, 2) + "\n")
                .concatWith(Flux.error(PrematureCloseException.TEST_EXCEPTION));

        StepVerifier.create(decoder().ndjson(body))
                .expectNext(MODIFIED, ADDED)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DiffTruncatedException.class)
                        .hasMessageContaining("after the summary line but before the end of the body")
                        .hasCause(PrematureCloseException.TEST_EXCEPTION))
                .verify();
    }

    @Test
    void anEntryAfterTheSummaryIsAnError() {
        String body = MODIFIED_LINE + "\n" + summaryLine(0, 0, 1, 1) + "\n" + ADDED_LINE + "\n";

        StepVerifier.create(decoder().ndjson(whole(body)))
                .expectNext(MODIFIED)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DiffTruncatedException.class)
                        .hasMessageEndingWith("diff line 3 follows the summary line 2, which must be the last line"))
                .verify();
    }

    @Test
    void aSecondSummaryIsAnError() {
        String body = summaryLine(0, 0, 0, 0) + "\n\n" + summaryLine(0, 0, 0, 0) + "\n";

        StepVerifier.create(decoder().ndjson(whole(body)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DiffTruncatedException.class)
                        .hasMessageEndingWith("diff line 3 follows the summary line 1, which must be the last line"))
                .verify();
    }

    @ParameterizedTest(name = "summary added={0} removed={1} modified={2} total={3}")
    @CsvSource({
        "2, 1, 1, 5", // the right counts: control
        "3, 1, 1, 5",
        "2, 0, 1, 5",
        "2, 1, 2, 5",
        "2, 1, 1, 4", // the unknown status left out of the total
        "2, 1, 1, 6"})
    void summaryCountsMustEqualTheEntriesStreamedPerStatus(int added, int removed, int modified, int total) {
        String body = SAMPLE_NDJSON.replace(SUMMARY_LINE, summaryLine(added, removed, modified, total));
        boolean agrees = added == 2 && removed == 1 && modified == 1 && total == 5;

        StepVerifier.Step<WorkareaDiffEvent> afterEntries = StepVerifier.create(decoder().ndjson(whole(body)))
                .expectNextSequence(SAMPLE_EVENTS.subList(0, 5));
        if (agrees) {
            afterEntries.expectNext(summary(2, 1, 1, 5)).verifyComplete();
            return;
        }
        afterEntries.expectErrorSatisfies(e -> {
            assertThat(e).isInstanceOf(DiffSummaryMismatchException.class)
                    .hasMessageContaining("diff summary says added=" + added + " removed=" + removed + " modified="
                            + modified + " total=" + total + " but the stream carried added=2 removed=1 modified=1");
            DiffSummaryMismatchException mismatch = (DiffSummaryMismatchException) e;
            assertThat(mismatch.summary()).isEqualTo(summary(added, removed, modified, total));
            assertThat(mismatch.streamedAdded()).isEqualTo(2);
            assertThat(mismatch.streamedRemoved()).isEqualTo(1);
            assertThat(mismatch.streamedModified()).isEqualTo(1);
        }).verify();
    }

    @Test
    void aLineOverTheLimitFailsNamingTheLimitAndTheLine() {
        WorkareaDiffDecoder decoder = new WorkareaDiffDecoder("GET", DiffFixtures.PATH, 200);
        String longLine = DiffFixtures.addedLine("p/" + "a".repeat(300));

        StepVerifier.create(decoder.ndjson(whole(DiffFixtures.addedLine("a") + "\n" + longLine + "\n")))
                .expectNext(DiffFixtures.added("a"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseDecodeException.class)
                        .hasMessage("GET /api/daemon/workareas/wa-1/diff/wa-2: diff line 2 is longer than the limit "
                                + "of 200 bytes (maxLineBytes)"))
                .verify();
    }

    @Test
    void aLineOfExactlyTheLimitIsAcceptedWithOrWithoutCarriageReturn() {
        String line = DiffFixtures.addedLine("p");
        WorkareaDiffDecoder decoder = new WorkareaDiffDecoder("GET", DiffFixtures.PATH, line.length());
        String body = line + "\r\n" + line + "\n" + "{\"summary\":{\"added\":2,\"total\":2}}";
        assertThat(body.split("\n")[2].length()).isLessThanOrEqualTo(line.length());

        StepVerifier.create(decoder.ndjson(whole(body)))
                .expectNextCount(3)
                .verifyComplete();
    }

    @Test
    void invalidJsonFailsNamingTheLineAndColumn() {
        String body = TWO_ENTRIES + "\n{\"path\":\"x\",\"status\":added}\n" + SUMMARY_LINE + "\n";

        StepVerifier.create(decoder().ndjson(whole(body)))
                .expectNext(MODIFIED, ADDED)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseDecodeException.class)
                        .hasMessageStartingWith("GET /api/daemon/workareas/wa-1/diff/wa-2: invalid JSON on diff line 4, "
                                + "column 22: Unrecognized token 'added'"))
                .verify();
    }

    @Test
    void aWrongValueTypeFailsNamingTheLine() {
        StepVerifier.create(decoder().ndjson(whole("{\"path\":\"x\",\"sizeA\":\"big\"}\n")))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseDecodeException.class)
                        .hasMessageContaining("invalid JSON on diff line 1, column"))
                .verify();
    }

    @Test
    void aNullLineIsNotAnEntry() {
        StepVerifier.create(decoder().ndjson(whole("null\n" + SUMMARY_LINE + "\n")))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseDecodeException.class)
                        .hasMessageEndingWith("diff line 1 is not a JSON object"))
                .verify();
    }

    @Test
    void aSummaryLineWithoutASummaryObjectIsMalformed() {
        StepVerifier.create(decoder().ndjson(whole("{\"summary\": null}\n")))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseDecodeException.class)
                        .hasMessageEndingWith("diff line 1: the summary line has no summary object"))
                .verify();
    }

    @Test
    void invalidUtf8FailsNamingTheLineAndByte() {
        byte[] bad = utf8(TWO_ENTRIES + "{\"path\":\"a?b\"}\n");
        bad[bad.length - 5] = (byte) 0xFF;

        StepVerifier.create(decoder().ndjson(TransportBody.direct(List.of(bad))))
                .expectNext(MODIFIED, ADDED)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseDecodeException.class)
                        .hasMessageEndingWith("diff line 3 is not valid UTF-8 (byte 11)"))
                .verify();
    }

    @Test
    void anOverlongUtf8SlashInAPathIsRejected() {
        // C0 AF is an overlong "/": Jackson alone would decode it to "../../etc".
        byte[] bad = utf8("{\"path\":\"..?..?etc\",\"status\":\"added\"}\n");
        int first = indexOf(bad, (byte) '?');
        byte[] overlong = new byte[bad.length + 2];
        System.arraycopy(bad, 0, overlong, 0, first);
        overlong[first] = (byte) 0xC0;
        overlong[first + 1] = (byte) 0xAF;
        System.arraycopy(bad, first + 1, overlong, first + 2, bad.length - first - 1);

        StepVerifier.create(decoder().ndjson(TransportBody.direct(List.of(overlong))))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseDecodeException.class)
                        .hasMessageEndingWith("diff line 1 is not valid UTF-8 (byte 12)"))
                .verify();
    }

    @Test
    void eachSubscriptionDecodesAfresh() {
        Flux<WorkareaDiffEvent> events = decoder().ndjson(Flux.defer(() -> whole(SAMPLE_NDJSON)));

        assertThat(events.collectList().block()).isEqualTo(SAMPLE_EVENTS);
        assertThat(events.collectList().block()).isEqualTo(SAMPLE_EVENTS);
    }

    @Test
    void maxLineBytesMustBePositive() {
        assertThatThrownBy(() -> new WorkareaDiffDecoder("GET", DiffFixtures.PATH, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxLineBytes");
    }

    private static void send(TestPublisher<ByteBuf> body, String text) {
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer().writeBytes(utf8(text));
        try {
            body.next(buffer);
        } finally {
            buffer.release();
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
