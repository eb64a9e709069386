package io.agentfactory.sdk.reactor.mock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.daemon.DaemonActionResponse;
import io.agentfactory.sdk.daemon.DaemonClient;
import io.agentfactory.sdk.daemon.DaemonRestartPreflightResponse;
import io.agentfactory.sdk.daemon.DaemonRestartPreflightState;
import io.agentfactory.sdk.daemon.DaemonSessionHandle;
import io.agentfactory.sdk.daemon.DaemonStatsResponse;
import io.agentfactory.sdk.daemon.DaemonStatus;
import io.agentfactory.sdk.daemon.DaemonStatusResponse;
import io.agentfactory.sdk.daemon.SetCapacityResponse;
import io.agentfactory.sdk.error.ConflictException;
import io.agentfactory.sdk.error.HttpError;
import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.error.KitTrustGateException;
import io.agentfactory.sdk.error.NotFoundException;
import io.agentfactory.sdk.kit.Kit;
import io.agentfactory.sdk.kit.KitInstallRequest;
import io.agentfactory.sdk.kit.KitInstallResult;
import io.agentfactory.sdk.kit.KitManifestEnvelope;
import io.agentfactory.sdk.kit.KitSignatureResult;
import io.agentfactory.sdk.kit.KitSourceToggleResult;
import io.agentfactory.sdk.kit.KitTrustState;
import io.agentfactory.sdk.kit.ListKitSourcesResponse;
import io.agentfactory.sdk.kit.ListKitsResponse;
import io.agentfactory.sdk.provider.ListProvidersResponse;
import io.agentfactory.sdk.provider.ProviderEnvelope;
import io.agentfactory.sdk.reactor.internal.diff.WorkareaDiffCollector;
import io.agentfactory.sdk.reactor.internal.http.Route;
import io.agentfactory.sdk.reactor.internal.http.UriEncoding;
import io.agentfactory.sdk.reactor.internal.json.JsonCodec;
import io.agentfactory.sdk.routing.RoutingConfigResponse;
import io.agentfactory.sdk.routing.RoutingExplainResponse;
import io.agentfactory.sdk.workarea.EvictPoolRequest;
import io.agentfactory.sdk.workarea.EvictPoolResponse;
import io.agentfactory.sdk.workarea.ListWorkareasResponse;
import io.agentfactory.sdk.workarea.ListWorkareasV1Response;
import io.agentfactory.sdk.workarea.WorkareaDiffEntry;
import io.agentfactory.sdk.workarea.WorkareaDiffEvent;
import io.agentfactory.sdk.workarea.WorkareaDiffResult;
import io.agentfactory.sdk.workarea.WorkareaDiffStatus;
import io.agentfactory.sdk.workarea.WorkareaDiffSummary;
import io.agentfactory.sdk.workarea.WorkareaEnvelope;
import io.agentfactory.sdk.workarea.WorkareaPoolStats;
import io.agentfactory.sdk.workarea.WorkareaRestoreRequest;
import io.agentfactory.sdk.workarea.WorkareaRestoreResult;
import io.agentfactory.sdk.workarea.WorkareaRestoreV1Result;
import io.agentfactory.sdk.workarea.WorkareaSummaryV1;
import io.agentfactory.sdk.workarea.WorkareaV1;
import io.agentfactory.sdk.workarea.WorkareaV1Envelope;

/**
 * An in-memory {@link DaemonClient} answering like a small local daemon, for unit tests of code
 * written against the interface: no network, no thread of its own, every method lazy like the
 * real client's. Stub any operation and read the recorded calls as with
 * {@link MockCoordinatorClient#stub(String)}.
 *
 * <p>The daemon starts {@code ready} and keeps its lifecycle: {@code pause} (409
 * {@link ConflictException} unless ready), {@code resume} (409 unless paused or draining),
 * {@code drain}, {@code stop}. Kits: {@value #VERIFIED_KIT} (signed and verified, active) and
 * {@value #UNSIGNED_KIT} (unsigned: {@code installKit} is refused by the trust gate with a
 * {@link KitTrustGateException} unless {@link KitInstallRequest#allowedThisOnce()}); enabling and
 * disabling them is remembered, per mock. One active workarea {@value #ACTIVE_WORKAREA}, two
 * archives {@value #ARCHIVE_A} and {@value #ARCHIVE_B} whose diff has three entries (added,
 * modified, removed) and its summary; a pool of one ready member; one sandbox provider
 * {@value #PROVIDER}; one kit source {@value #KIT_SOURCE}. Unknown ids fail with
 * {@link NotFoundException}; blank ids and the arguments the real client refuses fail with
 * {@link InvalidArgumentException}, before anything is recorded as answered.
 */
public final class MockDaemonClient implements DaemonClient {

    /** The signed and verified kit. */
    public static final String VERIFIED_KIT = "spring/java";
    /** The unsigned kit the trust gate refuses. */
    public static final String UNSIGNED_KIT = "acme/shell-tools";
    /** The active workarea. */
    public static final String ACTIVE_WORKAREA = "wa-1";
    /** The first archive of the diff. */
    public static final String ARCHIVE_A = "ar-1";
    /** The second archive of the diff. */
    public static final String ARCHIVE_B = "ar-2";
    /** The sandbox provider. */
    public static final String PROVIDER = "local-docker";
    /** The kit source. */
    public static final String KIT_SOURCE = "community hub";

    private static final String NOW = "2026-05-14T09:00:00Z";

    private static final String POOL = """
            {"members":[{"id":"pm-1","repository":"github.com/acme/widgets","ref":"main","toolchainKey":"java17",\
            "status":"ready","cleanStateChecksum":"c0ffee","createdAt":"2026-05-14T08:00:00Z"}],"totalMembers":1,\
            "readyMembers":1,"acquiredMembers":0,"warmingMembers":0,"invalidMembers":0,"totalDiskUsageMb":512,\
            "timestamp":"2026-05-14T09:00:00Z"}""";

    private static final String PROVIDERS = """
            {"providers":[{"id":"local-docker","name":"Docker","version":"1.0","family":"sandbox","scope":"global",\
            "status":"ready","source":"builtin","trust":"signed-verified","manifestOk":true,"capabilities":{}}],\
            "partialCoverage":false,"coveredFamilies":["sandbox"]}""";

    private static final String KIT = """
            {"id":"%s","name":"%s","version":"%s","status":"%s","source":"bundled","scope":"global","trust":"%s"}""";

    private static final String WORKAREAS = """
            {"active":[{"id":"wa-1","kind":"active","providerId":"local-docker","status":"acquired"}],\
            "archived":[{"id":"ar-1","kind":"archived","providerId":"local-docker","status":"archived"},\
            {"id":"ar-2","kind":"archived","providerId":"local-docker","status":"archived"}]}""";

    private static final String WORKAREA = """
            {"workarea":{"id":"%s","kind":"%s","providerId":"local-docker","status":"%s"%s}}""";

    private static final String ROUTING_CONFIG = """
            {"config":{"capabilityFilters":[],"weights":{"cost":0.6,"latency":0.4},"sandboxProviders":[],\
            "llmProviders":[],"recentDecisions":[],"capturedAt":"2026-05-14T09:00:00Z"}}""";

    private static final String ROUTING_EXPLAIN = """
            {"sessionId":"%s","decision":{"sessionId":"%s","chosenSandbox":"local-docker","chosenLLM":"claude",\
            "score":0.9,"decidedAt":"2026-05-14T09:00:00Z"},"trace":[]}""";

    private static final List<WorkareaDiffEntry> DIFF = List.of(
            new WorkareaDiffEntry("README.md", WorkareaDiffStatus.MODIFIED, 120, 180, "0644", "0644", "a1", "b2"),
            new WorkareaDiffEntry("src/Main.java", WorkareaDiffStatus.ADDED, 0, 512, "", "0644", "", "c3"),
            new WorkareaDiffEntry("tmp/old.log", WorkareaDiffStatus.REMOVED, 64, 0, "0644", "", "d4", ""));

    private final MockRoutes routes = new MockRoutes(DaemonClient.class);
    private final AtomicReference<DaemonStatus> status = new AtomicReference<>(DaemonStatus.READY);
    private final Map<String, Boolean> kitsEnabled = new ConcurrentHashMap<>(Map.of(VERIFIED_KIT, true, UNSIGNED_KIT, false));
    private final Map<String, Boolean> sourcesEnabled = new ConcurrentHashMap<>(Map.of(KIT_SOURCE, true));

    private MockDaemonClient() {
    }

    /** A ready daemon with the data described above. */
    public static MockDaemonClient create() {
        return new MockDaemonClient();
    }

    /**
     * How this mock answers {@code operation} (a method of {@link DaemonClient}, e.g.
     * {@code "installKit"}): replace the answer, inject a typed failure or latency. Stubbing
     * {@code streamDiff} also shapes what {@code diffWorkareas} collects.
     *
     * @throws IllegalArgumentException when the interface has no such operation (the message lists them)
     */
    public MockRoute stub(String operation) {
        return routes.route(operation);
    }

    /** Every call so far, in subscription order. */
    public List<MockCall> calls() {
        return routes.calls();
    }

    /** The calls of {@code operation} so far, in subscription order. */
    public List<MockCall> calls(String operation) {
        return routes.calls(operation);
    }

    /** Forgets the recorded calls and every stub, and returns the daemon and its kits to their first state. */
    public void reset() {
        routes.reset();
        status.set(DaemonStatus.READY);
        kitsEnabled.putAll(Map.of(VERIFIED_KIT, true, UNSIGNED_KIT, false));
        sourcesEnabled.put(KIT_SOURCE, true);
    }

    /**
     * Completes at once: the mock has nothing to prepare. Recorded as a call of
     * {@code "warmup"} and stubbable like any operation, so a test can check that the code under
     * test warms its client before serving, or make the warm-up fail or take time.
     */
    @Override
    public Mono<Void> warmup() {
        return routes.mono(MockRoutes.WARMUP, Mono::empty);
    }

    @Override
    public Mono<DaemonStatusResponse> getStatus() {
        return routes.mono("getStatus", () -> Mono.fromSupplier(() -> new DaemonStatusResponse(status.get(), "0.14.2",
                "mac-studio-berlin", 4242, 3600, 1, 4, 3, NOW)));
    }

    /** Capacity and queue; the pool only {@code withPool}; {@code byMachine} lists no other machine. */
    @Override
    public Mono<DaemonStatsResponse> getStats(boolean withPool, boolean byMachine) {
        return routes.mono("getStats", () -> Mono.fromSupplier(() -> decode("{\"capacity\":{\"maxConcurrentSessions\":4},"
                + "\"activeSessions\":1,\"queueDepth\":0,\"timestamp\":\"" + NOW + "\",\"workerId\":\"worker-1\","
                + "\"allowedProjects\":[\"acme/widgets\"]" + (withPool ? ",\"pool\":" + POOL : "") + "}",
                DaemonStatsResponse.class)), withPool, byMachine);
    }

    @Override
    public Mono<DaemonActionResponse> pause() {
        return routes.mono("pause", () -> transition("POST", "/api/daemon/pause", DaemonStatus.PAUSED,
                List.of(DaemonStatus.READY), "paused"));
    }

    @Override
    public Mono<DaemonActionResponse> resume() {
        return routes.mono("resume", () -> transition("POST", "/api/daemon/resume", DaemonStatus.READY,
                List.of(DaemonStatus.PAUSED, DaemonStatus.DRAINING), "resumed"));
    }

    @Override
    public Mono<DaemonActionResponse> stop() {
        return routes.mono("stop", () -> Mono.fromSupplier(() -> {
            status.set(DaemonStatus.STOPPED);
            return new DaemonActionResponse(true, "stopping");
        }));
    }

    @Override
    public Mono<DaemonActionResponse> update() {
        return routes.mono("update", () -> Mono.just(new DaemonActionResponse(true, "update scheduled")));
    }

    /** Draining (from ready or paused); {@link InvalidArgumentException} for a negative timeout. */
    @Override
    public Mono<DaemonActionResponse> drain(int timeoutSeconds) {
        return routes.mono("drain", () -> Mono.defer(() -> {
            if (timeoutSeconds < 0) {
                return Mono.error(new InvalidArgumentException("timeoutSeconds must not be negative: " + timeoutSeconds));
            }
            return transition("POST", "/api/daemon/drain", DaemonStatus.DRAINING,
                    List.of(DaemonStatus.READY, DaemonStatus.PAUSED), "draining");
        }), timeoutSeconds);
    }

    /** {@link #drain(int)}, after checking that {@code deadline} is positive. */
    @Override
    public Mono<DaemonActionResponse> drain(int timeoutSeconds, Duration deadline) {
        return positive(deadline).then(drain(timeoutSeconds));
    }

    /**
     * A ready or paused daemon prepares its restart ({@code prepared}, one scope) and starts
     * draining; otherwise 409 {@link ConflictException}, as the real daemon refuses.
     */
    @Override
    public Mono<DaemonRestartPreflightResponse> prepareRestart() {
        return routes.mono("prepareRestart", () -> Mono.defer(() -> {
            DaemonStatus now = status.get();
            if (!now.equals(DaemonStatus.READY) && !now.equals(DaemonStatus.PAUSED) && !now.equals(DaemonStatus.DRAINING)) {
                return Mono.error(new ConflictException(new HttpError("POST", "/api/daemon/restart/prepare", 409,
                        "daemon is " + now.value(), null, Map.of())));
            }
            status.set(DaemonStatus.DRAINING);
            return Mono.just(new DaemonRestartPreflightResponse(DaemonRestartPreflightResponse.PROTOCOL,
                    DaemonRestartPreflightState.PREPARED, "prep-1", 1));
        }));
    }

    /** {@link #prepareRestart()}, after checking that {@code timeout} is positive. */
    @Override
    public Mono<DaemonRestartPreflightResponse> prepareRestart(Duration timeout) {
        return positive(timeout).then(prepareRestart());
    }

    /** One running session on {@value #ACTIVE_WORKAREA}. */
    @Override
    public Flux<DaemonSessionHandle> listSessions() {
        return routes.flux("listSessions", () -> Flux.defer(() -> Flux.fromArray(decode("""
                [{"sessionId":"sess_mock_1","pid":4343,"acceptedAt":"2026-05-14T08:30:00Z","state":"running",\
                "worktreePath":"/var/donmai/workareas/wa-1","workareaRoot":"/var/donmai/workareas/wa-1",\
                "projectName":"acme/widgets","repository":"github.com/acme/widgets","harness":"claude-code",\
                "workType":"development","issueIdentifier":"REN-1"}]""", DaemonSessionHandle[].class))));
    }

    @Override
    public Mono<WorkareaPoolStats> getPoolStats() {
        return routes.mono("getPoolStats", () -> Mono.fromSupplier(() -> decode(POOL, WorkareaPoolStats.class)));
    }

    /** Evicts the one member of a matching repository; the real client's argument checks apply. */
    @Override
    public Mono<EvictPoolResponse> evictPool(EvictPoolRequest request) {
        return routes.mono("evictPool", () -> Mono.defer(() -> {
            if (request == null || request.repoUrl().isBlank() || request.olderThanSeconds() <= 0) {
                return Mono.error(new InvalidArgumentException("evictPool needs a repoUrl and olderThanSeconds > 0"));
            }
            int evicted = request.repoUrl().equals("github.com/acme/widgets") ? 1 : 0;
            return Mono.just(new EvictPoolResponse(evicted, "evicted " + evicted + " members", "corr-1"));
        }), request);
    }

    @Override
    public Mono<SetCapacityResponse> setCapacityConfig(String key, String value) {
        return routes.mono("setCapacityConfig", () -> Mono.defer(() -> {
            if (key == null || key.isBlank() || value == null) {
                return Mono.error(new InvalidArgumentException("setCapacityConfig needs a key and a value"));
            }
            return Mono.just(new SetCapacityResponse(true, key, value, "written"));
        }), key, value);
    }

    @Override
    public Mono<ListProvidersResponse> listProviders() {
        return routes.mono("listProviders", () -> Mono.fromSupplier(() -> decode(PROVIDERS, ListProvidersResponse.class)));
    }

    @Override
    public Mono<ProviderEnvelope> getProvider(String id) {
        return routes.mono("getProvider", () -> known(id, PROVIDER, "/api/daemon/providers/", "provider",
                () -> new ProviderEnvelope(decode(PROVIDERS, ListProvidersResponse.class).providers().get(0))), id);
    }

    @Override
    public Mono<ListKitsResponse> listKits() {
        return routes.mono("listKits", () -> Mono.fromSupplier(() -> new ListKitsResponse(List.of(kit(VERIFIED_KIT),
                kit(UNSIGNED_KIT)))));
    }

    @Override
    public Mono<KitManifestEnvelope> getKit(String id) {
        return routes.mono("getKit", () -> withKit(id, "GET", "", kit -> decode("{\"kit\":"
                + JsonCodec.get().encodeToString(kit) + "}", KitManifestEnvelope.class)), id);
    }

    @Override
    public Mono<KitSignatureResult> verifyKitSignature(String id) {
        return routes.mono("verifyKitSignature", () -> withKit(id, "POST", "/verify-signature", kit ->
                new KitSignatureResult(kit.id(), kit.trust(), kit.trust().equals(KitTrustState.UNSIGNED) ? ""
                        : "did:web:kits.example", kit.trust().equals(KitTrustState.UNSIGNED) ? "" : NOW,
                        kit.trust().equals(KitTrustState.SIGNED_VERIFIED), "")), id);
    }

    /** The unsigned kit is refused by the trust gate (403) unless the request is {@code allowedThisOnce()}. */
    @Override
    public Mono<KitInstallResult> installKit(String id, KitInstallRequest request) {
        return routes.mono("installKit", () -> Mono.defer(() -> {
            if (request == null || !(request.trustOverride().isEmpty()
                    || request.trustOverride().equals(KitInstallRequest.TRUST_OVERRIDE_ALLOWED_THIS_ONCE))) {
                return Mono.error(new InvalidArgumentException("trustOverride must be \""
                        + KitInstallRequest.TRUST_OVERRIDE_ALLOWED_THIS_ONCE + "\" when set"));
            }
            return withKit(id, "POST", "/install", kit -> kit).flatMap(kit -> {
                if (!kit.trust().equals(KitTrustState.SIGNED_VERIFIED) && request.trustOverride().isEmpty()) {
                    return Mono.error(new KitTrustGateException(new HttpError("POST", kitPath(id, "/install"), 403,
                            "kit " + id + " is " + kit.trust().value() + "; trust gate refuses it", null,
                            Map.of("kitId", id, "trust", kit.trust().value()))));
                }
                kitsEnabled.put(id, true);
                return Mono.just(new KitInstallResult(kit(id), "installed"));
            });
        }), id, request);
    }

    @Override
    public Mono<Kit> enableKit(String id) {
        return routes.mono("enableKit", () -> toggleKit(id, true), id);
    }

    @Override
    public Mono<Kit> disableKit(String id) {
        return routes.mono("disableKit", () -> toggleKit(id, false), id);
    }

    @Override
    public Mono<ListKitSourcesResponse> listKitSources() {
        return routes.mono("listKitSources", () -> Mono.fromSupplier(() -> decode("{\"sources\":[" + source() + "]}",
                ListKitSourcesResponse.class)));
    }

    @Override
    public Mono<KitSourceToggleResult> enableKitSource(String name) {
        return routes.mono("enableKitSource", () -> toggleSource(name, true), name);
    }

    @Override
    public Mono<KitSourceToggleResult> disableKitSource(String name) {
        return routes.mono("disableKitSource", () -> toggleSource(name, false), name);
    }

    @Override
    public Mono<ListWorkareasResponse> listWorkareas() {
        return routes.mono("listWorkareas", () -> Mono.fromSupplier(() -> decode(WORKAREAS, ListWorkareasResponse.class)));
    }

    @Override
    public Mono<WorkareaEnvelope> getWorkarea(String id) {
        return routes.mono("getWorkarea", () -> Mono.defer(() -> {
            Route.checkedId(id);
            if (id.equals(ACTIVE_WORKAREA)) {
                return Mono.just(decode(WORKAREA.formatted(id, "active", "acquired", ""), WorkareaEnvelope.class));
            }
            if (isArchive(id)) {
                return Mono.just(decode(WORKAREA.formatted(id, "archived", "archived", ""), WorkareaEnvelope.class));
            }
            return notFound("GET", "/api/daemon/workareas/" + UriEncoding.segment(id), "workarea not found");
        }), id);
    }

    /** Restores an archive as a new active workarea {@code wa-<archive>}; 404 for an unknown archive. */
    @Override
    public Mono<WorkareaRestoreResult> restoreWorkarea(String archiveId, WorkareaRestoreRequest request) {
        return routes.mono("restoreWorkarea", () -> Mono.defer(() -> {
            Route.checkedId(archiveId);
            if (request == null) {
                return Mono.error(new InvalidArgumentException("request must not be null"));
            }
            if (!isArchive(archiveId)) {
                return notFound("POST", "/api/daemon/workareas/" + UriEncoding.segment(archiveId) + "/restore",
                        "archive not found");
            }
            String session = request.intoSessionId().isEmpty() ? "" : ",\"sessionId\":\"" + request.intoSessionId() + "\"";
            return Mono.just(decode(WORKAREA.formatted("wa-" + archiveId, "active", "acquired", session),
                    WorkareaRestoreResult.class));
        }), archiveId, request);
    }

    /** {@link #restoreWorkarea(String, WorkareaRestoreRequest)}, after checking that {@code timeout} is positive. */
    @Override
    public Mono<WorkareaRestoreResult> restoreWorkarea(String archiveId, WorkareaRestoreRequest request,
            Duration timeout) {
        return positive(timeout).then(restoreWorkarea(archiveId, request));
    }

    /** {@link #listWorkareas()} in the V1 projection. */
    @Override
    public Mono<ListWorkareasV1Response> listWorkareasV1() {
        return routes.mono("listWorkareasV1", () -> Mono.fromSupplier(() -> {
            ListWorkareasResponse legacy = decode(WORKAREAS, ListWorkareasResponse.class);
            return new ListWorkareasV1Response(legacy.active().stream().map(WorkareaSummaryV1::upgrade).toList(),
                    legacy.archived().stream().map(WorkareaSummaryV1::upgrade).toList());
        }));
    }

    /** {@link #getWorkarea(String)} in the V1 projection. */
    @Override
    public Mono<WorkareaV1Envelope> getWorkareaV1(String id) {
        return routes.mono("getWorkareaV1", () -> getWorkarea(id)
                .map(envelope -> new WorkareaV1Envelope(WorkareaV1.upgrade(envelope.workarea()))), id);
    }

    /** {@link #restoreWorkarea(String, WorkareaRestoreRequest)} in the V1 projection. */
    @Override
    public Mono<WorkareaRestoreV1Result> restoreWorkareaV1(String archiveId, WorkareaRestoreRequest request) {
        return routes.mono("restoreWorkareaV1", () -> restoreWorkarea(archiveId, request)
                .map(result -> new WorkareaRestoreV1Result(WorkareaV1.upgrade(result.workarea()))), archiveId, request);
    }

    /** {@link #restoreWorkareaV1(String, WorkareaRestoreRequest)}, after checking that {@code timeout} is positive. */
    @Override
    public Mono<WorkareaRestoreV1Result> restoreWorkareaV1(String archiveId, WorkareaRestoreRequest request,
            Duration timeout) {
        return positive(timeout).then(restoreWorkareaV1(archiveId, request));
    }

    /** The three-entry diff of {@value #ARCHIVE_A} and {@value #ARCHIVE_B} (either order), then its summary. */
    @Override
    public Flux<WorkareaDiffEvent> streamDiff(String idA, String idB) {
        return routes.flux("streamDiff", () -> diff(idA, idB), idA, idB);
    }

    @Override
    public Mono<WorkareaDiffResult> diffWorkareas(String idA, String idB) {
        return routes.mono("diffWorkareas", () -> WorkareaDiffCollector.collect(
                routes.flux("streamDiff", () -> diff(idA, idB), idA, idB)), idA, idB);
    }

    @Override
    public Mono<RoutingConfigResponse> getRoutingConfig() {
        return routes.mono("getRoutingConfig", () -> Mono.fromSupplier(() -> decode(ROUTING_CONFIG,
                RoutingConfigResponse.class)));
    }

    @Override
    public Mono<RoutingExplainResponse> explainRouting(String sessionId) {
        return routes.mono("explainRouting", () -> Mono.fromSupplier(() -> {
            Route.checkedId(sessionId);
            String quoted = JsonCodec.get().encodeToString(sessionId);
            String inner = quoted.substring(1, quoted.length() - 1);
            return decode(ROUTING_EXPLAIN.formatted(inner, inner), RoutingExplainResponse.class);
        }), sessionId);
    }

    @Override
    public String toString() {
        return "MockDaemonClient[status=" + status.get().value() + "]";
    }

    private Flux<WorkareaDiffEvent> diff(String idA, String idB) {
        return Flux.defer(() -> {
            Route.checkedId(idA);
            Route.checkedId(idB);
            if (!isArchive(idA) || !isArchive(idB)) {
                return Flux.error(new NotFoundException(error("GET", "/api/daemon/workareas/" + UriEncoding.segment(idA)
                        + "/diff/" + UriEncoding.segment(idB), 404, "archive not found")));
            }
            if (idA.equals(idB)) {
                return Flux.just(new WorkareaDiffSummary(idA, idB, 0, 0, 0, 0));
            }
            return Flux.<WorkareaDiffEvent>fromIterable(DIFF).concatWithValues(new WorkareaDiffSummary(idA, idB, 1, 1, 1, 3));
        });
    }

    private Mono<DaemonActionResponse> transition(String method, String path, DaemonStatus to, List<DaemonStatus> from,
            String message) {
        return Mono.defer(() -> {
            DaemonStatus now = status.get();
            if (!from.contains(now) || !status.compareAndSet(now, to)) {
                return Mono.error(new ConflictException(error(method, path, 409, "daemon is " + now.value())));
            }
            return Mono.just(new DaemonActionResponse(true, message));
        });
    }

    private <T> Mono<T> withKit(String id, String method, String suffix, Function<Kit, T> answer) {
        return Mono.defer(() -> {
            Route.checkedId(id);
            if (!kitsEnabled.containsKey(id)) {
                return notFound(method, kitPath(id, suffix), "kit not found");
            }
            return Mono.just(answer.apply(kit(id)));
        });
    }

    private Mono<Kit> toggleKit(String id, boolean enable) {
        return withKit(id, "POST", enable ? "/enable" : "/disable", kit -> {
            kitsEnabled.put(id, enable);
            return kit(id);
        });
    }

    private Mono<KitSourceToggleResult> toggleSource(String name, boolean enable) {
        return Mono.defer(() -> {
            Route.checkedId(name);
            if (!sourcesEnabled.containsKey(name)) {
                return notFound("POST", "/api/daemon/kit-sources/" + UriEncoding.segment(name)
                        + (enable ? "/enable" : "/disable"), "kit source not found");
            }
            sourcesEnabled.put(name, enable);
            return Mono.just(decode("{\"source\":" + source() + ",\"message\":\"" + (enable ? "enabled" : "disabled")
                    + "\"}", KitSourceToggleResult.class));
        });
    }

    private <T> Mono<T> known(String id, String knownId, String pathPrefix, String what,
            Supplier<T> answer) {
        return Mono.defer(() -> {
            Route.checkedId(id);
            return id.equals(knownId) ? Mono.just(answer.get())
                    : notFound("GET", pathPrefix + UriEncoding.segment(id), what + " not found");
        });
    }

    private Kit kit(String id) {
        boolean verified = id.equals(VERIFIED_KIT);
        String state = Boolean.TRUE.equals(kitsEnabled.get(id)) ? "active" : "disabled";
        return decode(KIT.formatted(id, verified ? "Spring for Java" : "Shell tools", verified ? "1.2.0" : "0.3.1", state,
                verified ? KitTrustState.SIGNED_VERIFIED.value() : KitTrustState.UNSIGNED.value()), Kit.class);
    }

    private String source() {
        return "{\"name\":\"" + KIT_SOURCE + "\",\"url\":\"https://kits.example\",\"enabled\":"
                + sourcesEnabled.get(KIT_SOURCE) + ",\"priority\":1,\"kind\":\"community\"}";
    }

    private static boolean isArchive(String id) {
        return id.equals(ARCHIVE_A) || id.equals(ARCHIVE_B);
    }

    private static String kitPath(String id, String suffix) {
        return Route.get("/api/daemon/kits/{/}" + suffix, id).path();
    }

    /** The fixtures are the daemon's wire format, read by the SDK's own JSON configuration. */
    private static Mono<Void> positive(@org.jspecify.annotations.Nullable Duration bound) {
        return bound == null || bound.isNegative() || bound.isZero()
                ? Mono.error(new InvalidArgumentException("the timeout must be positive"))
                : Mono.empty();
    }

    private static <T> T decode(String json, Class<T> type) {
        return JsonCodec.get().decode(json.getBytes(StandardCharsets.UTF_8), type);
    }

    private static HttpError error(String method, String path, int status, String message) {
        return new HttpError(method, path, status, message, null, Map.of());
    }

    private static <T> Mono<T> notFound(String method, String path, String message) {
        return Mono.error(new NotFoundException(error(method, path, 404, message)));
    }
}
