package io.agentfactory.sdk.reactor.internal.diff;

import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.ADDED_LINE;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.MODIFIED;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.MODIFIED_LINE;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.RENAMED;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.RENAMED_LINE;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.SAMPLE_ENVELOPE;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.SAMPLE_EVENTS;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.SAMPLE_NDJSON;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.decoder;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.summary;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.summaryObject;
import static io.agentfactory.sdk.reactor.internal.diff.TransportBody.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.DiffSummaryMismatchException;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.workarea.WorkareaDiffEvent;
import io.agentfactory.sdk.workarea.WorkareaDiffSummary;

/** The JSON envelope shape: the same events and the same checks as NDJSON. */
class EnvelopeDiffDecodingTest {

    @Test
    void theEnvelopeGivesTheSameEventsAsTheNdjsonStream() {
        StepVerifier.create(decoder().envelope(utf8(SAMPLE_ENVELOPE)))
                .expectNextSequence(SAMPLE_EVENTS)
                .verifyComplete();
        assertThat(decoder().ndjson(TransportBody.whole(SAMPLE_NDJSON)).collectList().block())
                .isEqualTo(decoder().envelope(utf8(SAMPLE_ENVELOPE)).collectList().block());
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void theEnvelopeDecodesTheSameWhereverTheTransportCutsIt(int size) {
        // ß and the sample's other multi-byte characters land across chunk boundaries too.
        byte[] body = utf8(SAMPLE_ENVELOPE);

        StepVerifier.create(decoder().envelope(TransportBody.direct(TransportBody.split(body, size))))
                .expectNextSequence(SAMPLE_EVENTS)
                .verifyComplete();
    }

    @Test
    void anEntryLongerThanTheLimitFailsWithoutBufferingIt() {
        String huge = "{\"diff\":{\"entries\":[{\"path\":\"" + "x".repeat(4096) + "\",\"status\":\"added\"}]}}";

        StepVerifier.create(new WorkareaDiffDecoder("GET", "/d", 1024)
                        .envelope(TransportBody.direct(TransportBody.split(utf8(huge), 256))))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseDecodeException.class)
                        .hasMessageContaining("diff.entries[0] is longer than the limit of 1024 bytes"))
                .verify();
    }

    @Test
    void summaryMayComeAfterTheEntries() {
        String body = "{\"diff\":{\"entries\":[" + MODIFIED_LINE + "],\"summary\":" + summaryObject(0, 0, 1, 1) + "}}";

        StepVerifier.create(decoder().envelope(utf8(body)))
                .expectNext(MODIFIED, summary(0, 0, 1, 1))
                .verifyComplete();
    }

    @ParameterizedTest(name = "entries {0}")
    @CsvSource(delimiter = '|', value = {"null|,\"entries\":null", "absent|", "empty|,\"entries\":[]"})
    void anEmptyDiffIsJustItsSummary(String label, String entries) {
        String body = "{\"diff\":{\"summary\":" + summaryObject(0, 0, 0, 0) + (entries == null ? "" : entries) + "}}";

        StepVerifier.create(decoder().envelope(utf8(body)))
                .expectNext(summary(0, 0, 0, 0))
                .verifyComplete();
    }

    @Test
    void unknownStatusIsPreservedAndCountsTowardTheTotalOnly() {
        String body = "{\"diff\":{\"summary\":" + summaryObject(0, 0, 0, 1) + ",\"entries\":[" + RENAMED_LINE + "]}}";

        StepVerifier.create(decoder().envelope(utf8(body)))
                .expectNext(RENAMED, summary(0, 0, 0, 1))
                .verifyComplete();
    }

    @Test
    void unknownFieldsAnywhereAreIgnored() {
        String body = "{\"version\":2,\"diff\":{\"engine\":{\"name\":\"x\"},\"summary\":" + summaryObject(0, 0, 1, 1)
                + ",\"entries\":[" + MODIFIED_LINE + "],\"truncated\":false}}";

        StepVerifier.create(decoder().envelope(utf8(body)))
                .expectNext(MODIFIED, summary(0, 0, 1, 1))
                .verifyComplete();
    }

    @ParameterizedTest(name = "summary added={0} removed={1} modified={2} total={3}")
    @CsvSource({"1, 0, 1, 2", "0, 0, 1, 2", "1, 1, 1, 2", "1, 0, 0, 2", "1, 0, 1, 3"})
    void summaryCountsMustEqualTheEntriesPerStatus(int added, int removed, int modified, int total) {
        String body = "{\"diff\":{\"summary\":" + summaryObject(added, removed, modified, total) + ",\"entries\":["
                + MODIFIED_LINE + "," + ADDED_LINE + "]}}";
        Flux<WorkareaDiffEvent> events = decoder().envelope(utf8(body));

        if (added == 1 && removed == 0 && modified == 1 && total == 2) {
            StepVerifier.create(events).expectNextCount(3).verifyComplete();
            return;
        }
        // The entries stream as they arrive; the summary, checked at the end, fails the diff after them.
        StepVerifier.create(events)
                .expectNextCount(2)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DiffSummaryMismatchException.class)
                        .hasMessageContaining("but the stream carried added=1 removed=0 modified=1"))
                .verify();
    }

    @Test
    void invalidJsonFailsNamingLineAndColumn() {
        String body = "{\"diff\":{\n\"summary\":{},\n\"entries\":[{\"path\":oops}]}}";

        StepVerifier.create(decoder().envelope(utf8(body)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseDecodeException.class)
                        .hasMessageStartingWith("GET /api/daemon/workareas/wa-1/diff/wa-2: invalid diff JSON, line 3, "
                                + "column 20: Unexpected character ('o'"))
                .verify();
    }

    @Test
    void trailingGarbageAfterTheDocumentIsRejected() {
        StepVerifier.create(decoder().envelope(utf8(SAMPLE_ENVELOPE + " {}")))
                .thenConsumeWhile(event -> !(event instanceof WorkareaDiffSummary))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseDecodeException.class)
                        .hasMessageContaining("data after the end of the document"))
                .verify();
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] body = utf8(SAMPLE_ENVELOPE);
        int at = SAMPLE_ENVELOPE.indexOf("README");
        body[at] = (byte) 0xC0;

        StepVerifier.create(decoder().envelope(body))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseDecodeException.class)
                        .hasMessageEndingWith("diff body is not valid UTF-8 (byte " + (at + 1) + ")"))
                .verify();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an empty body||invalid diff JSON",
        "no diff object|{}|diff body has no \"diff\" object",
        "a null diff|{\"diff\":null}|diff body has no \"diff\" object",
        "no summary|{\"diff\":{\"entries\":[]}}|diff body has no \"diff.summary\" object",
        "a JSON array|[]|invalid diff JSON",
        "JSON null|null|diff body has no \"diff\" object"})
    void aBodyWithoutADiffSummaryIsMalformed(String label, String body, String reason) {
        StepVerifier.create(decoder().envelope(utf8(body == null ? "" : body)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseDecodeException.class)
                        .hasMessageContaining(reason))
                .verify();
    }

    @Test
    void aNullEntryIsMalformed() {
        String body = "{\"diff\":{\"summary\":" + summaryObject(0, 0, 1, 1) + ",\"entries\":[" + MODIFIED_LINE
                + ",null]}}";

        StepVerifier.create(decoder().envelope(utf8(body)))
                .expectNext(MODIFIED)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseDecodeException.class)
                        .hasMessageEndingWith("diff.entries[1] is null"))
                .verify();
    }

    @Test
    void decodingHappensOnSubscriptionNotOnCall() {
        assertThatCode(() -> decoder().envelope(utf8("not json"))).doesNotThrowAnyException();
    }
}
