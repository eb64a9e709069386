package io.agentfactory.sdk.reactor.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.error.AgentFactoryException;
import io.agentfactory.sdk.error.BadRequestException;
import io.agentfactory.sdk.error.ErrorKind;
import io.agentfactory.sdk.error.HttpStatusException;
import io.agentfactory.sdk.error.KitTrustGateException;
import io.agentfactory.sdk.error.RateLimitedException;
import io.agentfactory.sdk.error.RequestTimeoutException;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.error.TransportException;
import io.agentfactory.sdk.error.UnexpectedStatusException;
import io.agentfactory.sdk.fleet.StatsResponse;
import io.agentfactory.sdk.reactor.testing.LoopbackServer;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;

/**
 * Every answer other than a decodable 2xx becomes the typed error of sdk-api/CONTRACT.md §2, carrying
 * method, path, status, the server()'s message from any body shape, and {@code Retry-After}.
 */
class StatusMappingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ResponseDecoder<StatsResponse> STATS = ResponseDecoder.json(StatsResponse.class);

    @RegisterExtension
    static final LoopbackServer loopback = new LoopbackServer();

    private static RecordingServer server() {
        return loopback.server();
    }

    private static HttpPipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = Pipelines.to(server(), Pipelines.transport().maxErrorBodyBytes(4096).build());
    }

    @AfterAll
    static void stop() {
        pipeline.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "400, BAD_REQUEST,       false",
        "401, NOT_AUTHENTICATED, false",
        "403, FORBIDDEN,         false",
        "404, NOT_FOUND,         false",
        "405, UNEXPECTED_STATUS, false",
        "409, CONFLICT,          false",
        "410, UNEXPECTED_STATUS, false",
        "418, UNEXPECTED_STATUS, false",
        "422, UNEXPECTED_STATUS, false",
        "429, RATE_LIMITED,      true",
        "500, SERVER_ERROR,      false",
        "501, UNIMPLEMENTED,     false",
        "502, SERVER_ERROR,      true",
        "503, UNAVAILABLE,       true",
        "504, SERVER_ERROR,      true",
        "599, SERVER_ERROR,      false",
    })
    void aStatusMapsToItsKind(int status, ErrorKind kind, boolean retryable) {
        server().replyWith(Reply.json(status, "{\"error\":\"nope\"}"));

        HttpStatusException e = failure(HttpStatusException.class);

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(e.method()).contains("GET");
        assertThat(e.path()).contains("/api/things/t-1");
        assertThat(e.serverMessage()).isEqualTo("nope");
        assertThat(e).hasMessage("GET /api/things/t-1: HTTP " + status + ": nope");
    }

    @Test
    void theErrorNamesThePathWithoutItsQuery() {
        server().replyWith(Reply.json(404, "{\"error\":\"no such session\"}"));

        HttpStatusException e = catchThrowableOfType(HttpStatusException.class,
                () -> pipeline.exchange(() -> Route.get("/api/s").query("sessionId", "secret-ish"), STATS).block(WAIT));

        assertThat(e.path()).contains("/api/s");
        assertThat(e.getMessage()).doesNotContain("sessionId");
    }

    @Test
    void errorFieldIsTheMessageAndOtherFieldsAreDetails() {
        server().replyWith(Reply.json(400, "{\"error\":\"repoUrl is invalid\",\"field\":\"repoUrl\",\"limit\":3}"));

        BadRequestException e = failure(BadRequestException.class);

        assertThat(e.serverMessage()).isEqualTo("repoUrl is invalid");
        assertThat(e.details()).containsExactly(Map.entry("field", "repoUrl"), Map.entry("limit", 3));
        assertThat(e.detail("field")).contains("repoUrl");
    }

    @Test
    void okFalseMessageBodyGivesTheMessage() {
        server().replyWith(Reply.json(409, "{\"ok\":false,\"message\":\"daemon is draining\"}"));

        HttpStatusException e = failure(HttpStatusException.class);

        assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
        assertThat(e.serverMessage()).isEqualTo("daemon is draining");
        assertThat(e.details()).isEmpty();
    }

    @Test
    void plainTextBodyGivesTheTextWithoutItsTrailingNewline() {
        server().replyWith(Reply.text(400, "repoUrl is required\n"));

        BadRequestException e = failure(BadRequestException.class);

        assertThat(e.serverMessage()).isEqualTo("repoUrl is required");
        assertThat(e).hasMessage("GET /api/things/t-1: HTTP 400: repoUrl is required");
    }

    @Test
    void brokenJsonErrorBodyIsKeptAsText() {
        server().replyWith(Reply.json(500, "{\"error\": \"half"));

        HttpStatusException e = failure(HttpStatusException.class);

        assertThat(e.kind()).isEqualTo(ErrorKind.SERVER_ERROR);
        assertThat(e.serverMessage()).isEqualTo("{\"error\": \"half");
    }

    @Test
    void aNonStringErrorFieldIsKeptAsItsJsonText() {
        server().replyWith(Reply.json(400, "{\"error\":{\"code\":7}}"));

        assertThat(failure(BadRequestException.class).serverMessage()).isEqualTo("{code=7}");
    }

    @Test
    void anEmptyErrorBodyGivesAnEmptyMessage() {
        server().replyWith(Reply.status(404));

        HttpStatusException e = failure(HttpStatusException.class);

        assertThat(e.serverMessage()).isEmpty();
        assertThat(e).hasMessage("GET /api/things/t-1: HTTP 404");
    }

    @Test
    void anHtmlErrorPageIsKeptAsText() {
        server().replyWith(Reply.status(502).header("Content-Type", "text/html").body("<html>Bad gateway</html>\n"));

        assertThat(failure(HttpStatusException.class).serverMessage()).isEqualTo("<html>Bad gateway</html>");
    }

    @Test
    void aLongErrorBodyIsBoundedAndMarkedTruncated() {
        server().replyWith(Reply.text(500, "x".repeat(100_000)).chunked(8192));

        HttpStatusException e = failure(HttpStatusException.class);

        assertThat(e.serverMessage()).hasSize(StatusErrors.MAX_MESSAGE_CHARS + "… (truncated)".length())
                .endsWith("… (truncated)");
    }

    @Test
    void invalidUtf8InAnErrorBodyIsReplacedNotFailed() {
        server().replyWith(Reply.status(400).header("Content-Type", "text/plain").body(new byte[] {'b', 'a', 'd', (byte) 0xff}));

        assertThat(failure(BadRequestException.class).serverMessage()).isEqualTo("bad\uFFFD");
    }

    @Test
    void theTrustGateExposesKitIdAndTrust() {
        server().replyWith(Reply.json(403, "{\"error\":\"kit is not trusted\",\"kitId\":\"spring/java\",\"trust\":\"unknown\"}"));

        KitTrustGateException e = failure(KitTrustGateException.class);

        assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(e.detail("kitId")).contains("spring/java");
        assertThat(e.detail("trust")).contains("unknown");
    }

    @Test
    void retryAfterInSecondsIsExposed() {
        server().replyWith(Reply.json(429, "{\"error\":\"slow down\"}").header("Retry-After", "30"));

        RateLimitedException e = failure(RateLimitedException.class);

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void retryAfterAsAnHttpDateIsTheDelayUntilThen() {
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120));
        server().replyWith(Reply.json(503, "{\"error\":\"starting\"}").header("Retry-After", at));

        HttpStatusException e = failure(HttpStatusException.class);

        assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d.toSeconds()).isCloseTo(120, within(3L)));
    }

    @Test
    void aMissingRetryAfterIsAbsent() {
        server().replyWith(Reply.json(503, "{\"error\":\"starting\"}"));

        assertThat(failure(HttpStatusException.class).retryAfter()).isEmpty();
    }

    @Test
    void anUnreadableRetryAfterIsAbsent() {
        server().replyWith(Reply.json(429, "{}").header("Retry-After", "soon"));

        assertThat(failure(HttpStatusException.class).retryAfter()).isEmpty();
    }

    @Test
    void aRedirectIsNotFollowed() {
        server().replyWith(Reply.status(302).header("Location", "/elsewhere"));

        UnexpectedStatusException e = failure(UnexpectedStatusException.class);

        assertThat(e.status()).isEqualTo(302);
        assertThat(server().onlyRequest().path()).isEqualTo("/api/things/t-1");
    }

    @Test
    void aPermanentRedirectIsNotFollowedEither() {
        server().replyWith(Reply.status(308).header("Location", "/elsewhere"));

        assertThat(failure(UnexpectedStatusException.class).status()).isEqualTo(308);
        assertThat(server().requestCount()).isEqualTo(1);
    }

    @Test
    void badJsonIsADecodeError() {
        server().replyWith(Reply.json("{\"workersOnline\": 3,"));

        ResponseDecodeException e = failure(ResponseDecodeException.class);

        assertThat(e.kind()).isEqualTo(ErrorKind.DECODE);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.method()).contains("GET");
        assertThat(e.path()).contains("/api/things/t-1");
        assertThat(e.getMessage()).startsWith("GET /api/things/t-1: body is not valid JSON");
    }

    @Test
    void aWrongJsonTypeIsADecodeError() {
        server().replyWith(Reply.json("{\"workersOnline\": \"many\"}"));

        assertThat(failure(ResponseDecodeException.class)).hasMessageContaining("not valid JSON for the expected type");
    }

    @Test
    void anArrayWhereAnObjectIsExpectedIsADecodeError() {
        server().replyWith(Reply.json("[1,2]"));

        failure(ResponseDecodeException.class);
    }

    @Test
    void jsonNullWhereAnObjectIsExpectedIsADecodeError() {
        server().replyWith(Reply.json("null"));

        failure(ResponseDecodeException.class);
    }

    @Test
    void aWrongContentTypeIsADecodeErrorNamingIt() {
        server().replyWith(Reply.status(200).header("Content-Type", "text/html").body("<html>login</html>"));

        assertThat(failure(ResponseDecodeException.class)).hasMessageContaining("text/html");
    }

    @Test
    void aJsonSuffixContentTypeIsAccepted() {
        server().replyWith(Reply.status(200).header("Content-Type", "application/vnd.af+json; charset=utf-8")
                .body("{\"queueDepth\":4}"));

        assertThat(pipeline.exchange(() -> Route.get("/api/things/{}", "t-1"), STATS).block(WAIT).queueDepth()).isEqualTo(4);
    }

    @Test
    void aMissingContentTypeIsReadAsJson() {
        server().replyWith(Reply.status(200).body("{\"queueDepth\":4}"));

        assertThat(pipeline.exchange(() -> Route.get("/api/things/{}", "t-1"), STATS).block(WAIT).queueDepth()).isEqualTo(4);
    }

    @Test
    void unknownFieldsAreIgnored() {
        server().replyWith(Reply.json("{\"queueDepth\":4,\"addedInV9\":{\"x\":[1]}}"));

        assertThat(pipeline.exchange(() -> Route.get("/api/things/{}", "t-1"), STATS).block(WAIT).queueDepth()).isEqualTo(4);
    }

    @Test
    void anEmptyBodyIsADecodeError() {
        server().replyWith(Reply.status(200).header("Content-Type", "application/json"));

        assertThat(failure(ResponseDecodeException.class)).hasMessageContaining("empty body");
    }

    @Test
    void noContentIsADecodeErrorWhereJsonIsExpected() {
        server().replyWith(Reply.status(204));

        assertThat(failure(ResponseDecodeException.class)).hasMessageContaining("HTTP 204");
    }

    @Test
    void aBodyOverTheLimitIsADecodeError() {
        server().replyWith(Reply.json("{\"timestamp\":\"" + "x".repeat(5000) + "\"}").chunked(1000));
        try (HttpPipeline small = Pipelines.to(server(), Pipelines.transport().maxResponseBytes(1024).build())) {
            ResponseDecodeException e = catchThrowableOfType(ResponseDecodeException.class,
                    () -> small.exchange(() -> Route.get("/api/things/{}", "t-1"), STATS).block(WAIT));

            assertThat(e).hasMessageContaining("exceeds the limit of 1024 bytes");
        }
    }

    @Test
    void noAnswerInTimeIsATimeout() {
        server().replyWith(Reply.custom((request, response) -> Mono.never()));
        try (HttpPipeline impatient = Pipelines.to(server(),
                Pipelines.transport().responseTimeout(Duration.ofMillis(200)).build())) {
            RequestTimeoutException e = catchThrowableOfType(RequestTimeoutException.class,
                    () -> impatient.exchange(() -> Route.get("/api/things/{}", "t-1"), STATS).block(WAIT));

            assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
            assertThat(e.path()).contains("/api/things/t-1");
        }
    }

    @Test
    void aConnectionClosedBeforeTheAnswerIsATransportError() {
        server().replyWith(Reply.custom((request, response) -> {
            response.withConnection(connection -> connection.channel().close());
            return Mono.never();
        }));

        TransportException e = failure(TransportException.class);

        assertThat(e.kind()).isEqualTo(ErrorKind.TRANSPORT);
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void aRefusedConnectionIsATransportError() {
        RecordingServer gone = RecordingServer.start();
        HttpPipeline toGone = Pipelines.to(gone);
        gone.close();
        try (toGone) {
            AgentFactoryException e = catchThrowableOfType(AgentFactoryException.class,
                    () -> toGone.exchange(() -> Route.get("/api/x"), STATS).block(WAIT));

            assertThat(e.kind()).isEqualTo(ErrorKind.TRANSPORT);
            assertThat(e.method()).contains("GET");
        }
    }

    private static <E extends Throwable> E failure(Class<E> type) {
        return catchThrowableOfType(type, () -> pipeline.exchange(() -> Route.get("/api/things/{}", "t-1"), STATS)
                .block(WAIT));
    }
}
