package io.agentfactory.sdk.reactor.internal.diff;

import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.ADDED;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.ADDED_LINE;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.MODIFIED;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.MODIFIED_LINE;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.PATH;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.SAMPLE_ENVELOPE;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.SAMPLE_EVENTS;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.SAMPLE_NDJSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableChannel;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.reactor.testing.GeneratedDiff;
import io.agentfactory.sdk.error.DiffTruncatedException;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;
import io.agentfactory.sdk.workarea.WorkareaDiffEvent;

/**
 * The decoder fed by a real Reactor Netty response over loopback, plugged in the way the daemon
 * client does: shape from the Content-Type, NDJSON body streamed, envelope body aggregated.
 */
class WorkareaDiffOverHttpTest {

    private static final String NDJSON = "application/x-ndjson";

    private static RecordingServer server;

    @BeforeAll
    static void start() {
        server = RecordingServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void reset() {
        server.reset();
    }

    @Test
    void ndjsonSentInSevenByteChunksDecodes() {
        server.replyWith(Reply.status(200).header("Content-Type", NDJSON).body(SAMPLE_NDJSON).chunked(7));

        StepVerifier.create(diff())
                .expectNextSequence(SAMPLE_EVENTS)
                .verifyComplete();
    }

    @Test
    void theJsonEnvelopeDecodesToTheSameEvents() {
        server.replyWith(Reply.json(SAMPLE_ENVELOPE));

        StepVerifier.create(diff())
                .expectNextSequence(SAMPLE_EVENTS)
                .verifyComplete();
    }

    @Test
    void anEmptyJsonBodyIsMalformedNotAnEmptyDiff() {
        server.replyWith(Reply.status(200).header("Content-Type", "application/json"));

        StepVerifier.create(diff())
                .expectError(ResponseDecodeException.class)
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void anEmptyNdjsonBodyIsTruncated() {
        server.replyWith(Reply.status(200).header("Content-Type", NDJSON));

        StepVerifier.create(diff())
                .expectError(DiffTruncatedException.class)
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aConnectionCutMidStreamIsTruncationCausedByThePrematureClose() {
        server.replyWith(Reply.custom((request, response) -> response
                .header("Content-Type", NDJSON)
                // A Flux, so the body is chunked (as the daemon's is) and the cut leaves it unfinished.
                .sendString(Flux.just(MODIFIED_LINE + "\n", ADDED_LINE + "\n{\"path\":\"cut"))
                .then()
                .then(Mono.fromRunnable(() -> response.withConnection(DisposableChannel::dispose)))));

        StepVerifier.create(diff())
                .expectNext(MODIFIED, ADDED)
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(DiffTruncatedException.class)
                            .hasCauseInstanceOf(PrematureCloseException.class);
                    assertThat(((DiffTruncatedException) e).entriesReceived()).isEqualTo(2);
                })
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void cancellingClosesTheStreamAtTheDaemon() throws InterruptedException {
        CountDownLatch daemonStopped = new CountDownLatch(1);
        server.replyWith(Reply.custom((request, response) -> response
                .header("Content-Type", NDJSON)
                .send(GeneratedDiff.endless(50).map(Unpooled::wrappedBuffer)
                        .doFinally(signal -> daemonStopped.countDown()))));

        StepVerifier.create(diff().take(3))
                .expectNextCount(3)
                .verifyComplete();

        assertThat(daemonStopped.await(10, TimeUnit.SECONDS)).as("the daemon's endless stream stopped").isTrue();
    }

    private static Flux<WorkareaDiffEvent> diff() {
        WorkareaDiffDecoder decoder = new WorkareaDiffDecoder("GET", PATH);
        return HttpClient.create()
                .get()
                .uri(server.baseUrl() + PATH)
                .response((response, body) -> switch (WorkareaDiffShape.of(
                        response.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE))) {
                    case NDJSON -> decoder.ndjson(body);
                    case ENVELOPE -> body.aggregate().asByteArray().defaultIfEmpty(new byte[0])
                            .flatMapMany(decoder::envelope);
                });
    }
}
