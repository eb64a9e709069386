package io.agentfactory.sdk.reactor.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.RequestTimeoutException;
import io.agentfactory.sdk.reactor.RequestOptions;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;

/**
 * A per-call deadline bounds a whole diff stream: an endless run of blank NDJSON lines (each one
 * resets the idle timeout) ends at the deadline as a {@link RequestTimeoutException}.
 */
class DaemonDeadlineTest {

    @RegisterExtension
    static final DaemonUnderTest DAEMON = DaemonUnderTest.withDefaults();

    private final RecordingServer server = DAEMON.server();

    @Test
    void anEndlessRunOfBlankLinesEndsAtTheDeadline() {
        server.replyWith(Reply.custom((request, response) -> response.header("Content-Type", "application/x-ndjson")
                .sendString(Flux.interval(Duration.ofMillis(20)).map(tick -> "\n"))));
        ReactorDaemonClient daemon = DAEMON.client().withOptions(RequestOptions.builder()
                .deadline(Duration.ofSeconds(2)).build());

        StepVerifier.create(daemon.streamDiff("ar-1", "ar-2"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RequestTimeoutException.class)
                        .hasMessage("GET /api/daemon/workareas/ar-1/diff/ar-2: no complete answer within the "
                                + "deadline of 2000 ms"))
                .verify(Duration.ofSeconds(15));
    }
}
