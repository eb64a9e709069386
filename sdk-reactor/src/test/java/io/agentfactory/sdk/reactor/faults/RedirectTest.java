package io.agentfactory.sdk.reactor.faults;

import static io.agentfactory.sdk.reactor.faults.CoordinatorUnderFault.failure;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.http.client.HttpClient;

import io.agentfactory.sdk.error.ErrorKind;
import io.agentfactory.sdk.error.UnexpectedStatusException;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.task.SubmitTaskRequest;

/**
 * Redirects are never followed: a 3xx is an {@link UnexpectedStatusException} naming the status,
 * and the place it points to hears nothing — not a connection, let alone the Authorization header.
 * This holds even when the caller's own {@link HttpClient} follows redirects.
 */
class RedirectTest {

    @RegisterExtension
    static final CoordinatorUnderFault UNDER_FAULT = CoordinatorUnderFault.withPoolOf(4);

    private final FaultServer server = UNDER_FAULT.server();
    private final FaultServer elsewhere = FaultServer.start();

    @AfterEach
    void stopElsewhere() {
        elsewhere.close();
    }

    @Test
    void aRedirectToAnotherOriginIsAnUnexpectedStatusAndIsNotFollowed() {
        server.answer(redirect(302, elsewhere.baseUrl() + "/api/public/stats"));

        UnexpectedStatusException e = failure(UNDER_FAULT.client().getStats(), UnexpectedStatusException.class);

        assertThat(e.kind()).isEqualTo(ErrorKind.UNEXPECTED_STATUS);
        assertThat(e.status()).isEqualTo(302);
        assertThat(e.getMessage()).startsWith("GET /api/public/stats");
        assertThat(elsewhere.connectionCount()).as("connections to the other origin").isZero();
        assertThat(server.requestCount()).as("not retried either").isEqualTo(1);
    }

    @Test
    void aCallerHttpClientThatFollowsRedirectsDoesNotFollowThemForTheSdk() {
        server.answer(redirect(307, elsewhere.baseUrl() + "/api/public/stats"));
        ReactorCoordinatorClient client = UNDER_FAULT.client(t -> t.connectionProvider(null).httpClient(
                HttpClient.create(UNDER_FAULT.pool().provider()).followRedirect(true)));

        UnexpectedStatusException e = failure(client.getStats(), UnexpectedStatusException.class);

        assertThat(e.status()).isEqualTo(307);
        assertThat(elsewhere.connectionCount()).isZero();
    }

    @Test
    void aPostRedirectedWith308IsNotResent() {
        server.answer(redirect(308, elsewhere.baseUrl() + "/api/mcp/submit-task"));

        failure(UNDER_FAULT.client().submitTask(SubmitTaskRequest.of("REN-1")), UnexpectedStatusException.class);

        assertThat(elsewhere.connectionCount()).isZero();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aSameOriginRedirectIsNotFollowedEither() {
        server.answer(request -> request.uri().equals("/api/public/stats")
                ? redirect(301, "/api/public/stats/elsewhere")
                : Fault.json("{}"));

        failure(UNDER_FAULT.client().getStats(), UnexpectedStatusException.class);

        assertThat(server.requests()).extracting(FaultServer.Request::uri).containsExactly("/api/public/stats");
    }

    private static Fault redirect(int status, String location) {
        return Fault.head(status, "Location: " + location, "Content-Length: 0");
    }
}
