package io.agentfactory.sdk.reactor.internal.diff;

import static io.agentfactory.sdk.reactor.internal.diff.TransportBody.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

/** Cutting chunks into lines: boundaries, terminators, the end of the stream, the line limit. */
class LineFramerTest {

    @Test
    void linesSpanningChunksAreJoined() {
        LineFramer framer = new LineFramer(100);

        List<String> lines = new ArrayList<>();
        lines.addAll(feed(framer, "al"));
        lines.addAll(feed(framer, "pha\nbe"));
        lines.addAll(feed(framer, "ta\ngamma\n"));

        assertThat(lines).containsExactly("1:alpha", "2:beta", "3:gamma");
    }

    @Test
    void aChunkOfSeveralLinesGivesThemAllInOrder() {
        assertThat(feed(new LineFramer(100), "a\nb\n\nc\n")).containsExactly("1:a", "2:b", "3:", "4:c");
    }

    @Test
    void aCarriageReturnBeforeTheNewlineStaysInTheLine() {
        // The JSON reader treats it as whitespace; the limit does not count it.
        assertThat(feed(new LineFramer(100), "a\r\nb\n")).containsExactly("1:a\r", "2:b");
    }

    @Test
    void theLastLineWithoutTerminatorComesFromFinish() {
        LineFramer framer = new LineFramer(100);
        assertThat(feed(framer, "a\nrest")).containsExactly("1:a");

        assertThat(framer.finish()).isTrue();
        assertThat(current(framer)).isEqualTo("2:rest");
        assertThat(framer.finish()).isFalse();
    }

    @Test
    void finishAfterATerminatedLineHasNothing() {
        LineFramer framer = new LineFramer(100);
        feed(framer, "a\n");

        assertThat(framer.finish()).isFalse();
    }

    @Test
    void aLineOfExactlyTheLimitPassesWithEitherTerminator() {
        LineFramer framer = new LineFramer(4);

        assertThat(feed(framer, "abcd\r\nefgh\n")).containsExactly("1:abcd\r", "2:efgh");
    }

    @Test
    void aLineOneByteOverTheLimitFailsWithItsNumber() {
        LineFramer framer = new LineFramer(4);
        feed(framer, "ok\n");

        assertThatThrownBy(() -> feed(framer, "abcde\n"))
                .isInstanceOfSatisfying(LineFramer.OverlongLineException.class, e -> {
                    assertThat(e.lineNumber()).isEqualTo(2);
                    assertThat(e.limit()).isEqualTo(4);
                })
                .hasMessage("line 2 is longer than the limit of 4 bytes");
    }

    @Test
    void aGrowingPartialLineFailsAsSoonAsItPassesTheLimitAndIsNeverHeldBeyondIt() {
        LineFramer framer = new LineFramer(10);
        feed(framer, "0123456789");
        feed(framer, "\r"); // still possibly the \r of a \r\n
        assertThat(framer.heldCapacity()).isLessThanOrEqualTo(11);

        assertThatThrownBy(() -> feed(framer, "x")).isInstanceOf(LineFramer.OverlongLineException.class);
        assertThat(framer.heldCapacity()).isLessThanOrEqualTo(11);
    }

    @Test
    void aCarriageReturnEndingTheStreamIsATerminatorNotContent() {
        LineFramer framer = new LineFramer(3);
        feed(framer, "abc\r");

        assertThat(framer.finish()).isTrue();
        assertThat(current(framer)).isEqualTo("1:abc\r");
    }

    @Test
    void anUnterminatedLastLineOverTheLimitFails() {
        LineFramer framer = new LineFramer(3);
        feed(framer, "abcd");

        assertThatThrownBy(framer::finish).isInstanceOf(LineFramer.OverlongLineException.class);
    }

    @Test
    void chunksLargerThanTheCopyWindowAreCutTheSame() {
        StringBuilder body = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 5000; i++) {
            String line = "line-" + i + "-" + "x".repeat(i % 37);
            body.append(line).append('\n');
            expected.add(i + ":" + line);
        }

        assertThat(feed(new LineFramer(100), body.toString())).isEqualTo(expected);
    }

    @Test
    void theChunkIsReadWithoutMovingItsIndexesOrTouchingItsReferenceCount() {
        LineFramer framer = new LineFramer(100);
        ByteBuf chunk = PooledByteBufAllocator.DEFAULT.directBuffer().writeBytes(utf8("xx a\nb\nc"));
        try {
            chunk.readerIndex(3);
            framer.feed(chunk);
            while (framer.next()) {
                // drain
            }

            assertThat(chunk.readerIndex()).isEqualTo(3);
            assertThat(chunk.writerIndex()).isEqualTo(8);
            assertThat(chunk.refCnt()).isEqualTo(1);
        } finally {
            chunk.release();
        }
        assertThat(framer.finish()).isTrue();
        assertThat(current(framer)).as("the tail was copied, not referenced").isEqualTo("3:c");
    }

    @Test
    void aClearedFramerYieldsNothingMore() {
        LineFramer framer = new LineFramer(100);
        feed(framer, "partial");

        framer.clear();

        assertThat(framer.finish()).isFalse();
    }

    /** Feeds one chunk (in a pooled buffer, released afterwards) and returns its lines as "number:text". */
    private static List<String> feed(LineFramer framer, String text) {
        ByteBuf chunk = PooledByteBufAllocator.DEFAULT.directBuffer().writeBytes(utf8(text));
        List<String> lines = new ArrayList<>();
        try {
            framer.feed(chunk);
            while (framer.next()) {
                lines.add(current(framer));
            }
        } finally {
            chunk.release();
        }
        return lines;
    }

    private static String current(LineFramer framer) {
        return framer.number() + ":"
                + new String(framer.bytes(), framer.offset(), framer.length(), StandardCharsets.UTF_8);
    }
}
