package io.agentfactory.sdk.reactor.internal.diff;

import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.SAMPLE_EVENTS;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.SAMPLE_NDJSON;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.decoder;
import static io.agentfactory.sdk.reactor.internal.diff.TransportBody.split;
import static io.agentfactory.sdk.reactor.internal.diff.TransportBody.splitRandomly;
import static io.agentfactory.sdk.reactor.internal.diff.TransportBody.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.DiffSummaryMismatchException;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.workarea.WorkareaDiffEvent;

/**
 * Decoding does not depend on where the transport cuts the body: the same stream served whole, in
 * 1-byte, 7-byte and seeded random chunks, in direct and heap buffers, gives the same events, even
 * when a cut falls inside a multi-byte UTF-8 character of a path like {@code docs/日本語/ß.md}.
 */
class NdjsonChunkBoundaryTest {

    private static final byte[] SAMPLE = utf8(SAMPLE_NDJSON);

    static Stream<Arguments> chunkings() {
        return Stream.of(
                Arguments.of("whole", List.of(SAMPLE)),
                Arguments.of("1-byte", split(SAMPLE, 1)),
                Arguments.of("2-byte", split(SAMPLE, 2)),
                Arguments.of("3-byte", split(SAMPLE, 3)),
                Arguments.of("7-byte", split(SAMPLE, 7)),
                Arguments.of("random seed 1", splitRandomly(SAMPLE, 1, 16)),
                Arguments.of("random seed 7", splitRandomly(SAMPLE, 7, 16)),
                Arguments.of("random seed 42", splitRandomly(SAMPLE, 42, 64)),
                Arguments.of("random seed 20240601", splitRandomly(SAMPLE, 20240601, 200)));
    }

    @ParameterizedTest(name = "{0} chunks, direct buffers")
    @MethodSource("chunkings")
    void directChunksDecodeLikeTheWholeStream(String label, List<byte[]> chunks) {
        assertThat(decodeAll(TransportBody.direct(chunks))).isEqualTo(wholeStreamResult());
    }

    @ParameterizedTest(name = "{0} chunks, heap buffers")
    @MethodSource("chunkings")
    void heapChunksDecodeLikeTheWholeStream(String label, List<byte[]> chunks) {
        assertThat(decodeAll(TransportBody.heap(Flux.fromIterable(chunks)))).isEqualTo(wholeStreamResult());
    }

    @Test
    void theWholeStreamDecodesToTheSample() {
        assertThat(wholeStreamResult()).isEqualTo(SAMPLE_EVENTS);
    }

    @Test
    void sevenByteChunksDoCutInsideMultiByteCharacters() {
        // Guards the test above: a cut falls on a UTF-8 continuation byte (10xxxxxx) several times.
        long cutsInsideCharacters = Stream.iterate(7, at -> at < SAMPLE.length, at -> at + 7)
                .filter(at -> (SAMPLE[at] & 0xC0) == 0x80)
                .count();
        assertThat(cutsInsideCharacters).isGreaterThanOrEqualTo(3);
    }

    @Test
    void oneByteChunksNameTheSameBadLine() {
        byte[] bad = utf8(SAMPLE_NDJSON.replace("\"status\":\"removed\"", "\"status\":removed"));

        StepVerifier.create(decoder().ndjson(TransportBody.direct(split(bad, 1))))
                .expectNextCount(2)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseDecodeException.class)
                        .hasMessageContaining("invalid JSON on diff line 4, column"))
                .verify();
    }

    @Test
    void oneByteChunksCountEntriesTheSame() {
        byte[] wrong = utf8(SAMPLE_NDJSON.replace(DiffFixtures.SUMMARY_LINE, DiffFixtures.summaryLine(2, 1, 1, 4)));

        StepVerifier.create(decoder().ndjson(TransportBody.direct(split(wrong, 1))))
                .expectNextCount(5)
                .expectError(DiffSummaryMismatchException.class)
                .verify();
    }

    private static List<WorkareaDiffEvent> wholeStreamResult() {
        return decodeAll(TransportBody.direct(List.of(SAMPLE)));
    }

    private static List<WorkareaDiffEvent> decodeAll(Flux<ByteBuf> body) {
        return decoder().ndjson(body).collectList().block();
    }
}
