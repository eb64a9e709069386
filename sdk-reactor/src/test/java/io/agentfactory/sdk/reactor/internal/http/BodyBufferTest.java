package io.agentfactory.sdk.reactor.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** How a body is accumulated: sized once from its {@code Content-Length}, bounded, exact bytes kept. */
class BodyBufferTest {

    @Test
    void anAnnouncedBodyIsReadIntoOneArrayOfItsSize() {
        BodyBuffer body = new BodyBuffer(1_000_001, 2_326);
        byte[] first = body.array();
        append(body, bytes(1_000, 'a'));
        append(body, bytes(1_326, 'b'));
        assertThat(body.array()).isSameAs(first).hasSize(2_326);
        assertThat(body.length()).isEqualTo(2_326);
        assertThat(body.array()[999]).isEqualTo((byte) 'a');
        assertThat(body.array()[1_000]).isEqualTo((byte) 'b');
        assertThat(body.truncated()).isFalse();
    }

    @Test
    void aBodyLongerThanAnnouncedStillArrivesWhole() {
        BodyBuffer body = new BodyBuffer(1_000_001, 10);
        append(body, bytes(25, 'x'));
        assertThat(body.length()).isEqualTo(25);
        assertThat(Arrays.copyOf(body.array(), 25)).isEqualTo(bytes(25, 'x'));
    }

    @Test
    void aHostileAnnouncementAllocatesNoMoreThanTheLimitAndThePresizeBound() {
        assertThat(new BodyBuffer(101, Long.MAX_VALUE / 2).array()).hasSize(101);
        assertThat(new BodyBuffer(16 * 1024 * 1024 + 1, 16L * 1024 * 1024).array()).hasSize(BodyBuffer.MAX_PRESIZE);
        BodyBuffer lying = new BodyBuffer(101, 1_000_000);
        append(lying, bytes(150, 'z'));
        assertThat(lying.length()).isEqualTo(101);
        assertThat(lying.full()).isTrue();
        assertThat(lying.truncated()).isTrue();
    }

    @Test
    void withoutAnAnnouncementItStartsSmallAndGrowsToTheBody() {
        BodyBuffer body = new BodyBuffer(1_000_001);
        assertThat(body.array()).hasSize(256);
        append(body, bytes(3_000, 'q'));
        assertThat(body.length()).isEqualTo(3_000);
        assertThat(body.array().length).isGreaterThanOrEqualTo(3_000);
        assertThat(new BodyBuffer(40).array()).hasSize(40);
    }

    @Test
    void anAnnouncedEmptyBodyIsEmpty() {
        BodyBuffer body = new BodyBuffer(1_000_001, 0);
        assertThat(body.length()).isZero();
        append(body, bytes(3, 'e'));
        assertThat(body.length()).isEqualTo(3);
    }

    private static void append(BodyBuffer body, byte[] bytes) {
        ByteBuf chunk = Unpooled.wrappedBuffer(bytes);
        try {
            body.append(chunk);
        }
        finally {
            chunk.release();
        }
    }

    private static byte[] bytes(int n, char c) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }
}
