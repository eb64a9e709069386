package io.agentfactory.sdk.reactor.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.error.StopSessionRefusedException;
import io.agentfactory.sdk.reactor.testing.LoopbackClient;
import io.agentfactory.sdk.reactor.testing.RecordedRequest;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;
import io.agentfactory.sdk.session.SessionStatus;
import io.agentfactory.sdk.session.StopReceiptKind;
import io.agentfactory.sdk.session.StopSessionReceipt;
import io.agentfactory.sdk.session.StopSessionResponse;

/**
 * {@code POST /api/public/sessions/<id>/stop} of the newer coordinators on the wire: both receipt
 * families decoded under the closed schema, every unsafe receipt refused without being repeated,
 * legacy and pending answers, and the typed 409 refusal.
 */
class StopSessionReceiptTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final LoopbackClient<ReactorCoordinatorClient> loopback = LoopbackClient.of(Coordinators::withToken);

    private final ReactorCoordinatorClient client = loopback.client();

    private static RecordingServer server() {
        return loopback.server();
    }

    static final String RUNTIME = """
            {"version":1,"kind":"session_stop","sessionId":"storage-uuid",\
            "mutationId":"linear-stop:reconcile:7:storage-uuid","intentRevision":"7","disposition":"stopped",\
            "idempotentReplay":false}""";

    static final String RECONCILIATION = """
            {"version":1,"kind":"pre_session_dispatch_reconciliation","orgId":"org-example",\
            "projectId":"project-example","sessionId":"storage-session","workflowInstanceId":"workflow-instance",\
            "previousStatus":"pending","terminalDisposition":"stopped",\
            "reason":"Explicit stop reconciled a terminal pre-session dispatch artifact.","actorId":"public:user",\
            "intentDigest":"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",\
            "recordedAt":"2026-09-11T00:42:01Z","idempotentReplay":true}""";

    private static String answer(String receipt) {
        return "{\"stopped\":true,\"sessionId\":\"public\",\"previousStatus\":\"working\",\"newStatus\":\"stopped\","
                + "\"receipt\":" + receipt + "}";
    }

    @Test
    void aRuntimeStopReceiptIsDecodedAndTheRequestIsABodilessPost() {
        server().replyWith(Reply.json(answer(RUNTIME)));

        StopSessionResponse response = client.stopSession("public").block(WAIT);

        RecordedRequest request = server().onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo("/api/public/sessions/public/stop");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + Coordinators.TOKEN);
        assertThat(request.body()).isEmpty();
        assertThat(response.sessionId()).isEqualTo("public");
        assertThat(response.receipt()).isEqualTo(StopSessionReceipt.sessionStop("storage-uuid",
                "linear-stop:reconcile:7:storage-uuid", "7", SessionStatus.STOPPED, false));
        assertThat(response.pendingDelivery()).isFalse();
    }

    @Test
    void aPreSessionReconciliationReceiptIsDecodedWithEveryField() {
        server().replyWith(Reply.json(answer(RECONCILIATION)));

        StopSessionReceipt receipt = client.stopSession("public").block(WAIT).receipt();

        assertThat(receipt).isEqualTo(StopSessionReceipt.preSessionReconciliation("org-example", "project-example",
                "storage-session", "workflow-instance", SessionStatus.of("pending"), SessionStatus.STOPPED,
                "Explicit stop reconciled a terminal pre-session dispatch artifact.", "public:user",
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "2026-09-11T00:42:01Z", true));
        assertThat(receipt.kind()).isEqualTo(StopReceiptKind.PRE_SESSION_DISPATCH_RECONCILIATION);
    }

    @Test
    void aLegacyAnswerWithoutReceiptStillDecodes() {
        server().replyWith(Reply.json("""
                {"stopped":true,"sessionId":"public","previousStatus":"working","newStatus":"stopped"}"""));

        StopSessionResponse response = client.stopSession("public").block(WAIT);

        assertThat(response).isEqualTo(new StopSessionResponse(true, "public", SessionStatus.WORKING,
                SessionStatus.STOPPED));
        assertThat(response.receipt()).isNull();
    }

    @Test
    void aDeliveredButPendingStopIsNotStopped() {
        server().replyWith(Reply.json(202, """
                {"stopped":false,"sessionId":"public","previousStatus":"working","newStatus":"working",\
                "delivered":true,"pending":"terminal_evidence"}"""));

        StopSessionResponse response = client.stopSession("public").block(WAIT);

        assertThat(response.stopped()).isFalse();
        assertThat(response.delivered()).isTrue();
        assertThat(response.pending()).isEqualTo(StopSessionResponse.PENDING_TERMINAL_EVIDENCE);
        assertThat(response.pendingDelivery()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        secret storage id             | session_stop | storage-uuid\\"                        | rsk_do_not_echo
        secret mutation id            | session_stop | linear-stop:reconcile:7:storage-uuid  | Bearer do_not_echo
        secret revision               | session_stop | "intentRevision":"7"                  | "intentRevision":"sk-do_not_echo"
        secret unknown key            | session_stop | "idempotentReplay":false              | "idempotentReplay":false,"privateKey":"do_not_echo"
        unknown key                   | session_stop | "idempotentReplay":false              | "idempotentReplay":false,"note":"do_not_echo"
        overlength storage id         | session_stop | "sessionId":"storage-uuid"            | "sessionId":"LONG"
        non-atom mutation id          | session_stop | linear-stop:reconcile:7:storage-uuid  | mutation with spaces
        version 2                     | session_stop | "version":1                           | "version":2
        version as a string           | session_stop | "version":1                           | "version":"1"
        other kind                    | session_stop | "kind":"session_stop"                 | "kind":"other"
        non-terminal disposition      | session_stop | "disposition":"stopped"               | "disposition":"working"
        replay not a boolean          | session_stop | "idempotentReplay":false              | "idempotentReplay":"no"
        missing replay field          | reconciliation | ,"idempotentReplay":true            | ""
        null replay field             | reconciliation | "idempotentReplay":true             | "idempotentReplay":null
        runtime field hybrid          | reconciliation | "idempotentReplay":true             | "idempotentReplay":true,"mutationId":"stop:storage-session"
        missing organization          | reconciliation | "orgId":"org-example"               | "orgId":""
        invalid previous status       | reconciliation | "previousStatus":"pending"          | "previousStatus":"working"
        invalid terminal disposition  | reconciliation | "terminalDisposition":"stopped"     | "terminalDisposition":"completed"
        control character in reason   | reconciliation | terminal pre-session                | terminal\\npre-session
        short digest                  | reconciliation | 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef | ffff
        upper-case digest             | reconciliation | 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef | 0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef
        invalid recorded time         | reconciliation | 2026-09-11T00:42:01Z                | yesterday
        secret unknown key (recon.)   | reconciliation | "idempotentReplay":true             | "idempotentReplay":true,"apiToken":"rsk_do_not_echo"
        receipt not an object         | session_stop | RECEIPT                               | "rsk_do_not_echo"
        """)
    void anUnsafeOrInvalidReceiptFailsTheAnswerWithoutRepeatingIt(String name, String family, String from, String to) {
        String valid = family.equals("session_stop") ? RUNTIME : RECONCILIATION;
        String receipt = from.equals("RECEIPT") ? to
                : valid.replace(from.replace("\\\"", ""), to.equals("\"\"") ? "" : to.replace("LONG", "a".repeat(257)));
        assertThat(receipt).as("the case changes the receipt").isNotEqualTo(valid);
        server().replyWith(Reply.json(answer(receipt)));

        StepVerifier.create(client.stopSession("public"))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ResponseDecodeException.class)
                            .hasMessageContaining("POST /api/public/sessions/public/stop")
                            .hasMessageContaining("stop receipt is malformed or unsafe");
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain("do_not_echo", "rsk_", "storage-uuid",
                                "org-example");
                    }
                })
                .verify(WAIT);
    }

    @Test
    void aRefusalIsTypedWithItsCodeCauseAndAValidReceipt() {
        server().replyWith(Reply.json(409, "{\"error\":\"session already stopped\",\"code\":\"stop_refused\","
                + "\"cause\":\"already_terminal\",\"receipt\":" + RUNTIME + "}"));

        StepVerifier.create(client.stopSession("public"))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(StopSessionRefusedException.class);
                    StopSessionRefusedException refused = (StopSessionRefusedException) e;
                    assertThat(refused.status()).isEqualTo(409);
                    assertThat(refused.code()).isEqualTo("stop_refused");
                    assertThat(refused.refusalCause()).isEqualTo("already_terminal");
                    assertThat(refused.receipt()).get().extracting(StopSessionReceipt::mutationId)
                            .isEqualTo("linear-stop:reconcile:7:storage-uuid");
                    assertThat(refused.getMessage())
                            .isEqualTo("POST /api/public/sessions/public/stop: HTTP 409: session already stopped");
                })
                .verify(WAIT);
        assertThat(server().requestCount()).as("a POST is never retried").isEqualTo(1);
    }

    @Test
    void aRefusalDropsWhateverLooksLikeACredential() {
        server().replyWith(Reply.json(409, """
                {"error":"refused for Bearer abc.def","code":"sk-live-123","cause":"ghp_0123456789",\
                "receipt":{"version":1,"kind":"session_stop","sessionId":"rsk_do_not_echo"}}"""));

        StepVerifier.create(client.stopSession("public"))
                .expectErrorSatisfies(e -> {
                    StopSessionRefusedException refused = (StopSessionRefusedException) e;
                    assertThat(refused.code()).isEmpty();
                    assertThat(refused.refusalCause()).isEmpty();
                    assertThat(refused.receipt()).isEmpty();
                    assertThat(refused.details()).isEmpty();
                    assertThat(refused.getMessage()).isEqualTo("POST /api/public/sessions/public/stop: HTTP 409")
                            .doesNotContain("Bearer", "sk-live", "ghp_", "rsk_");
                })
                .verify(WAIT);
    }

    @Test
    void aRefusalWithOnlyACauseNamesIt() {
        server().replyWith(Reply.json(409, "{\"cause\":\"intent_held\"}"));

        StepVerifier.create(client.stopSession("public"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(StopSessionRefusedException.class)
                        .hasMessage("POST /api/public/sessions/public/stop: HTTP 409: stop refused (intent_held)"))
                .verify(WAIT);
    }
}
