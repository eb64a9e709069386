package io.agentfactory.sdk.reactor.faults;

import static io.agentfactory.sdk.reactor.faults.CoordinatorUnderFault.NO_HANG;
import static io.agentfactory.sdk.reactor.faults.CoordinatorUnderFault.POOL_SETTLES;
import static io.agentfactory.sdk.reactor.faults.CoordinatorUnderFault.TOKEN;
import static io.agentfactory.sdk.reactor.faults.CoordinatorUnderFault.failure;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.BadRequestException;
import io.agentfactory.sdk.error.ConflictException;
import io.agentfactory.sdk.error.ErrorKind;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.error.ServerErrorException;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.reactor.internal.http.StatusErrors;
import io.agentfactory.sdk.reactor.testing.Fixtures;

/**
 * The answer arrives whole but is not what was asked for: oversized, not UTF-8, not JSON, empty,
 * {@code null}, 204. A 2xx body that does not decode is a {@link ResponseDecodeException}, never a
 * success with empty fields; an error body never fails the read of its status error; no body is
 * read past its limit.
 */
class MalformedAnswersTest {

    private static final int TEN_MEGABYTES = 10 * 1024 * 1024;

    private static final String STATS = Fixtures.text("stats-response");

    @RegisterExtension
    static final CoordinatorUnderFault UNDER_FAULT = CoordinatorUnderFault.withPoolOf(4);

    private final FaultServer server = UNDER_FAULT.server();

    @Test
    void aTenMegabyteErrorBodyIsReadUpToItsLimitAndTheMessageTruncated() {
        server.answer(Fault.head(400, "Content-Type: text/plain", "Content-Length: " + TEN_MEGABYTES)
                .then(letters(TEN_MEGABYTES)));

        BadRequestException e = failure(UNDER_FAULT.client().getStats(), BadRequestException.class);

        assertThat(e.serverMessage()).hasSizeLessThanOrEqualTo(StatusErrors.MAX_MESSAGE_CHARS + 20)
                .startsWith("abcdefghij").endsWith("… (truncated)");
        assertThat(e.getMessage()).hasSizeLessThan(2 * StatusErrors.MAX_MESSAGE_CHARS);
    }

    @Test
    void anErrorBodyIsNotReadPastItsLimit() {
        // Promises 10 MB, sends 1 MB, then stalls: only a client that stops at its limit gets the status.
        server.answer(Fault.head(502, "Content-Type: text/plain", "Content-Length: " + TEN_MEGABYTES)
                .then(letters(1024 * 1024))
                .thenStall());
        ReactorCoordinatorClient client = UNDER_FAULT.client(t -> t.maxErrorBodyBytes(64 * 1024));

        ServerErrorException e = failure(client.getStats(), ServerErrorException.class);

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.serverMessage()).endsWith("… (truncated)");
    }

    @Test
    void aJsonBodyOverTheLimitIsADecodeErrorAsSoonAsTheLimitIsCrossed() {
        // Sends twice the limit, then stalls: a client that reads on to the end would time out instead.
        server.answer(Fault.head(200, "Content-Type: application/json", "Transfer-Encoding: chunked")
                .thenChunk("[\"" + "x".repeat(2048))
                .thenStall());
        ReactorCoordinatorClient client = UNDER_FAULT.client(t -> t.maxResponseBytes(1024));

        ResponseDecodeException e = failure(client.getMachineStats(), ResponseDecodeException.class);

        assertThat(e.getMessage()).isEqualTo("GET /api/public/machines: body exceeds the limit of 1024 bytes");
    }

    @Test
    void invalidUtf8InAJsonBodyIsADecodeError() {
        byte[] body = concat("{\"timestamp\":\"".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xC3, 0x28},
                "\"}".getBytes(StandardCharsets.US_ASCII));
        server.answer(Fault.head(200, "Content-Type: application/json", "Content-Length: " + body.length).then(body));

        ResponseDecodeException e = failure(UNDER_FAULT.client().getStats(), ResponseDecodeException.class);

        assertThat(e.kind()).isEqualTo(ErrorKind.DECODE);
        assertThat(e.getMessage()).startsWith("GET /api/public/stats: body is not valid JSON");
    }

    @Test
    void invalidUtf8InAnErrorBodyStillYieldsTheStatusError() {
        byte[] body = concat("no such session ".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xFF, (byte) 0xFE});
        server.answer(Fault.head(400, "Content-Type: text/plain", "Content-Length: " + body.length).then(body));

        BadRequestException e = failure(UNDER_FAULT.client().getStats(), BadRequestException.class);

        assertThat(e.serverMessage()).isEqualTo("no such session \uFFFD\uFFFD");
    }

    @Test
    void aJsonBodyWithoutContentTypeIsDecoded() {
        server.answer(Fault.head(200, "Content-Length: " + STATS.getBytes(StandardCharsets.UTF_8).length).then(STATS));

        StepVerifier.create(UNDER_FAULT.client().getStats())
                .assertNext(stats -> assertThat(stats.workersOnline()).isEqualTo(7))
                .expectComplete()
                .verify(NO_HANG);
    }

    @Test
    void anHtmlPageWithStatus200IsADecodeError() {
        server.answer(Fault.answer(200, "text/html; charset=utf-8", "<html><body>Sign in</body></html>"));

        ResponseDecodeException e = failure(UNDER_FAULT.client().getStats(), ResponseDecodeException.class);

        assertThat(e.getMessage()).isEqualTo("GET /api/public/stats: expected a JSON body, got content type"
                + " 'text/html; charset=utf-8' (HTTP 200): <html><body>Sign in</body></html>");
    }

    @Test
    void aLongHostileHtmlPageGivesABoundedRedactedControlFreePreview() {
        String page = "<html>\r\n<title>Login</title>\u001b[2J\u009b31m token=" + TOKEN + "\r\nX-Forged: 1\n"
                + "<p>" + "x".repeat(100_000) + "</p></html>";
        server.answer(Fault.answer(201, "text/html", page));

        ResponseDecodeException e = failure(UNDER_FAULT.client().getStats(), ResponseDecodeException.class);

        assertThat(e.getMessage())
                .startsWith("GET /api/public/stats: expected a JSON body, got content type 'text/html' (HTTP 201):"
                        + " <html> <title>Login</title>\\u001b[2J\\u009b31m token=REDACTED")
                .contains(" X-Forged: 1 <p>xxx")
                .endsWith("…")
                .hasSizeLessThan(400)
                .doesNotContain(TOKEN)
                .doesNotContainPattern("[\\x00-\\x1f\\x7f-\\x9f]");
    }

    @Test
    void controlCharactersOfAServerAreEscapedInEveryMessage() {
        // A text error body, a JSON error message, an echoed content type and a value Jackson quotes.
        server.answerInTurn(
                Fault.answer(400, "text/plain", "no\r\n2026-05-07 INFO forged line\u001b[2J"),
                Fault.answer(409, "application/json", "{\"error\":\"busy\\r\\nforged\\u001b]0;title\\u0007\"}"),
                // Netty refuses C0 controls in a header value, not C1 ones.
                Fault.answer(200, "text/html\u009b31m", "<p>"),
                Fault.json("{\"workersOnline\":\"\\u001b[2J\\r\\n\\u009b\"}"));
        ReactorCoordinatorClient client = UNDER_FAULT.client();

        List<String> messages = List.of(
                failure(client.getStats(), BadRequestException.class).getMessage(),
                failure(client.getStats(), ConflictException.class).getMessage(),
                failure(client.getStats(), ResponseDecodeException.class).getMessage(),
                failure(client.getStats(), ResponseDecodeException.class).getMessage());

        assertThat(messages).allSatisfy(m -> assertThat(m).doesNotContainPattern("[\\x00-\\x1f\\x7f-\\x9f]"));
        assertThat(messages.get(0)).endsWith("no\\r\\n2026-05-07 INFO forged line\\u001b[2J");
        assertThat(messages.get(1)).endsWith("busy\\r\\nforged\\u001b]0;title\\u0007");
        assertThat(messages.get(2)).contains("'text/html\\u009b31m'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"103 Early Hints\r\nLink: </app.css>; rel=preload", "102 Processing",
        "199 Whatever\r\nX-Note: 1", "103 Early Hints\r\n\r\nHTTP/1.1 102 Processing"})
    void interimResponsesAreSkippedAndTheFinalAnswerDecoded(String interim) {
        server.answer(Fault.raw("HTTP/1.1 " + interim + "\r\n\r\n").then(Fault.json(STATS)));
        ReactorCoordinatorClient client = UNDER_FAULT.client();

        // The second call proves the connection was left in a state where the next answer is read right.
        StepVerifier.create(client.getStats().then(client.getStats()))
                .assertNext(stats -> assertThat(stats.workersOnline()).isEqualTo(7))
                .expectComplete()
                .verify(NO_HANG);

        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void anEmpty200BodyIsADecodeError() {
        server.answer(Fault.answer(200, "application/json", ""));

        ResponseDecodeException e = failure(UNDER_FAULT.client().getStats(), ResponseDecodeException.class);

        assertThat(e.getMessage()).isEqualTo("GET /api/public/stats: empty body where JSON was expected (HTTP 200)");
    }

    @Test
    void aNullBodyIsADecodeErrorWhereAnObjectWasExpected() {
        server.answer(Fault.json("null"));

        ResponseDecodeException e = failure(UNDER_FAULT.client().getStats(), ResponseDecodeException.class);

        assertThat(e.getMessage()).contains("JSON null");
    }

    @Test
    void aNullBodyIsAnEmptyArray() {
        server.answer(Fault.json("null"));

        StepVerifier.create(UNDER_FAULT.client().getMachineStats())
                .expectComplete()
                .verify(NO_HANG);
    }

    @Test
    void a204IsADecodeErrorWhereJsonWasExpected() {
        server.answer(Fault.head(204));

        ResponseDecodeException e = failure(UNDER_FAULT.client().getStats(), ResponseDecodeException.class);

        assertThat(e.getMessage()).isEqualTo("GET /api/public/stats: empty body where JSON was expected (HTTP 204)");
    }

    @Test
    void a204KeepsTheConnectionForTheNextCall() {
        server.answerInTurn(Fault.head(204), Fault.json(STATS));
        ReactorCoordinatorClient client = UNDER_FAULT.client();

        failure(client.getStats(), ResponseDecodeException.class);
        // The connection goes back to the pool just after the caller sees the error: wait for it,
        // or the second call may race it and open another.
        UNDER_FAULT.pool().awaitIdle(POOL_SETTLES);
        StepVerifier.create(client.getStats()).expectNextCount(1).expectComplete().verify(NO_HANG);

        assertThat(server.requests()).extracting(FaultServer.Request::connection).containsExactly(1, 1);
    }

    @Test
    void trailingBytesAfterTheJsonValueAreADecodeError() {
        server.answer(Fault.json(STATS + " {\"second\":true}"));

        failure(UNDER_FAULT.client().getStats(), ResponseDecodeException.class);
    }

    @Test
    void aDecodeErrorIsNotRetried() {
        server.answer(Fault.json("{\"workersOnline\":\"many\"}"));

        failure(UNDER_FAULT.client().getStats(), ResponseDecodeException.class);

        assertThat(server.requestCount()).isEqualTo(1);
    }

    /** {@code size} bytes of {@code abc…z} repeated. */
    private static byte[] letters(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Arrays.stream(parts).forEach(out::writeBytes);
        return out.toByteArray();
    }
}
