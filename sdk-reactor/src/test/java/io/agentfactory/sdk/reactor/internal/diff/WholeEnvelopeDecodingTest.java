package io.agentfactory.sdk.reactor.internal.diff;

import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.ADDED_LINE;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.MODIFIED_LINE;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.SAMPLE_ENVELOPE;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.SAMPLE_EVENTS;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.decoder;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.summaryObject;
import static io.agentfactory.sdk.reactor.internal.diff.TransportBody.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Signal;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.DiffSummaryMismatchException;
import io.agentfactory.sdk.error.DiffTruncatedException;
import io.agentfactory.sdk.error.ResponseDecodeException;

/**
 * The one-pass decoding of a small envelope ({@link WorkareaDiffDecoder#wholeEnvelope}): for every
 * body, whole or cut anywhere, exactly the events and the error of the streaming decoder.
 */
class WholeEnvelopeDecodingTest {

    private static final String NULL_ENTRY = "{\"diff\":{\"summary\":" + summaryObject(0, 0, 1, 1) + ",\"entries\":["
            + MODIFIED_LINE + ",null]}}";
    private static final String MISMATCH = "{\"diff\":{\"summary\":" + summaryObject(1, 1, 1, 2) + ",\"entries\":["
            + MODIFIED_LINE + "," + ADDED_LINE + "]}}";
    private static final String SUMMARY_LAST = "{\"v\":[1,{\"a\":null}],\"diff\":{\"x\":{\"y\":[]},\"entries\":["
            + MODIFIED_LINE + "],\"summary\":" + summaryObject(0, 0, 1, 1) + "},\"z\":\"diff\"}";

    private static final List<String> BODIES = List.of(SAMPLE_ENVELOPE, SUMMARY_LAST, NULL_ENTRY, MISMATCH,
            "", "{}", "[]", "null", "{\"diff\":null}", "{\"diff\":[]}", "{\"diff\":{\"entries\":[]}}",
            "{\"diff\":{\"summary\":[]}}", "{\"diff\":{\"entries\":{}}}", "{\"diff\":{\"entries\":[1]}}",
            "{\"diff\":{\n\"summary\":{},\n\"entries\":[{\"path\":oops}]}}", SAMPLE_ENVELOPE + " {}", SAMPLE_ENVELOPE + " x",
            SAMPLE_ENVELOPE + "  \n", SAMPLE_ENVELOPE.substring(0, SAMPLE_ENVELOPE.length() - 1),
            SAMPLE_ENVELOPE.substring(0, SAMPLE_ENVELOPE.length() / 2),
            "{\"diff\":{\"summary\":" + summaryObject(0, 0, 0, 0) + ",\"entries\":[{\"path\":\"a\",\"status\":7}]}}",
            "{\"diff\":{\"summary\":" + summaryObject(0, 0, 0, 0) + "},\"diff\":{\"summary\":" + summaryObject(0, 0, 1, 1)
                    + ",\"entries\":[" + MODIFIED_LINE + "]}}");

    @Test
    void theSampleDecodesToTheStreamingEvents() {
        byte[] body = utf8(SAMPLE_ENVELOPE);

        StepVerifier.create(decoder().wholeEnvelope(TransportBody.whole(SAMPLE_ENVELOPE), body.length))
                .expectNextSequence(SAMPLE_EVENTS)
                .verifyComplete();
    }

    @Test
    void aValidBodyIsDecodedInOnePassAndAnInvalidOneIsLeftToTheStreamingDecoder() {
        byte[] sample = utf8(SAMPLE_ENVELOPE);
        byte[] summaryLast = utf8(SUMMARY_LAST);

        assertThat(WholeEnvelopeParser.decodeAtOnce(sample, sample.length)).isEqualTo(SAMPLE_EVENTS);
        assertThat(WholeEnvelopeParser.decodeAtOnce(summaryLast, summaryLast.length))
                .isEqualTo(decoder().envelope(summaryLast).collectList().block());
        for (String invalid : List.of(NULL_ENTRY, MISMATCH, "", "{}", SAMPLE_ENVELOPE + " {}", "{\"diff\":null}")) {
            byte[] body = utf8(invalid);
            assertThat(WholeEnvelopeParser.decodeAtOnce(body, body.length)).as(invalid).isNull();
        }
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 3, 7, 64, 100_000})
    void everyBodyGivesTheStreamingAnswer(int size) {
        for (String text : BODIES) {
            assertSameAnswer(text, utf8(text), size);
        }
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 5, 64, 100_000})
    void invalidUtf8GivesTheStreamingError(int size) {
        byte[] overlong = utf8(SAMPLE_ENVELOPE);
        overlong[SAMPLE_ENVELOPE.indexOf("README")] = (byte) 0xC0;
        assertSameAnswer("an overlong byte", overlong, size);
        byte[] cutSequence = utf8(SAMPLE_ENVELOPE + "ß");
        assertSameAnswer("a cut sequence", java.util.Arrays.copyOf(cutSequence, cutSequence.length - 1), size);
        byte[] syntaxThenUtf8 = utf8("{\"diff\":x, \"a\":\"" + "y".repeat(80) + "\u00e9\"}");
        syntaxThenUtf8[syntaxThenUtf8.length - 3] = (byte) 0xFF;
        assertSameAnswer("bad JSON before bad UTF-8", syntaxThenUtf8, size);
    }

    @Test
    void aMismatchIsTheStreamingMismatch() {
        StepVerifier.create(decoder().wholeEnvelope(TransportBody.whole(MISMATCH), utf8(MISMATCH).length))
                .expectNextCount(2)
                .expectError(DiffSummaryMismatchException.class)
                .verify();
    }

    @Test
    void aNullEntryIsTheStreamingError() {
        StepVerifier.create(decoder().wholeEnvelope(TransportBody.whole(NULL_ENTRY), utf8(NULL_ENTRY).length))
                .expectNextCount(1)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseDecodeException.class)
                        .hasMessageEndingWith("diff.entries[1] is null"))
                .verify();
    }

    @Test
    void aBodyCutByTheTransportIsTruncatedAfterTheEntriesItCarried() {
        byte[] body = utf8(SAMPLE_ENVELOPE);
        List<byte[]> chunks = TransportBody.split(body, 200);
        IOException reset = new IOException("connection reset");
        Flux<ByteBuf> cut = TransportBody.direct(chunks.subList(0, 2)).concatWith(Flux.error(reset));
        Flux<ByteBuf> cutAgain = TransportBody.direct(chunks.subList(0, 2)).concatWith(Flux.error(reset));

        List<Signal<?>> whole = signals(decoder().wholeEnvelope(cut, body.length));

        assertThat(whole).isEqualTo(signals(decoder().envelope(cutAgain)));
        assertThat(whole.get(whole.size() - 1).getThrowable()).isEqualTo(new Described(
                new DiffTruncatedException(DiffFixtures.METHOD, DiffFixtures.PATH, 1,
                        "diff body cut after 1 entries: " + reset, reset)));
    }

    @Test
    void aLongerBodyThanTheEntryLimitStreamsAndFailsOnTheLongEntry() {
        String huge = "{\"diff\":{\"entries\":[{\"path\":\"" + "x".repeat(4096) + "\",\"status\":\"added\"}]}}";
        byte[] body = utf8(huge);

        StepVerifier.create(new WorkareaDiffDecoder("GET", "/d", 1024)
                        .wholeEnvelope(TransportBody.direct(TransportBody.split(body, 256)), body.length))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseDecodeException.class)
                        .hasMessageContaining("diff.entries[0] is longer than the limit of 1024 bytes"))
                .verify();
    }

    @Test
    void onlyAnnouncedBodiesWithinTheLimitsAreDecodedInOnePass() {
        assertThat(WholeEnvelopeParser.fits(-1, 1024)).isFalse();
        assertThat(WholeEnvelopeParser.fits(0, 1024)).isTrue();
        assertThat(WholeEnvelopeParser.fits(1024, 1024)).isTrue();
        assertThat(WholeEnvelopeParser.fits(1025, 1024)).isFalse();
        assertThat(WholeEnvelopeParser.fits(WholeEnvelopeParser.MAX_BYTES, Integer.MAX_VALUE)).isTrue();
        assertThat(WholeEnvelopeParser.fits(WholeEnvelopeParser.MAX_BYTES + 1L, Integer.MAX_VALUE)).isFalse();
    }

    private static void assertSameAnswer(String label, byte[] body, int size) {
        List<Signal<?>> streaming = signals(decoder().envelope(TransportBody.direct(TransportBody.split(body, size))));
        List<Signal<?>> whole = signals(decoder().wholeEnvelope(TransportBody.direct(TransportBody.split(body, size)),
                body.length));
        assertThat(whole).as(label + " in chunks of " + size).isEqualTo(streaming);
    }

    /** Every signal; an error as its class and message (exceptions have no equality). */
    private static List<Signal<?>> signals(Flux<?> events) {
        List<Signal<?>> out = new ArrayList<>();
        events.materialize().doOnNext(out::add).blockLast();
        List<Signal<?>> comparable = new ArrayList<>();
        for (Signal<?> signal : out) {
            Throwable e = signal.getThrowable();
            comparable.add(e == null ? signal : Signal.error(new Described(e)));
        }
        return comparable;
    }

    /** An error compared by its class and message. */
    private static final class Described extends RuntimeException {

        private final Class<?> type;

        Described(Throwable e) {
            super(e.getMessage(), e.getCause());
            this.type = e.getClass();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Described d && d.type == type && Objects.equals(d.getMessage(), getMessage());
        }

        @Override
        public int hashCode() {
            return Objects.hash(type, getMessage());
        }

        @Override
        public String toString() {
            return type.getSimpleName() + ": " + getMessage();
        }
    }
}
