package io.agentfactory.sdk.reactor.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** How an error body or a preview is accumulated: bounded, exact bytes kept. */
class BodyBufferTest {

    @Test
    void aBodyLongerThanTheLimitKeepsTheLimitAndSaysItWasTruncated() {
        BodyBuffer body = new BodyBuffer(101);
        append(body, bytes(60, 'z'));
        append(body, bytes(90, 'y'));
        assertThat(body.length()).isEqualTo(101);
        assertThat(body.full()).isTrue();
        assertThat(body.truncated()).isTrue();
        assertThat(body.array()[59]).isEqualTo((byte) 'z');
        assertThat(body.array()[60]).isEqualTo((byte) 'y');
    }

    @Test
    void itStartsSmallAndGrowsToTheBody() {
        BodyBuffer body = new BodyBuffer(1_000_001);
        assertThat(body.array()).hasSize(256);
        append(body, bytes(3_000, 'q'));
        assertThat(body.length()).isEqualTo(3_000);
        assertThat(body.array().length).isGreaterThanOrEqualTo(3_000);
        assertThat(new BodyBuffer(40).array()).hasSize(40);
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
