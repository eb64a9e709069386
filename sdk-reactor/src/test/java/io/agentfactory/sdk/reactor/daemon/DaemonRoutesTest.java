package io.agentfactory.sdk.reactor.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.daemon.DaemonActionResponse;
import io.agentfactory.sdk.daemon.DaemonStatus;
import io.agentfactory.sdk.kit.Kit;
import io.agentfactory.sdk.kit.KitInstallRequest;
import io.agentfactory.sdk.kit.KitInstallSource;
import io.agentfactory.sdk.kit.KitStatus;
import io.agentfactory.sdk.kit.KitTrustState;
import io.agentfactory.sdk.reactor.testing.RecordedRequest;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;
import io.agentfactory.sdk.workarea.EvictPoolRequest;
import io.agentfactory.sdk.workarea.WorkareaRestoreRequest;

/**
 * Every route of sdk-api/CONTRACT.md §4 on the wire: method, raw path and query, headers, exact body
 * bytes, and the decoded answer. The client has a control token, so each test also shows it on
 * POSTs and only there.
 */
class DaemonRoutesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @RegisterExtension
    static final DaemonUnderTest UNDER_TEST = DaemonUnderTest.withOptions(o -> o.controlToken(DaemonWire.CONTROL_TOKEN));

    private final RecordingServer server = UNDER_TEST.server();
    private final ReactorDaemonClient daemon = UNDER_TEST.client();

    @Test
    void getStatusGetsTheStatusSnapshot() {
        server.replyWith(Reply.json(DaemonWire.STATUS));

        var status = daemon.getStatus().block(TIMEOUT);

        assertGet(server.onlyRequest(), "/api/daemon/status");
        assertThat(status.status()).isEqualTo(DaemonStatus.READY);
        assertThat(status.pid()).isEqualTo(4242);
    }

    @ParameterizedTest(name = "withPool={0}, byMachine={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "false | false | /api/daemon/stats",
        "true  | false | /api/daemon/stats?pool=true",
        "false | true  | /api/daemon/stats?byMachine=true",
        "true  | true  | /api/daemon/stats?pool=true&byMachine=true",
    })
    void getStatsAsksForPoolAndByMachineOnlyWhenAskedInThatOrder(boolean withPool, boolean byMachine, String uri) {
        server.replyWith(Reply.json(DaemonWire.STATS));

        var stats = daemon.getStats(withPool, byMachine).block(TIMEOUT);

        assertGet(server.onlyRequest(), uri);
        assertThat(stats.capacity().maxConcurrentSessions()).isEqualTo(4);
    }

    static Stream<Arguments> lifecycleActions() {
        return Stream.of(
                Arguments.of("pause", (Function<ReactorDaemonClient, Mono<DaemonActionResponse>>) c -> c.pause()),
                Arguments.of("resume", (Function<ReactorDaemonClient, Mono<DaemonActionResponse>>) c -> c.resume()),
                Arguments.of("stop", (Function<ReactorDaemonClient, Mono<DaemonActionResponse>>) c -> c.stop()),
                Arguments.of("update", (Function<ReactorDaemonClient, Mono<DaemonActionResponse>>) c -> c.update()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lifecycleActions")
    void lifecycleActionsPostWithoutBody(String action, Function<ReactorDaemonClient, Mono<DaemonActionResponse>> call) {
        server.replyWith(Reply.json(DaemonWire.ACTION_OK));

        var response = call.apply(daemon).block(TIMEOUT);

        assertPost(server.onlyRequest(), "/api/daemon/" + action, null);
        assertThat(response).isEqualTo(new DaemonActionResponse(true, "done"));
    }

    @Test
    void drainWithZeroTimeoutPostsAnEmptyObject() {
        server.replyWith(Reply.json(DaemonWire.ACTION_OK));

        daemon.drain(0).block(TIMEOUT);

        assertPost(server.onlyRequest(), "/api/daemon/drain", "{}");
    }

    @Test
    void drainWithATimeoutPostsIt() {
        server.replyWith(Reply.json(DaemonWire.ACTION_OK));

        var response = daemon.drain(30).block(TIMEOUT);

        assertPost(server.onlyRequest(), "/api/daemon/drain", "{\"timeoutSeconds\":30}");
        assertThat(response.ok()).isTrue();
    }

    @Test
    void getPoolStatsGetsThePoolWithItsMembers() {
        server.replyWith(Reply.json(DaemonWire.POOL_STATS));

        var pool = daemon.getPoolStats().block(TIMEOUT);

        assertGet(server.onlyRequest(), "/api/daemon/pool/stats");
        assertThat(pool.members()).singleElement().satisfies(m -> assertThat(m.id()).isEqualTo("pm-1"));
        assertThat(pool.totalDiskUsageMb()).isEqualTo(512);
    }

    @Test
    void evictPoolPostsBothSelectors() {
        server.replyWith(Reply.json(DaemonWire.EVICTED));

        var evicted = daemon.evictPool(new EvictPoolRequest("github.com/foo/bar", 3600)).block(TIMEOUT);

        assertPost(server.onlyRequest(), "/api/daemon/pool/evict",
                "{\"repoUrl\":\"github.com/foo/bar\",\"olderThanSeconds\":3600}");
        assertThat(evicted.evicted()).isEqualTo(2);
        assertThat(evicted.correlationId()).isEqualTo("corr-7");
    }

    @Test
    void setCapacityConfigPostsKeyAndValue() {
        server.replyWith(Reply.json(DaemonWire.CAPACITY_SET));

        var set = daemon.setCapacityConfig("capacity.poolMaxDiskGb", "80").block(TIMEOUT);

        assertPost(server.onlyRequest(), "/api/daemon/capacity",
                "{\"key\":\"capacity.poolMaxDiskGb\",\"value\":\"80\"}");
        assertThat(set.ok()).isTrue();
        assertThat(set.key()).isEqualTo("capacity.poolMaxDiskGb");
    }

    @Test
    void setCapacityConfigWritesAnEmptyValue() {
        server.replyWith(Reply.json(DaemonWire.CAPACITY_SET));

        daemon.setCapacityConfig("capacity.poolMaxDiskGb", "").block(TIMEOUT);

        assertPost(server.onlyRequest(), "/api/daemon/capacity", "{\"key\":\"capacity.poolMaxDiskGb\",\"value\":\"\"}");
    }

    @Test
    void listProvidersGetsTheRegistry() {
        server.replyWith(Reply.json(DaemonWire.PROVIDERS));

        var providers = daemon.listProviders().block(TIMEOUT);

        assertGet(server.onlyRequest(), "/api/daemon/providers");
        assertThat(providers.providers()).singleElement().satisfies(p -> assertThat(p.id()).isEqualTo("local-docker"));
    }

    @Test
    void getProviderEscapesTheIdAsOneSegment() {
        server.replyWith(Reply.json(DaemonWire.PROVIDER));

        var provider = daemon.getProvider("local/docker tools?#%").block(TIMEOUT);

        assertGet(server.onlyRequest(), "/api/daemon/providers/local%2Fdocker%20tools%3F%23%25");
        assertThat(provider.provider().id()).isEqualTo("local/docker");
    }

    @Test
    void listKitsGetsTheInstalledKits() {
        server.replyWith(Reply.json(DaemonWire.KITS));

        var kits = daemon.listKits().block(TIMEOUT);

        assertGet(server.onlyRequest(), "/api/daemon/kits");
        assertThat(kits.kits()).singleElement().satisfies(k -> assertThat(k.id()).isEqualTo("spring/java"));
    }

    @Test
    void getKitKeepsTheSlashOfAKitIdAsAPathSeparator() {
        server.replyWith(Reply.json(DaemonWire.KIT_MANIFEST));

        var manifest = daemon.getKit("spring/java").block(TIMEOUT);

        assertGet(server.onlyRequest(), "/api/daemon/kits/spring/java");
        assertThat(manifest.kit().id()).isEqualTo("spring/java");
    }

    @Test
    void getKitEscapesEverythingElseInEachSegment() {
        server.replyWith(Reply.json(DaemonWire.KIT_MANIFEST));

        daemon.getKit("spring boot/java?17#%/..").block(TIMEOUT);

        assertGet(server.onlyRequest(), "/api/daemon/kits/spring%20boot/java%3F17%23%25/%2E%2E");
    }

    @Test
    void verifyKitSignatureGetsTheActionAfterTheWholeKitId() {
        server.replyWith(Reply.json(DaemonWire.KIT_SIGNATURE));

        var result = daemon.verifyKitSignature("spring/java").block(TIMEOUT);

        assertGet(server.onlyRequest(), "/api/daemon/kits/spring/java/verify-signature");
        assertThat(result.ok()).isTrue();
        assertThat(result.trust()).isEqualTo(KitTrustState.SIGNED_VERIFIED);
    }

    @Test
    void installKitWithNothingSetPostsAnEmptyObject() {
        server.replyWith(Reply.json(DaemonWire.KIT_INSTALLED));

        var installed = daemon.installKit("spring/java", KitInstallRequest.defaults()).block(TIMEOUT);

        assertPost(server.onlyRequest(), "/api/daemon/kits/spring/java/install", "{}");
        assertThat(installed.kit().id()).isEqualTo("spring/java");
        assertThat(installed.message()).isEqualTo("installed");
    }

    @Test
    void installKitPostsVersionSourceAndTheOneTrustOverride() {
        server.replyWith(Reply.json(DaemonWire.KIT_INSTALLED));
        var request = new KitInstallRequest("1.2.0", new KitInstallSource("git", "https://git.example/kits.git", "v1", ""),
                "").allowedThisOnce();

        daemon.installKit("spring/java", request).block(TIMEOUT);

        assertPost(server.onlyRequest(), "/api/daemon/kits/spring/java/install",
                "{\"version\":\"1.2.0\",\"source\":{\"kind\":\"git\",\"url\":\"https://git.example/kits.git\","
                        + "\"ref\":\"v1\"},\"trustOverride\":\"allowed-this-once\"}");
    }

    @Test
    void enableKitPostsWithoutBodyAndAcceptsABareKit() {
        server.replyWith(Reply.json(DaemonWire.KIT));

        Kit kit = daemon.enableKit("spring/java").block(TIMEOUT);

        assertPost(server.onlyRequest(), "/api/daemon/kits/spring/java/enable", null);
        assertThat(kit.id()).isEqualTo("spring/java");
        assertThat(kit.status()).isEqualTo(KitStatus.ACTIVE);
    }

    @Test
    void enableKitAcceptsAWrappedKit() {
        server.replyWith(Reply.json("{\"kit\":" + DaemonWire.KIT + "}"));

        Kit kit = daemon.enableKit("spring/java").block(TIMEOUT);

        assertThat(kit.id()).isEqualTo("spring/java");
        assertThat(kit.status()).isEqualTo(KitStatus.ACTIVE);
    }

    @Test
    void disableKitPostsWithoutBodyAndAcceptsAWrappedKit() {
        server.replyWith(Reply.json("{\"kit\":" + DaemonWire.KIT_DISABLED + "}"));

        Kit kit = daemon.disableKit("spring/java").block(TIMEOUT);

        assertPost(server.onlyRequest(), "/api/daemon/kits/spring/java/disable", null);
        assertThat(kit.status()).isEqualTo(KitStatus.DISABLED);
    }

    @Test
    void disableKitAcceptsABareKit() {
        server.replyWith(Reply.json(DaemonWire.KIT_DISABLED));

        Kit kit = daemon.disableKit("spring/java").block(TIMEOUT);

        assertThat(kit.name()).isEqualTo("Spring for Java");
        assertThat(kit.status()).isEqualTo(KitStatus.DISABLED);
    }

    @Test
    void listKitSourcesGetsTheFederationOrder() {
        server.replyWith(Reply.json(DaemonWire.KIT_SOURCES));

        var sources = daemon.listKitSources().block(TIMEOUT);

        assertGet(server.onlyRequest(), "/api/daemon/kit-sources");
        assertThat(sources.sources()).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("community hub"));
    }

    @Test
    void enableKitSourceEscapesTheNameAsOneSegment() {
        server.replyWith(Reply.json(DaemonWire.KIT_SOURCE_TOGGLED));

        daemon.enableKitSource("community hub/eu").block(TIMEOUT);

        assertPost(server.onlyRequest(), "/api/daemon/kit-sources/community%20hub%2Feu/enable", null);
    }

    @Test
    void disableKitSourcePostsWithoutBody() {
        server.replyWith(Reply.json(DaemonWire.KIT_SOURCE_TOGGLED));

        var toggled = daemon.disableKitSource("community hub").block(TIMEOUT);

        assertPost(server.onlyRequest(), "/api/daemon/kit-sources/community%20hub/disable", null);
        assertThat(toggled.source().enabled()).isFalse();
        assertThat(toggled.message()).isEqualTo("disabled");
    }

    @Test
    void listWorkareasGetsActiveAndArchived() {
        server.replyWith(Reply.json(DaemonWire.WORKAREAS));

        var workareas = daemon.listWorkareas().block(TIMEOUT);

        assertGet(server.onlyRequest(), "/api/daemon/workareas");
        assertThat(workareas.active()).singleElement().satisfies(w -> assertThat(w.id()).isEqualTo("wa-1"));
        assertThat(workareas.archived()).singleElement().satisfies(w -> assertThat(w.id()).isEqualTo("ar-1"));
    }

    @Test
    void getWorkareaEscapesTheIdAsOneSegment() {
        server.replyWith(Reply.json(DaemonWire.WORKAREA));

        var workarea = daemon.getWorkarea("ar/1").block(TIMEOUT);

        assertGet(server.onlyRequest(), "/api/daemon/workareas/ar%2F1");
        assertThat(workarea.workarea().id()).isEqualTo("ar/1");
    }

    @Test
    void getWorkareaEscapesADotDotId() {
        server.replyWith(Reply.json(DaemonWire.WORKAREA));

        daemon.getWorkarea("..").block(TIMEOUT);

        assertGet(server.onlyRequest(), "/api/daemon/workareas/%2E%2E");
    }

    @Test
    void restoreWorkareaPostsTheRequestAndTakes201AsSuccess() {
        server.replyWith(Reply.json(201, DaemonWire.RESTORED));

        var restored = daemon.restoreWorkarea("ar 1", new WorkareaRestoreRequest("audit", "sess-9")).block(TIMEOUT);

        assertPost(server.onlyRequest(), "/api/daemon/workareas/ar%201/restore",
                "{\"reason\":\"audit\",\"intoSessionId\":\"sess-9\"}");
        assertThat(restored.workarea().id()).isEqualTo("wa-9");
        assertThat(restored.workarea().sessionId()).isEqualTo("sess-9");
    }

    @Test
    void restoreWorkareaWithNothingSetPostsAnEmptyObject() {
        server.replyWith(Reply.json(201, DaemonWire.RESTORED));

        daemon.restoreWorkarea("ar-1", WorkareaRestoreRequest.defaults()).block(TIMEOUT);

        assertPost(server.onlyRequest(), "/api/daemon/workareas/ar-1/restore", "{}");
    }

    @Test
    void getRoutingConfigGetsTheSnapshot() {
        server.replyWith(Reply.json(DaemonWire.ROUTING_CONFIG));

        var config = daemon.getRoutingConfig().block(TIMEOUT);

        assertGet(server.onlyRequest(), "/api/daemon/routing/config");
        assertThat(config.config().weights().cost()).isEqualTo(0.6);
    }

    @Test
    void explainRoutingEscapesTheSessionIdAsOneSegment() {
        server.replyWith(Reply.json(DaemonWire.ROUTING_EXPLAIN));

        var explained = daemon.explainRouting("sess/1").block(TIMEOUT);

        assertGet(server.onlyRequest(), "/api/daemon/routing/explain/sess%2F1");
        assertThat(explained.decision().chosenSandbox()).isEqualTo("local-docker");
    }

    /** A GET: no body, no Content-Type, no credential of any kind. */
    private static void assertGet(RecordedRequest request, String rawUri) {
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.uri()).isEqualTo(rawUri);
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(request.hasHeader("Authorization")).as("Authorization on a GET").isFalse();
        assertThat(request.hasHeader("Content-Type")).isFalse();
        assertThat(request.body()).isEmpty();
        assertNoCoordinatorScopes(request);
    }

    /** A POST: the control token, and exactly {@code json} as body ({@code null}: none at all). */
    private static void assertPost(RecordedRequest request, String rawUri, @Nullable String json) {
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo(rawUri);
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + DaemonWire.CONTROL_TOKEN);
        if (json == null) {
            assertThat(request.hasHeader("Content-Type")).isFalse();
            assertThat(request.body()).isEmpty();
        }
        else {
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(request.bodyText()).isEqualTo(json);
        }
        assertNoCoordinatorScopes(request);
    }

    private static void assertNoCoordinatorScopes(RecordedRequest request) {
        assertThat(request.headers()).noneMatch(h -> h.getKey().toLowerCase().startsWith("x-rensei-"));
    }
}
