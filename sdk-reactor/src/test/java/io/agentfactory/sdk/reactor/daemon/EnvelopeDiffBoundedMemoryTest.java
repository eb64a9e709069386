package io.agentfactory.sdk.reactor.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.reactor.testing.GeneratedDiff;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;
import io.agentfactory.sdk.workarea.WorkareaDiffEntry;

/**
 * A diff in the single-document envelope shape as large as the default response limit (16 MiB,
 * about 80,000 entries) through the daemon client in a JVM whose heap is capped at 64 MB (this
 * class runs in the bounded-memory surefire execution, {@code -Xmx64m}). Decoding the document
 * whole took about ten times its size in heap; the entries must stream as the NDJSON ones do.
 */
class EnvelopeDiffBoundedMemoryTest {

    private static final long ENTRIES = 80_000;

    @Test
    void aSixteenMegabyteEnvelopeDiffStreamsInA64MegabyteHeap() {
        assertThat(Runtime.getRuntime().maxMemory())
                .as("this test must run with -Xmx64m (see the bounded-memory surefire execution)")
                .isLessThanOrEqualTo(80L * 1024 * 1024);

        AtomicLong bytesServed = new AtomicLong();
        try (RecordingServer server = RecordingServer.start();
                ReactorDaemonClient daemon = ReactorDaemonClient.create(
                        DaemonClientOptions.builder().baseUrl(server.baseUrl()).build())) {
            server.replyWith(Reply.custom((request, response) -> response
                    .header("Content-Type", "application/json")
                    .send(GeneratedDiff.envelope(ENTRIES, 64 * 1024)
                            .doOnNext(chunk -> bytesServed.addAndGet(chunk.length))
                            .map(Unpooled::wrappedBuffer), chunk -> true)));

            StepVerifier.create(daemon.streamDiff("wa-1", "wa-2").ofType(WorkareaDiffEntry.class).count())
                    .expectNext(ENTRIES)
                    .expectComplete()
                    .verify(Duration.ofSeconds(30));
            StepVerifier.create(daemon.streamDiff("wa-1", "wa-2").last())
                    .expectNext(GeneratedDiff.summaryFor(ENTRIES))
                    .expectComplete()
                    .verify(Duration.ofSeconds(30));

            assertThat(bytesServed.get()).as("the body served twice").isBetween(2 * 15L << 20, 2 * 16L << 20);
        }
    }
}
