package io.agentfactory.sdk.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.agentfactory.sdk.kit.KitTrustState;

class HttpStatusExceptionTest {

    private static HttpError error(String method, String path, int status, String message) {
        return new HttpError(method, path, status, message, null, Map.of());
    }

    static Stream<Arguments> statusClasses() {
        return Stream.of(
                Arguments.of(400, (Function<HttpError, HttpStatusException>) BadRequestException::new, ErrorKind.BAD_REQUEST, false),
                Arguments.of(401, (Function<HttpError, HttpStatusException>) NotAuthenticatedException::new, ErrorKind.NOT_AUTHENTICATED, false),
                Arguments.of(403, (Function<HttpError, HttpStatusException>) ForbiddenException::new, ErrorKind.FORBIDDEN, false),
                Arguments.of(403, (Function<HttpError, HttpStatusException>) KitTrustGateException::new, ErrorKind.FORBIDDEN, false),
                Arguments.of(404, (Function<HttpError, HttpStatusException>) NotFoundException::new, ErrorKind.NOT_FOUND, false),
                Arguments.of(409, (Function<HttpError, HttpStatusException>) ConflictException::new, ErrorKind.CONFLICT, false),
                Arguments.of(429, (Function<HttpError, HttpStatusException>) RateLimitedException::new, ErrorKind.RATE_LIMITED, true),
                Arguments.of(405, (Function<HttpError, HttpStatusException>) UnexpectedStatusException::new, ErrorKind.UNEXPECTED_STATUS, false),
                Arguments.of(422, (Function<HttpError, HttpStatusException>) UnexpectedStatusException::new, ErrorKind.UNEXPECTED_STATUS, false),
                Arguments.of(501, (Function<HttpError, HttpStatusException>) UnimplementedException::new, ErrorKind.UNIMPLEMENTED, false),
                Arguments.of(500, (Function<HttpError, HttpStatusException>) ServerErrorException::new, ErrorKind.SERVER_ERROR, false),
                Arguments.of(502, (Function<HttpError, HttpStatusException>) ServerErrorException::new, ErrorKind.SERVER_ERROR, true),
                Arguments.of(504, (Function<HttpError, HttpStatusException>) ServerErrorException::new, ErrorKind.SERVER_ERROR, true),
                Arguments.of(503, (Function<HttpError, HttpStatusException>) UnavailableException::new, ErrorKind.UNAVAILABLE, true));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("statusClasses")
    void eachStatusClassHasItsKindAndRetryability(int status, Function<HttpError, HttpStatusException> create,
            ErrorKind kind, boolean retryable) {
        HttpStatusException exception = create.apply(error("GET", "/api/public/stats", status, "boom"));

        assertThat(exception.kind()).isEqualTo(kind);
        assertThat(exception.isRetryable()).isEqualTo(retryable);
        assertThat(exception.status()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("statusClasses")
    void theMessageIsMethodPathStatusAndServerMessageOnly(int status, Function<HttpError, HttpStatusException> create) {
        HttpStatusException exception = create.apply(
                error("POST", "/api/daemon/workareas/ar_7f3c/restore", status, "archive is corrupted"));

        assertThat(exception).hasMessage("POST /api/daemon/workareas/ar_7f3c/restore: HTTP " + status
                + ": archive is corrupted");
        assertThat(exception.method()).contains("POST");
        assertThat(exception.path()).contains("/api/daemon/workareas/ar_7f3c/restore");
        assertThat(exception.serverMessage()).isEqualTo("archive is corrupted");
    }

    @Test
    void withoutAServerMessageTheMessageEndsAtTheStatus() {
        NotFoundException exception = new NotFoundException(error("GET", "/api/public/sessions/sess_x", 404, ""));

        assertThat(exception).hasMessage("GET /api/public/sessions/sess_x: HTTP 404");
        assertThat(exception.serverMessage()).isEmpty();
    }

    @Test
    void retryAfterIsExposedWhenTheServerSentIt() {
        HttpError starting = new HttpError("GET", "/api/daemon/status", 503, "daemon is still starting",
                Duration.ofSeconds(1), Map.of("status", "starting"));

        UnavailableException exception = new UnavailableException(starting);

        assertThat(exception.retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(exception.detail("status")).contains("starting");
    }

    @Test
    void retryAfterIsEmptyWhenTheServerDidNotSendIt() {
        assertThat(new RateLimitedException(error("GET", "/api/public/stats", 429, "slow down")).retryAfter()).isEmpty();
    }

    @Test
    void theOtherFieldsOfAJsonErrorBodyAreUnmodifiableDetails() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "starting");
        body.put("attempt", 3);
        ServerErrorException exception = new ServerErrorException(
                new HttpError("GET", "/api/daemon/stats", 500, "boom", null, body));
        body.put("added", "later");

        assertThat(exception.details()).containsExactly(Map.entry("status", "starting"), Map.entry("attempt", 3));
        assertThat(exception.detail("attempt")).contains("3");
        assertThat(exception.detail("missing")).isEmpty();
        assertThatThrownBy(() -> exception.details().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theKitTrustGateNamesTheKitAndItsTrustState() {
        KitTrustGateException exception = new KitTrustGateException(new HttpError("POST",
                "/api/daemon/kits/spring/java/install", 403, "kit trust gate: unsigned kits are not allowed", null,
                Map.of("kitId", "spring/java", "trust", "unsigned")));

        assertThat(exception.kitId()).isEqualTo("spring/java");
        assertThat(exception.trust()).isSameAs(KitTrustState.UNSIGNED);
        assertThat(exception).isInstanceOf(ForbiddenException.class)
                .hasMessage("POST /api/daemon/kits/spring/java/install: HTTP 403: kit trust gate: unsigned kits are not allowed");
    }

    @Test
    void theKitTrustGateKeepsATrustStateItDoesNotKnow() {
        KitTrustGateException exception = new KitTrustGateException(new HttpError("POST",
                "/api/daemon/kits/spring/java/install", 403, "kit trust gate", null,
                Map.of("kitId", "spring/java", "trust", "revoked")));

        assertThat(exception.trust().value()).isEqualTo("revoked");
        assertThat(exception.trust().isKnown()).isFalse();
    }

    @Test
    void theKitTrustGateWithoutDetailsGivesEmptyValues() {
        KitTrustGateException exception = new KitTrustGateException(
                error("POST", "/api/daemon/kits/spring/java/install", 403, "forbidden"));

        assertThat(exception.kitId()).isEmpty();
        assertThat(exception.trust().value()).isEmpty();
    }

    @Test
    void anUnimplementedKitSourceNamesTheKitTheKindAndTheDetails() {
        UnimplementedException exception = new UnimplementedException(new HttpError("POST",
                "/api/daemon/kits/ts/nextjs/install", 501, "kit source federation unimplemented", null,
                Map.of("kitId", "ts/nextjs", "kind", "tessl", "details", "only git sources can be installed")));

        assertThat(exception.kitId()).contains("ts/nextjs");
        assertThat(exception.sourceKind()).contains("tessl");
        assertThat(exception.detailsText()).contains("only git sources can be installed");
        assertThat(exception.isRetryable()).isFalse();
    }

    @Test
    void anUnimplementedPoolEvictionHasNoKitFields() {
        UnimplementedException exception = new UnimplementedException(
                error("POST", "/api/daemon/pool/evict", 501, "pool eviction handler not wired"));

        assertThat(exception.kitId()).isEmpty();
        assertThat(exception.sourceKind()).isEmpty();
        assertThat(exception.detailsText()).isEmpty();
    }

    @Test
    void anErrorAlwaysNamesItsRequest() {
        assertThatThrownBy(() -> new HttpError(null, "/api/x", 500, "", null, Map.of()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new HttpError("GET", null, 500, "", null, Map.of()))
                .isInstanceOf(NullPointerException.class);
    }
}
