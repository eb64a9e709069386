package io.agentfactory.sdk.reactor.internal.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.ResponseDecodeException;

/** Agent output framing: one line read per request, bounded lines, the stream closed at the end. */
class OutputLinesTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** Counts the bytes taken from the pipe and whether it was closed. */
    private static final class CountingStream extends FilterInputStream {
        final AtomicInteger read = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();

        CountingStream(String text) {
            super(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                read.incrementAndGet();
            }
            return b;
        }

        @Override
        public void close() throws IOException {
            closed.set(true);
            super.close();
        }
    }

    @Test
    void onlyAsManyLinesAreReadAsTheSubscriberAsksFor() {
        CountingStream pipe = new CountingStream("first\nsecond\n" + "x\n".repeat(10_000));

        StepVerifier.create(OutputLines.read(pipe, 1024, Schedulers.boundedElastic()), 1)
                .expectNext("first")
                .then(() -> assertThat(pipe.read.get()).isEqualTo("first\n".length()))
                .thenRequest(1)
                .expectNext("second")
                .then(() -> assertThat(pipe.read.get()).isEqualTo("first\nsecond\n".length()))
                .thenCancel()
                .verify(WAIT);
        assertThat(pipe.closed).isTrue();
    }

    @Test
    void blankLinesAndCarriageReturnsAreDroppedAndTheLastLineNeedsNoTerminator() {
        InputStream pipe = new CountingStream("a\r\n\n  \nb");

        StepVerifier.create(OutputLines.read(pipe, 1024, Schedulers.boundedElastic()))
                .expectNext("a", "b")
                .verifyComplete();
    }

    @Test
    void aLineOverTheLimitFailsWithoutReadingFurther() {
        CountingStream pipe = new CountingStream("y".repeat(5000) + "\nnext\n");

        StepVerifier.create(OutputLines.read(pipe, 1024, Schedulers.boundedElastic()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseDecodeException.class)
                        .hasMessage("agent output line exceeds the limit of 1024 bytes"))
                .verify(WAIT);
        assertThat(pipe.read.get()).isEqualTo(1025);
        assertThat(pipe.closed).isTrue();
    }

    @Test
    void stderrKeepsOnlyItsBoundedTail() {
        BoundedTail tail = new BoundedTail(8);

        tail.drain(new CountingStream("0123456789abcdef\n"));

        assertThat(tail.text()).isEqualTo("…9abcdef");
        BoundedTail small = new BoundedTail(64);
        small.drain(new CountingStream("  fatal: boom \n"));
        assertThat(small.text()).isEqualTo("fatal: boom");
    }
}
