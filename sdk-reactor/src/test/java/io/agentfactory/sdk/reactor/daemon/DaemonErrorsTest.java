package io.agentfactory.sdk.reactor.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.error.AgentFactoryException;
import io.agentfactory.sdk.error.BadRequestException;
import io.agentfactory.sdk.error.ConflictException;
import io.agentfactory.sdk.error.KitTrustGateException;
import io.agentfactory.sdk.error.NotFoundException;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.error.ServerErrorException;
import io.agentfactory.sdk.error.UnavailableException;
import io.agentfactory.sdk.error.UnexpectedStatusException;
import io.agentfactory.sdk.error.UnimplementedException;
import io.agentfactory.sdk.kit.KitInstallRequest;
import io.agentfactory.sdk.kit.KitTrustState;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;
import io.agentfactory.sdk.workarea.EvictPoolRequest;
import io.agentfactory.sdk.workarea.WorkareaRestoreRequest;

/**
 * The daemon's failure answers (sdk-api/CONTRACT.md §2 and §4) as typed errors a caller can tell apart,
 * and which of them are retried: GETs while the daemon starts, never a POST.
 */
class DaemonErrorsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final EvictPoolRequest EVICT = new EvictPoolRequest("github.com/foo/bar", 3600);

    @RegisterExtension
    static final DaemonUnderTest UNDER_TEST = DaemonUnderTest.withDefaults();

    private final RecordingServer server = UNDER_TEST.server();
    private final ReactorDaemonClient daemon = UNDER_TEST.client();

    @Test
    void restoreIntoASessionIdInUseIsAConflict() {
        server.replyWith(Reply.json(409, "{\"error\":\"session sess-9 already has a workarea\"}"));

        ConflictException e = failure(daemon.restoreWorkarea("ar-1", new WorkareaRestoreRequest("", "sess-9")),
                ConflictException.class);

        assertThat(e.serverMessage()).isEqualTo("session sess-9 already has a workarea");
        assertThat(e.method()).contains("POST");
        assertThat(e.path()).contains("/api/daemon/workareas/ar-1/restore");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void restoreOnASaturatedPoolIsUnavailableWithRetryAfterAndIsNotRetried() {
        server.replyWith(Reply.json(503, "{\"error\":\"workarea pool saturated\"}").header("Retry-After", "7"));

        UnavailableException e = failure(daemon.restoreWorkarea("ar-1", WorkareaRestoreRequest.defaults()),
                UnavailableException.class);

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.serverMessage()).isEqualTo("workarea pool saturated");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void restoreOnASaturatedPoolWithoutRetryAfterHasNoDelay() {
        server.replyWith(Reply.json(503, "{\"error\":\"workarea pool saturated\"}"));

        UnavailableException e = failure(daemon.restoreWorkarea("ar-1", WorkareaRestoreRequest.defaults()),
                UnavailableException.class);

        assertThat(e.retryAfter()).isEmpty();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void restoreOfACorruptedArchiveIsABadRequestWithTheReason() {
        server.replyWith(Reply.json(400, "{\"error\":\"archive ar-1 is corrupted: checksum mismatch\"}"));

        BadRequestException e = failure(daemon.restoreWorkarea("ar-1", WorkareaRestoreRequest.defaults()),
                BadRequestException.class);

        assertThat(e.serverMessage()).isEqualTo("archive ar-1 is corrupted: checksum mismatch");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void installRefusedByTheTrustGateExposesKitIdAndTrust() {
        server.replyWith(Reply.json(403,
                "{\"error\":\"kit does not pass the trust gate\",\"kitId\":\"spring/java\",\"trust\":\"unsigned\"}"));

        KitTrustGateException e = failure(daemon.installKit("spring/java", KitInstallRequest.defaults()),
                KitTrustGateException.class);

        assertThat(e.kitId()).isEqualTo("spring/java");
        assertThat(e.trust()).isEqualTo(KitTrustState.UNSIGNED);
        assertThat(e.serverMessage()).isEqualTo("kit does not pass the trust gate");
        assertThat(e.path()).contains("/api/daemon/kits/spring/java/install");
    }

    @Test
    void installFromAnUnimplementedSourceKindExposesKindAndDetails() {
        server.replyWith(Reply.json(501, "{\"error\":\"kit source kind not implemented\",\"kitId\":\"spring/java\","
                + "\"kind\":\"tessl\",\"details\":\"tessl registry support is not wired\"}"));

        UnimplementedException e = failure(daemon.installKit("spring/java", KitInstallRequest.defaults()),
                UnimplementedException.class);

        assertThat(e.kitId()).contains("spring/java");
        assertThat(e.sourceKind()).contains("tessl");
        assertThat(e.detailsText()).contains("tessl registry support is not wired");
    }

    @Test
    void installWhoseSourceFetchFailedIsAServerErrorAndIsNotRetried() {
        server.replyWith(Reply.json(502,
                "{\"error\":\"fetching kit source failed\",\"source\":\"https://git.example/kits.git\"}"));

        ServerErrorException e = failure(daemon.installKit("spring/java", KitInstallRequest.defaults()),
                ServerErrorException.class);

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.detail("source")).contains("https://git.example/kits.git");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void installOfAnInvalidPackageIsAnUnexpectedStatusWithCodeAndBody() {
        server.replyWith(Reply.json(422, "{\"error\":\"kit package invalid: no manifest\"}"));

        UnexpectedStatusException e = failure(daemon.installKit("spring/java", KitInstallRequest.defaults()),
                UnexpectedStatusException.class);

        assertThat(e.status()).isEqualTo(422);
        assertThat(e.serverMessage()).isEqualTo("kit package invalid: no manifest");
        assertThat(e).hasMessageContaining("422");
    }

    @Test
    void installOfAConflictingPackageIsAConflict() {
        server.replyWith(Reply.json(409, "{\"error\":\"a different spring/java 1.2.0 is installed\"}"));

        ConflictException e = failure(daemon.installKit("spring/java", KitInstallRequest.defaults()),
                ConflictException.class);

        assertThat(e.serverMessage()).isEqualTo("a different spring/java 1.2.0 is installed");
    }

    @Test
    void pauseForbiddenByTheDaemonStateIsAConflictWithTheMessage() {
        server.replyWith(Reply.json(409, "{\"ok\":false,\"message\":\"daemon is draining; cannot pause\"}"));

        ConflictException e = failure(daemon.pause(), ConflictException.class);

        assertThat(e.serverMessage()).isEqualTo("daemon is draining; cannot pause");
        assertThat(e.details()).isEmpty();
    }

    @Test
    void resumeForbiddenByTheDaemonStateIsAConflictWithTheMessage() {
        server.replyWith(Reply.json(409, "{\"ok\":false,\"message\":\"daemon is stopping; cannot resume\"}"));

        ConflictException e = failure(daemon.resume(), ConflictException.class);

        assertThat(e.serverMessage()).isEqualTo("daemon is stopping; cannot resume");
    }

    @Test
    void drainThatDidNotFinishInTimeIsAConflict() {
        server.replyWith(Reply.json(409, "{\"ok\":false,\"message\":\"drain timed out with 2 sessions in flight\"}"));

        ConflictException e = failure(daemon.drain(30), ConflictException.class);

        assertThat(e.serverMessage()).isEqualTo("drain timed out with 2 sessions in flight");
    }

    @Test
    void evictRefusedAsPlainTextIsABadRequestWithThatText() {
        server.replyWith(Reply.text(400, "repoUrl is required\n"));

        BadRequestException e = failure(daemon.evictPool(EVICT), BadRequestException.class);

        assertThat(e.serverMessage()).isEqualTo("repoUrl is required");
    }

    @Test
    void evictWithoutAnEvictionHandlerIsUnimplemented() {
        server.replyWith(Reply.json(501, "{\"error\":\"pool eviction is not wired on this daemon\"}"));

        UnimplementedException e = failure(daemon.evictPool(EVICT), UnimplementedException.class);

        assertThat(e.serverMessage()).isEqualTo("pool eviction is not wired on this daemon");
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void explainRoutingOfASessionWithoutDecisionIsNotFound() {
        server.replyWith(Reply.text(404, "no routing decision for session sess-1\n"));

        NotFoundException e = failure(daemon.explainRouting("sess-1"), NotFoundException.class);

        assertThat(e.serverMessage()).isEqualTo("no routing decision for session sess-1");
        assertThat(e.path()).contains("/api/daemon/routing/explain/sess-1");
    }

    @Test
    void aGetIsRetriedWhileTheDaemonIsStillStarting() {
        server.replySequence(Reply.json(503, DaemonWire.STARTING).header("Retry-After", "1"),
                Reply.json(DaemonWire.STATUS));

        var status = daemon.getStatus().block(TIMEOUT);

        assertThat(status.pid()).isEqualTo(4242);
        assertThat(server.requests()).hasSize(2)
                .allSatisfy(r -> assertThat(r.uri()).isEqualTo("/api/daemon/status"));
    }

    @Test
    void aGetGivesUpAsUnavailableWhenTheDaemonKeepsStartingPastTheRetryPolicy() {
        server.replyWith(Reply.json(503, DaemonWire.STARTING).header("Retry-After", "1"));

        UnavailableException e = failure(daemon.listKits(), UnavailableException.class);

        assertThat(e.serverMessage()).isEqualTo("daemon is still starting");
        assertThat(server.requestCount()).isEqualTo(DaemonWire.FAST_RETRIES.retryPolicy().maxAttempts());
    }

    @Test
    void aPostIsNeverRetriedWhileTheDaemonIsStillStarting() {
        server.replySequence(Reply.json(503, DaemonWire.STARTING).header("Retry-After", "1"),
                Reply.json(DaemonWire.ACTION_OK));

        UnavailableException e = failure(daemon.pause(), UnavailableException.class);

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(e.detail("status")).contains("starting");
        assertThat(e.isRetryable()).isTrue();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aBodyThatIsNotTheExpectedJsonIsADecodeError() {
        server.replyWith(Reply.json("[\"not\",\"a\",\"status\"]"));

        ResponseDecodeException e = failure(daemon.getStatus(), ResponseDecodeException.class);

        assertThat(e.path()).contains("/api/daemon/status");
    }

    /** A route of each family (status, lifecycle, providers, kits, workareas, routing) and its answer. */
    static Stream<Arguments> routesAnsweredAsGoDoesWithoutContentType() {
        return Stream.of(
                route("status", DaemonWire.STATUS, ReactorDaemonClient::getStatus),
                route("providers", DaemonWire.PROVIDERS, ReactorDaemonClient::listProviders),
                route("pause", DaemonWire.ACTION_OK, ReactorDaemonClient::pause),
                route("drain", DaemonWire.ACTION_OK, d -> d.drain(5)),
                route("kits", DaemonWire.KITS, ReactorDaemonClient::listKits),
                route("workareas", DaemonWire.WORKAREAS, ReactorDaemonClient::listWorkareas),
                route("routing", DaemonWire.ROUTING_CONFIG, ReactorDaemonClient::getRoutingConfig));
    }

    private static Arguments route(String name, String json, Function<ReactorDaemonClient, Mono<?>> call) {
        return Arguments.of(name, json, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routesAnsweredAsGoDoesWithoutContentType")
    void jsonServedAsTextPlainIsDecodedOnDaemonRoutes(String route, String json,
            Function<ReactorDaemonClient, Mono<?>> call) {
        // A Go handler that sets no content type: net/http sniffs the JSON as text/plain.
        server.replyWith(Reply.text(200, json));

        assertThat(call.apply(daemon).block(TIMEOUT)).isNotNull();
    }

    @Test
    void aRestoreAnsweredCreatedAsTextPlainIsDecoded() {
        server.replyWith(Reply.text(201, DaemonWire.RESTORED));

        assertThat(daemon.restoreWorkarea("ar-1", new WorkareaRestoreRequest("", "sess-9")).block(TIMEOUT)).isNotNull();
    }

    @Test
    void invalidJsonServedAsTextPlainIsStillADecodeError() {
        server.replyWith(Reply.text(200, "daemon ready"));

        ResponseDecodeException e = failure(daemon.getStatus(), ResponseDecodeException.class);

        assertThat(e).hasMessageContaining("not valid JSON");
    }

    @Test
    void anHtmlPageIsStillRefusedOnDaemonRoutes() {
        server.replyWith(Reply.status(200).header("Content-Type", "text/html").body("<html>{}</html>"));

        ResponseDecodeException e = failure(daemon.getStatus(), ResponseDecodeException.class);

        assertThat(e).hasMessageContaining("expected a JSON body, got content type 'text/html'");
    }

    private static <E extends AgentFactoryException> E failure(Mono<?> call, Class<E> type) {
        Throwable thrown = catchThrowable(() -> call.block(TIMEOUT));
        assertThat(thrown).isExactlyInstanceOf(type);
        return type.cast(thrown);
    }
}
