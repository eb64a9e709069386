package io.agentfactory.sdk.reactor.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.daemon.DaemonRestartPreflightResponse;
import io.agentfactory.sdk.daemon.DaemonRestartPreflightState;
import io.agentfactory.sdk.daemon.RestartRefusalCause;
import io.agentfactory.sdk.error.ConflictException;
import io.agentfactory.sdk.error.DaemonRestartPreflightRefusedException;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.testing.RecordedRequest;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;

/**
 * {@code POST /api/daemon/restart/prepare} on the wire: the request, the closed answer schema,
 * and the typed 409 refusal with its cause. (Its own timeout is in {@link DaemonLongCallsTest}.)
 */
class DaemonRestartPreflightTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PREPARED = """
            {"protocol":"session-shim-restart-preflight-v1","state":"prepared","preparationId":"prep-7",\
            "scopeCount":2}""";

    @RegisterExtension
    static final DaemonUnderTest UNDER_TEST = DaemonUnderTest.withOptions(o -> o.controlToken(DaemonWire.CONTROL_TOKEN)
            .transport(TransportOptions.builder().build()));

    private final RecordingServer server = UNDER_TEST.server();
    private final ReactorDaemonClient daemon = UNDER_TEST.client();

    @Test
    void aPreparedAnswerIsPermissionAndTheRequestIsABodilessAuthenticatedPost() {
        server.replyWith(Reply.json(PREPARED));

        DaemonRestartPreflightResponse granted = daemon.prepareRestart().block(WAIT);

        RecordedRequest request = server.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo("/api/daemon/restart/prepare");
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + DaemonWire.CONTROL_TOKEN);
        assertThat(request.hasHeader("Content-Type")).isFalse();
        assertThat(request.body()).isEmpty();
        assertThat(granted).isEqualTo(new DaemonRestartPreflightResponse(DaemonRestartPreflightResponse.PROTOCOL,
                DaemonRestartPreflightState.PREPARED, "prep-7", 2));
    }

    @Test
    void aNotRequiredAnswerWithNoScopesIsPermission() {
        server.replyWith(Reply.json("""
                {"protocol":"session-shim-restart-preflight-v1","state":"not_required","preparationId":"prep-8",\
                "scopeCount":0}"""));

        assertThat(daemon.prepareRestart().block(WAIT).state()).isEqualTo(DaemonRestartPreflightState.NOT_REQUIRED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        unknown field           | {"protocol":"session-shim-restart-preflight-v1","state":"prepared","preparationId":"p","scopeCount":1,"fenceId":"evil-sentinel"}
        trailing JSON value     | {"protocol":"session-shim-restart-preflight-v1","state":"prepared","preparationId":"p","scopeCount":1} {"evil-sentinel":1}
        trailing garbage        | {"protocol":"session-shim-restart-preflight-v1","state":"prepared","preparationId":"p","scopeCount":1}evil-sentinel
        another protocol        | {"protocol":"evil-sentinel","state":"prepared","preparationId":"p","scopeCount":1}
        unknown state           | {"protocol":"session-shim-restart-preflight-v1","state":"evil-sentinel","preparationId":"p","scopeCount":1}
        prepared without scopes | {"protocol":"session-shim-restart-preflight-v1","state":"prepared","preparationId":"p","scopeCount":0}
        not_required with scopes| {"protocol":"session-shim-restart-preflight-v1","state":"not_required","preparationId":"p","scopeCount":2}
        blank preparation id    | {"protocol":"session-shim-restart-preflight-v1","state":"prepared","preparationId":"  ","scopeCount":1}
        missing preparation id  | {"protocol":"session-shim-restart-preflight-v1","state":"prepared","scopeCount":1}
        scope count as a string | {"protocol":"session-shim-restart-preflight-v1","state":"prepared","preparationId":"p","scopeCount":"1"}
        fractional scope count  | {"protocol":"session-shim-restart-preflight-v1","state":"prepared","preparationId":"p","scopeCount":1.5}
        protocol as a number    | {"protocol":1,"state":"prepared","preparationId":"p","scopeCount":1}
        an array                | [{"protocol":"session-shim-restart-preflight-v1"}]
        """)
    void anythingButTheClosedShapeIsRefusedWithoutQuotingIt(String rule, String body) {
        server.replyWith(Reply.json(body));

        StepVerifier.create(daemon.prepareRestart())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseDecodeException.class)
                        .hasMessageContaining("POST /api/daemon/restart/prepare")
                        .hasMessageNotContaining("evil-sentinel"))
                .verify(WAIT);
        assertThat(server.requestCount()).as("never retried").isEqualTo(1);
    }

    @Test
    void anAnswerOverEightKibibytesIsRefused() {
        String padded = PREPARED.substring(0, PREPARED.length() - 1) + " ".repeat(8192) + "}";
        server.replyWith(Reply.json(padded));

        StepVerifier.create(daemon.prepareRestart())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseDecodeException.class)
                        .hasMessageContaining("exceeds 8192 bytes"))
                .verify(WAIT);
    }

    @Test
    void aTypedRefusalCarriesItsCauseAndNamesItOnce() {
        server.replyWith(Reply.json(409, """
                {"error":"daemon restart preflight refused","code":"restart_preflight_refused",\
                "cause":"restart_fence_refused"}"""));

        StepVerifier.create(daemon.prepareRestart())
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(DaemonRestartPreflightRefusedException.class);
                    DaemonRestartPreflightRefusedException refused = (DaemonRestartPreflightRefusedException) e;
                    assertThat(refused.refusalCause()).contains(RestartRefusalCause.RESTART_FENCE_REFUSED);
                    assertThat(refused.code()).isEqualTo("restart_preflight_refused");
                    assertThat(refused.status()).isEqualTo(409);
                    assertThat(refused.getMessage()).isEqualTo("POST /api/daemon/restart/prepare: HTTP 409: "
                            + "daemon restart preflight refused (restart_fence_refused)");
                })
                .verify(WAIT);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aRefusalOfAnOlderDaemonWithoutCauseDoesNotRepeatItsMessage() {
        server.replyWith(Reply.json(409, """
                {"error":"daemon restart preflight refused","code":"restart_preflight_refused"}"""));

        StepVerifier.create(daemon.prepareRestart())
                .expectErrorSatisfies(e -> {
                    DaemonRestartPreflightRefusedException refused = (DaemonRestartPreflightRefusedException) e;
                    assertThat(refused.refusalCause()).isEmpty();
                    assertThat(refused.getMessage())
                            .isEqualTo("POST /api/daemon/restart/prepare: HTTP 409: daemon restart preflight refused");
                })
                .verify(WAIT);
    }

    @Test
    void aCauseThatLooksLikeACredentialIsDroppedNotRepeated() {
        server.replyWith(Reply.json(409, """
                {"error":"daemon restart preflight refused","code":"restart_preflight_refused",\
                "cause":"sk-live-0123456789"}"""));

        StepVerifier.create(daemon.prepareRestart())
                .expectErrorSatisfies(e -> {
                    DaemonRestartPreflightRefusedException refused = (DaemonRestartPreflightRefusedException) e;
                    assertThat(refused.refusalCause()).isEmpty();
                    assertThat(refused.getMessage()).doesNotContain("sk-live");
                    assertThat(refused.details().toString()).doesNotContain("sk-live");
                })
                .verify(WAIT);
    }

    @Test
    void aCauseOfANewerDaemonIsKeptAsAnUnknownValue() {
        server.replyWith(Reply.json(409, """
                {"error":"daemon restart preflight refused","code":"restart_preflight_refused",\
                "cause":"quorum_lost"}"""));

        StepVerifier.create(daemon.prepareRestart())
                .expectErrorSatisfies(e -> {
                    RestartRefusalCause cause = ((DaemonRestartPreflightRefusedException) e).refusalCause().orElseThrow();
                    assertThat(cause.value()).isEqualTo("quorum_lost");
                    assertThat(cause.isKnown()).isFalse();
                })
                .verify(WAIT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        another code    | {"error":"busy","code":"lifecycle_busy"}
        no code         | {"error":"already draining"}
        an extra field  | {"error":"daemon restart preflight refused","code":"restart_preflight_refused","scope":"org-1"}
        """)
    void aConflictOfAnotherShapeStaysAnOrdinaryConflict(String shape, String body) {
        server.replyWith(Reply.json(409, body));

        StepVerifier.create(daemon.prepareRestart())
                .expectErrorSatisfies(e -> assertThat(e).isExactlyInstanceOf(ConflictException.class))
                .verify(WAIT);
    }
}
