package io.agentfactory.sdk.reactor.faults;

import static io.agentfactory.sdk.reactor.faults.CoordinatorUnderFault.NO_HANG;
import static io.agentfactory.sdk.reactor.faults.CoordinatorUnderFault.failure;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.TransportException;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.task.SubmitTaskRequest;

/**
 * The server closes keep-alive connections between requests, so a pooled connection may be
 * stale when the next request goes out on it. A GET that meets a stale connection is sent again
 * on a fresh one and succeeds; a POST is not sent again (the server may have read it) and fails
 * with a {@link TransportException}.
 */
class StaleConnectionTest {

    private static final String STATS = "{\"workersOnline\":3}";

    @RegisterExtension
    static final CoordinatorUnderFault UNDER_FAULT = CoordinatorUnderFault.withPoolOf(1);

    private final FaultServer server = UNDER_FAULT.server();

    @Test
    void aGetSentOnAConnectionTheServerDropsIsRetriedOnAFreshOne() {
        server.answer(closingTheFirstConnectionAtItsSecondRequest());
        ReactorCoordinatorClient client = UNDER_FAULT.client();

        StepVerifier.create(client.getStats()).expectNextCount(1).expectComplete().verify(NO_HANG);
        StepVerifier.create(client.getStats()).expectNextCount(1).expectComplete().verify(NO_HANG);

        assertThat(server.requests())
                .extracting(r -> r.connection() + "/" + r.onConnection())
                .as("connection/request-on-connection")
                .containsExactly("1/1", "1/2", "2/1");
    }

    @Test
    void aPostSentOnAConnectionTheServerDropsIsNotRetried() {
        server.answer(closingTheFirstConnectionAtItsSecondRequest());
        ReactorCoordinatorClient client = UNDER_FAULT.client();

        StepVerifier.create(client.getStats()).expectNextCount(1).expectComplete().verify(NO_HANG);
        TransportException e = failure(client.submitTask(SubmitTaskRequest.of("REN-1")), TransportException.class);

        assertThat(e.getMessage()).startsWith("POST /api/mcp/submit-task: ");
        assertThat(server.requests()).extracting(FaultServer.Request::method).containsExactly("GET", "POST");
    }

    @Test
    void getsNeverFailWhenTheServerClosesEveryConnectionAfterAnswering() {
        server.answer(Fault.json(STATS).thenClose());
        ReactorCoordinatorClient client = UNDER_FAULT.client();

        StepVerifier.create(Flux.range(0, 30).concatMap(i -> client.getStats()))
                .expectNextCount(30)
                .expectComplete()
                .verify(NO_HANG);

        assertThat(server.connectionCount()).as("one connection per answer").isGreaterThanOrEqualTo(30);
    }

    @Test
    void getsNeverFailWhenTheServerResetsIdleConnections() {
        server.answer(Fault.json(STATS).thenPause(Duration.ofMillis(2)).thenReset());
        ReactorCoordinatorClient client = UNDER_FAULT.client();

        StepVerifier.create(Flux.range(0, 30).concatMap(i -> client.getStats()))
                .expectNextCount(30)
                .expectComplete()
                .verify(NO_HANG);
    }

    /** Answers, except the second request on connection 1, where the connection is closed unanswered. */
    private static Function<FaultServer.Request, Fault> closingTheFirstConnectionAtItsSecondRequest() {
        return request -> request.connection() == 1 && request.onConnection() == 2 ? Fault.close()
                : Fault.json(STATS);
    }
}
