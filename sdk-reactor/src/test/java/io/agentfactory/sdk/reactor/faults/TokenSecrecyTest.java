package io.agentfactory.sdk.reactor.faults;

import static io.agentfactory.sdk.reactor.faults.CoordinatorUnderFault.NO_HANG;
import static io.agentfactory.sdk.reactor.faults.CoordinatorUnderFault.TOKEN;
import static io.agentfactory.sdk.reactor.faults.CoordinatorUnderFault.failure;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.AgentFactoryException;
import io.agentfactory.sdk.error.BadRequestException;
import io.agentfactory.sdk.error.NotAuthenticatedException;
import io.agentfactory.sdk.error.RequestTimeoutException;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.error.ServerErrorException;
import io.agentfactory.sdk.error.TransportException;
import io.agentfactory.sdk.error.UnexpectedStatusException;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;

/**
 * The coordinator token shows nowhere but in the Authorization header: not in an error's message,
 * {@code toString}, causes or stack trace, not in any log line at DEBUG — whatever the server does,
 * including echoing the token back in a body, a header or a redirect. The log search is only
 * worth something if the log is really captured at DEBUG: the first test proves it is.
 */
class TokenSecrecyTest {

    @RegisterExtension
    static final CoordinatorUnderFault UNDER_FAULT = CoordinatorUnderFault.withPoolOf(2);

    private final FaultServer server = UNDER_FAULT.server();

    @Test
    void theLogIsCapturedAtDebugFromTheSdkAndReactorNetty() {
        server.answer(Fault.json("{}"));

        StepVerifier.create(UNDER_FAULT.client().getStats()).expectNextCount(1).expectComplete().verify(NO_HANG);

        assertThat(UNDER_FAULT.logs().linesContaining("DEBUG io.agentfactory.sdk.reactor.http - GET /api/public/stats -> 200"))
                .hasSize(1);
        assertThat(UNDER_FAULT.logs().linesContaining("DEBUG reactor.netty")).isNotEmpty();
        assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    static Stream<Arguments> serversThatMisbehave() {
        String echo = "{\"error\":\"token " + TOKEN + " rejected\",\"presented\":\"Bearer " + TOKEN + "\"}";
        return Stream.of(
                Arguments.of("echoes it in a JSON 401", Fault.answer(401, "application/json", echo),
                        NotAuthenticatedException.class),
                Arguments.of("echoes it in a plain-text 400", Fault.answer(400, "text/plain", "bad: " + TOKEN + "\n"),
                        BadRequestException.class),
                Arguments.of("echoes it in a 500 header", Fault.head(500, "WWW-Authenticate: Bearer token=" + TOKEN,
                        "Content-Length: 0"), ServerErrorException.class),
                Arguments.of("redirects to a URL holding it", Fault.head(302,
                        "Location: http://127.0.0.1:9/login?token=" + TOKEN, "Content-Length: 0"),
                        UnexpectedStatusException.class),
                Arguments.of("echoes it where a number was expected", Fault.json("{\"workersOnline\":\"" + TOKEN + "\"}"),
                        ResponseDecodeException.class),
                Arguments.of("echoes it in broken JSON", Fault.json("{\"workersOnline\":" + TOKEN),
                        ResponseDecodeException.class),
                Arguments.of("cuts the body after echoing it", Fault.head(200, "Content-Type: application/json",
                        "Content-Length: 500").then("{\"timestamp\":\"" + TOKEN).thenReset(), TransportException.class),
                Arguments.of("never answers", Fault.stall(), RequestTimeoutException.class),
                Arguments.of("echoes it percent-encoded", Fault.answer(400, "text/plain",
                        "redirect_uri=https%3A%2F%2Fx%2F%3Ft%3D" + percentEncoded(TOKEN, "%%%02X")),
                        BadRequestException.class),
                Arguments.of("echoes it percent-encoded in lower case, twice over", Fault.answer(400, "text/plain",
                        "t=" + percentEncoded(TOKEN, "%%25%02x")), BadRequestException.class),
                Arguments.of("echoes it partly percent-encoded", Fault.answer(400, "text/plain",
                        "t=" + TOKEN.replace("_", "%5F")), BadRequestException.class),
                Arguments.of("echoes it JS-escaped in a text body", Fault.answer(400, "text/plain",
                        "t=\"" + percentEncoded(TOKEN, "\\u%04x") + "\""), BadRequestException.class),
                Arguments.of("echoes it as HTML entities", Fault.answer(400, "text/html",
                        "<p>" + percentEncoded(TOKEN, "&#%d;") + "</p>"), BadRequestException.class),
                Arguments.of("echoes it in Base64", Fault.answer(400, "text/plain", "t=" + Base64.getEncoder()
                        .encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8))),
                        BadRequestException.class),
                Arguments.of("echoes it JSON-escaped where a number was expected", Fault.json("{\"workersOnline\":\""
                        + percentEncoded(TOKEN, "\\u%04X") + "\"}"), ResponseDecodeException.class));
    }

    /** Every character of {@code text} through {@code format} (given its code point). */
    private static String percentEncoded(String text, String format) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(String.format(format, c)));
        return out.toString();
    }

    @ParameterizedTest(name = "a server that {0}")
    @MethodSource("serversThatMisbehave")
    void theTokenStaysOutOfErrorsAndLogs(String what, Fault fault, Class<? extends AgentFactoryException> type) {
        server.answer(fault);
        ReactorCoordinatorClient client = UNDER_FAULT.client(t -> t.responseTimeout(Duration.ofMillis(500)));

        AgentFactoryException e = failure(client.getStats(), type);

        assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContainIgnoringCase("%5F").doesNotContain("&#")
                .doesNotContainIgnoringCase("\\u0072").doesNotContain("cnNr");
        if (e instanceof BadRequestException) {
            assertThat(e.getMessage()).as("the echo is there, redacted").contains("REDACTED");
        }
        assertThat(client.toString()).doesNotContain(TOKEN).contains("REDACTED");
        assertThat(UNDER_FAULT.logs().linesContaining("DEBUG reactor.netty")).as("the exchange was logged").isNotEmpty();
        assertThat(UNDER_FAULT.logs().linesContaining(TOKEN)).isEmpty();
    }
}
