package io.agentfactory.sdk.reactor.daemon;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientResponse;

import io.agentfactory.sdk.daemon.DaemonActionResponse;
import io.agentfactory.sdk.daemon.DaemonClient;
import io.agentfactory.sdk.daemon.DaemonDrainRequest;
import io.agentfactory.sdk.daemon.DaemonRestartPreflightResponse;
import io.agentfactory.sdk.daemon.DaemonSessionHandle;
import io.agentfactory.sdk.daemon.DaemonStatsResponse;
import io.agentfactory.sdk.daemon.DaemonStatusResponse;
import io.agentfactory.sdk.daemon.SetCapacityResponse;
import io.agentfactory.sdk.error.ConflictException;
import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.error.RequestTimeoutException;
import io.agentfactory.sdk.kit.Kit;
import io.agentfactory.sdk.kit.KitInstallRequest;
import io.agentfactory.sdk.kit.KitInstallResult;
import io.agentfactory.sdk.kit.KitManifestEnvelope;
import io.agentfactory.sdk.kit.KitSignatureResult;
import io.agentfactory.sdk.kit.KitSourceToggleResult;
import io.agentfactory.sdk.kit.ListKitSourcesResponse;
import io.agentfactory.sdk.kit.ListKitsResponse;
import io.agentfactory.sdk.provider.ListProvidersResponse;
import io.agentfactory.sdk.provider.ProviderEnvelope;
import io.agentfactory.sdk.reactor.RequestOptions;
import io.agentfactory.sdk.reactor.WarmupOptions;
import io.agentfactory.sdk.reactor.internal.diff.WorkareaDiffCollector;
import io.agentfactory.sdk.reactor.internal.diff.WorkareaDiffDecoder;
import io.agentfactory.sdk.reactor.internal.diff.WorkareaDiffShape;
import io.agentfactory.sdk.reactor.internal.DependencyRequirements;
import io.agentfactory.sdk.reactor.internal.http.HttpPipeline;
import io.agentfactory.sdk.reactor.internal.http.JsonContentTypes;
import io.agentfactory.sdk.reactor.internal.http.Redaction;
import io.agentfactory.sdk.reactor.internal.http.ResponseDecoder;
import io.agentfactory.sdk.reactor.internal.http.Route;
import io.agentfactory.sdk.reactor.internal.restart.RestartPreflight;
import io.agentfactory.sdk.routing.RoutingConfigResponse;
import io.agentfactory.sdk.routing.RoutingExplainResponse;
import io.agentfactory.sdk.workarea.EvictPoolRequest;
import io.agentfactory.sdk.workarea.EvictPoolResponse;
import io.agentfactory.sdk.workarea.ListWorkareasResponse;
import io.agentfactory.sdk.workarea.ListWorkareasV1Response;
import io.agentfactory.sdk.workarea.WorkareaDiffEvent;
import io.agentfactory.sdk.workarea.WorkareaDiffResult;
import io.agentfactory.sdk.workarea.WorkareaEnvelope;
import io.agentfactory.sdk.workarea.WorkareaPoolStats;
import io.agentfactory.sdk.workarea.WorkareaRestoreRequest;
import io.agentfactory.sdk.workarea.WorkareaRestoreResult;
import io.agentfactory.sdk.workarea.WorkareaRestoreV1Result;
import io.agentfactory.sdk.workarea.WorkareaV1Envelope;

/**
 * The {@link DaemonClient} over HTTP, on Reactor Netty and the same request pipeline as the
 * coordinator client. Thread-safe; hold one per daemon and {@link #close()} it when done.
 *
 * <p>Headers: never the coordinator's token or {@code X-Rensei-*} scopes, not even when a
 * caller-supplied {@link reactor.netty.http.client.HttpClient} carries them as defaults. With a
 * control token configured, {@code Authorization: Bearer <control token>} goes on the mutating
 * (POST) routes only. Provider, workarea, source and session ids are escaped as single path
 * segments; kit ids keep {@code /} as a path separator. Invalid arguments fail with
 * {@link InvalidArgumentException} before anything is sent.
 *
 * <pre>{@code
 * try (ReactorDaemonClient daemon = ReactorDaemonClient.create(
 *         DaemonClientOptions.fromSystemEnvironment(DaemonConfig.defaults()))) {
 *     daemon.getStatus().subscribe(status -> ...);
 * }
 * }</pre>
 */
public final class ReactorDaemonClient implements DaemonClient {

    private static final String DIFF_MEDIA_TYPES = "application/x-ndjson, application/json";

    private static final String SCOPE_HEADER_PREFIX = "X-Rensei-";

    private static final ResponseDecoder<DaemonStatusResponse> STATUS = ResponseDecoder.json(DaemonStatusResponse.class);
    private static final ResponseDecoder<DaemonStatsResponse> STATS = ResponseDecoder.json(DaemonStatsResponse.class);
    private static final ResponseDecoder<DaemonActionResponse> ACTION = ResponseDecoder.json(DaemonActionResponse.class);
    private static final ResponseDecoder<WorkareaPoolStats> POOL_STATS = ResponseDecoder.json(WorkareaPoolStats.class);
    private static final ResponseDecoder<EvictPoolResponse> EVICTED = ResponseDecoder.json(EvictPoolResponse.class);
    private static final ResponseDecoder<SetCapacityResponse> CAPACITY_SET =
            ResponseDecoder.json(SetCapacityResponse.class);
    private static final ResponseDecoder<ListProvidersResponse> PROVIDERS =
            ResponseDecoder.json(ListProvidersResponse.class);
    private static final ResponseDecoder<ProviderEnvelope> PROVIDER = ResponseDecoder.json(ProviderEnvelope.class);
    private static final ResponseDecoder<ListKitsResponse> KITS = ResponseDecoder.json(ListKitsResponse.class);
    private static final ResponseDecoder<KitManifestEnvelope> KIT_MANIFEST =
            ResponseDecoder.json(KitManifestEnvelope.class);
    private static final ResponseDecoder<KitSignatureResult> KIT_SIGNATURE =
            ResponseDecoder.json(KitSignatureResult.class);
    private static final ResponseDecoder<KitInstallResult> KIT_INSTALLED = ResponseDecoder.json(KitInstallResult.class);
    private static final ResponseDecoder<Kit> KIT_TOGGLED = ResponseDecoder.bareOrWrapped("kit", Kit.class);
    private static final ResponseDecoder<ListKitSourcesResponse> KIT_SOURCES =
            ResponseDecoder.json(ListKitSourcesResponse.class);
    private static final ResponseDecoder<KitSourceToggleResult> KIT_SOURCE_TOGGLED =
            ResponseDecoder.json(KitSourceToggleResult.class);
    private static final ResponseDecoder<ListWorkareasResponse> WORKAREAS =
            ResponseDecoder.json(ListWorkareasResponse.class);
    private static final ResponseDecoder<WorkareaEnvelope> WORKAREA = ResponseDecoder.json(WorkareaEnvelope.class);
    private static final ResponseDecoder<WorkareaRestoreResult> RESTORED =
            ResponseDecoder.json(WorkareaRestoreResult.class);
    private static final ResponseDecoder<ListWorkareasV1Response> WORKAREAS_V1 =
            ResponseDecoder.json(ListWorkareasV1Response.class);
    private static final ResponseDecoder<WorkareaV1Envelope> WORKAREA_V1 = ResponseDecoder.json(WorkareaV1Envelope.class);
    private static final ResponseDecoder<WorkareaRestoreV1Result> RESTORED_V1 =
            ResponseDecoder.json(WorkareaRestoreV1Result.class);
    private static final ResponseDecoder<RoutingConfigResponse> ROUTING_CONFIG =
            ResponseDecoder.json(RoutingConfigResponse.class);
    private static final ResponseDecoder<RoutingExplainResponse> ROUTING_EXPLAIN =
            ResponseDecoder.json(RoutingExplainResponse.class);

    private static final String DIFF_ROUTE = "/api/daemon/workareas/{}/diff/{}";

    /** What {@link #warmup()} prepares readers for: the records of the routes a service calls most. */
    private static final List<Class<?>> WARMED_TYPES = List.of(DaemonStatusResponse.class, DaemonStatsResponse.class,
            ListWorkareasResponse.class, WorkareaPoolStats.class, ListProvidersResponse.class, ListKitsResponse.class);
    private static final String WARMUP_CONNECTION_PATH = "/api/daemon/status";

    private final DaemonClientOptions options;
    private final HttpPipeline pipeline;
    private final boolean view;

    private ReactorDaemonClient(DaemonClientOptions options) {
        this.options = options;
        this.pipeline = HttpPipeline.create(options.baseUrl(), options.transport(), this::addHeaders,
                Redaction.of(options.controlToken().orElse(null)), "agentfactory-daemon",
                JsonContentTypes.OR_TEXT_PLAIN);
        this.view = false;
    }

    private ReactorDaemonClient(ReactorDaemonClient parent, RequestOptions requestOptions) {
        this.options = parent.options;
        this.pipeline = parent.pipeline.withOptions(requestOptions);
        this.view = true;
    }

    /**
     * A client for the daemon the options describe.
     *
     * @throws IllegalStateException when a dependency on the class path is too old for the SDK
     *         (the message names the artifact and the version needed)
     */
    public static ReactorDaemonClient create(DaemonClientOptions options) {
        DependencyRequirements.check();
        return new ReactorDaemonClient(options);
    }

    /**
     * A view of this client whose calls use {@code requestOptions}: a total deadline per call
     * ({@code streamDiff}: the whole stream), a retry policy, extra headers, an idempotency key that
     * makes POSTs retryable. It shares this client's connections; closing it releases nothing, and it
     * stops working when this client is closed.
     */
    public ReactorDaemonClient withOptions(RequestOptions requestOptions) {
        return new ReactorDaemonClient(this, Objects.requireNonNull(requestOptions, "requestOptions"));
    }

    /** A client for the local daemon at {@code http://127.0.0.1:7734}, without control token. */
    public static ReactorDaemonClient create() {
        return create(DaemonClientOptions.defaults());
    }

    /** The daemon's one credential policy: its own control token, on mutating routes only. */
    private void addHeaders(Route route, HttpHeaders headers) {
        // A shared HttpClient may carry the coordinator's credentials as defaults: strip them.
        headers.remove(HttpHeaderNames.AUTHORIZATION);
        List<String> scopes = headers.names().stream()
                .filter(name -> name.regionMatches(true, 0, SCOPE_HEADER_PREFIX, 0, SCOPE_HEADER_PREFIX.length()))
                .toList();
        scopes.forEach(headers::remove);
        if (route.mutating()) {
            options.controlToken().ifPresent(t -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + t));
        }
    }

    /**
     * Prepares the first call without contacting the daemon: {@link #warmup(WarmupOptions)} with
     * {@link WarmupOptions#local()}.
     */
    @Override
    public Mono<Void> warmup() {
        return warmup(WarmupOptions.local());
    }

    /**
     * Prepares the first call: event loops, host name resolver, native transport and the JSON
     * readers of the status, statistics, workarea, provider and kit records; with
     * {@link WarmupOptions#withConnection()} also one connection opened ahead (an {@code OPTIONS}
     * request on {@code /api/daemon/status}, without the control token). Lazy, optional,
     * idempotent. Fails with {@link io.agentfactory.sdk.error.ClientClosedException} once this
     * client is closed, and, when a connection is asked for, as a call fails when the daemon cannot
     * be reached ({@link io.agentfactory.sdk.error.TransportException},
     * {@link io.agentfactory.sdk.error.RequestTimeoutException}).
     */
    public Mono<Void> warmup(WarmupOptions warmup) {
        Objects.requireNonNull(warmup, "warmup");
        return pipeline.warmup(WARMED_TYPES, warmup.openConnection() ? WARMUP_CONNECTION_PATH : null);
    }

    @Override
    public Mono<DaemonStatusResponse> getStatus() {
        return pipeline.exchange(() -> Route.get("/api/daemon/status"), STATUS);
    }

    @Override
    public Mono<DaemonStatsResponse> getStats(boolean withPool, boolean byMachine) {
        return pipeline.exchange(() -> Route.get("/api/daemon/stats").flag("pool", withPool)
                .flag("byMachine", byMachine), STATS);
    }

    @Override
    public Mono<DaemonActionResponse> pause() {
        return pipeline.exchange(() -> Route.post("/api/daemon/pause"), ACTION);
    }

    @Override
    public Mono<DaemonActionResponse> resume() {
        return pipeline.exchange(() -> Route.post("/api/daemon/resume"), ACTION);
    }

    @Override
    public Mono<DaemonActionResponse> stop() {
        return pipeline.exchange(() -> Route.post("/api/daemon/stop"), ACTION);
    }

    @Override
    public Mono<DaemonActionResponse> update() {
        return pipeline.exchange(() -> Route.post("/api/daemon/update"), ACTION);
    }

    /** {@inheritDoc} A negative timeout is refused before sending. */
    @Override
    public Mono<DaemonActionResponse> drain(int timeoutSeconds) {
        return pipeline.exchange(() -> Route.post("/api/daemon/drain")
                .json(new DaemonDrainRequest(notNegative(timeoutSeconds, "timeoutSeconds"))), ACTION);
    }

    /** {@inheritDoc} A negative timeout is refused before sending. */
    @Override
    public Mono<DaemonActionResponse> drain(int timeoutSeconds, Duration deadline) {
        return within(deadline, "deadline", () -> Route.post("/api/daemon/drain")
                .json(new DaemonDrainRequest(notNegative(timeoutSeconds, "timeoutSeconds"))), ACTION);
    }

    @Override
    public Mono<DaemonRestartPreflightResponse> prepareRestart() {
        return pipeline.exchange(() -> Route.post("/api/daemon/restart/prepare"), RestartPreflight.RESPONSE)
                .onErrorMap(ConflictException.class, RestartPreflight::refusal);
    }

    @Override
    public Mono<DaemonRestartPreflightResponse> prepareRestart(Duration timeout) {
        return within(timeout, "timeout", () -> Route.post("/api/daemon/restart/prepare"), RestartPreflight.RESPONSE)
                .onErrorMap(ConflictException.class, RestartPreflight::refusal);
    }

    @Override
    public Flux<DaemonSessionHandle> listSessions() {
        return pipeline.exchangeList(() -> Route.get("/api/daemon/sessions"), DaemonSessionHandle.class);
    }

    @Override
    public Mono<WorkareaPoolStats> getPoolStats() {
        return pipeline.exchange(() -> Route.get("/api/daemon/pool/stats"), POOL_STATS);
    }

    @Override
    public Mono<EvictPoolResponse> evictPool(EvictPoolRequest request) {
        return pipeline.exchange(() -> Route.post("/api/daemon/pool/evict").json(evictable(request)), EVICTED);
    }

    /** {@inheritDoc} A blank key is refused before sending. */
    @Override
    public Mono<SetCapacityResponse> setCapacityConfig(String key, String value) {
        return pipeline.exchange(() -> Route.post("/api/daemon/capacity")
                .json(new CapacityUpdate(notBlank(key, "key"), required(value, "value"))), CAPACITY_SET);
    }

    @Override
    public Mono<ListProvidersResponse> listProviders() {
        return pipeline.exchange(() -> Route.get("/api/daemon/providers"), PROVIDERS);
    }

    @Override
    public Mono<ProviderEnvelope> getProvider(String id) {
        return pipeline.exchange(() -> Route.get("/api/daemon/providers/{}", id), PROVIDER);
    }

    @Override
    public Mono<ListKitsResponse> listKits() {
        return pipeline.exchange(() -> Route.get("/api/daemon/kits"), KITS);
    }

    @Override
    public Mono<KitManifestEnvelope> getKit(String id) {
        return pipeline.exchange(() -> Route.get("/api/daemon/kits/{/}", kitId(id)), KIT_MANIFEST);
    }

    @Override
    public Mono<KitSignatureResult> verifyKitSignature(String id) {
        return pipeline.exchange(() -> Route.get("/api/daemon/kits/{/}/verify-signature", kitId(id)), KIT_SIGNATURE);
    }

    @Override
    public Mono<KitInstallResult> installKit(String id, KitInstallRequest request) {
        return pipeline.exchange(() -> Route.post("/api/daemon/kits/{/}/install", kitId(id))
                .json(installable(request)), KIT_INSTALLED);
    }

    @Override
    public Mono<Kit> enableKit(String id) {
        return pipeline.exchange(() -> Route.post("/api/daemon/kits/{/}/enable", kitId(id)), KIT_TOGGLED);
    }

    @Override
    public Mono<Kit> disableKit(String id) {
        return pipeline.exchange(() -> Route.post("/api/daemon/kits/{/}/disable", kitId(id)), KIT_TOGGLED);
    }

    @Override
    public Mono<ListKitSourcesResponse> listKitSources() {
        return pipeline.exchange(() -> Route.get("/api/daemon/kit-sources"), KIT_SOURCES);
    }

    @Override
    public Mono<KitSourceToggleResult> enableKitSource(String name) {
        return pipeline.exchange(() -> Route.post("/api/daemon/kit-sources/{}/enable", name), KIT_SOURCE_TOGGLED);
    }

    @Override
    public Mono<KitSourceToggleResult> disableKitSource(String name) {
        return pipeline.exchange(() -> Route.post("/api/daemon/kit-sources/{}/disable", name), KIT_SOURCE_TOGGLED);
    }

    @Override
    public Mono<ListWorkareasResponse> listWorkareas() {
        return pipeline.exchange(() -> Route.get("/api/daemon/workareas"), WORKAREAS);
    }

    @Override
    public Mono<WorkareaEnvelope> getWorkarea(String id) {
        return pipeline.exchange(() -> Route.get("/api/daemon/workareas/{}", id), WORKAREA);
    }

    @Override
    public Mono<WorkareaRestoreResult> restoreWorkarea(String archiveId, WorkareaRestoreRequest request) {
        return pipeline.exchange(restoring(archiveId, request), RESTORED);
    }

    @Override
    public Mono<WorkareaRestoreResult> restoreWorkarea(String archiveId, WorkareaRestoreRequest request,
            Duration timeout) {
        return within(timeout, "timeout", restoring(archiveId, request), RESTORED);
    }

    @Override
    public Mono<ListWorkareasV1Response> listWorkareasV1() {
        return pipeline.exchange(() -> Route.get("/api/daemon/workareas"), WORKAREAS_V1);
    }

    @Override
    public Mono<WorkareaV1Envelope> getWorkareaV1(String id) {
        return pipeline.exchange(() -> Route.get("/api/daemon/workareas/{}", id), WORKAREA_V1);
    }

    @Override
    public Mono<WorkareaRestoreV1Result> restoreWorkareaV1(String archiveId, WorkareaRestoreRequest request) {
        return pipeline.exchange(restoring(archiveId, request), RESTORED_V1);
    }

    @Override
    public Mono<WorkareaRestoreV1Result> restoreWorkareaV1(String archiveId, WorkareaRestoreRequest request,
            Duration timeout) {
        return within(timeout, "timeout", restoring(archiveId, request), RESTORED_V1);
    }

    @Override
    public Flux<WorkareaDiffEvent> streamDiff(String idA, String idB) {
        return diffEvents(idA, idB, false);
    }

    @Override
    public Mono<WorkareaDiffResult> diffWorkareas(String idA, String idB) {
        // All of it is kept anyway: a small envelope is decoded in one pass once it has arrived.
        return WorkareaDiffCollector.collect(diffEvents(idA, idB, true));
    }

    /** The diff's events; {@code whole}: a small envelope body is decoded in one pass ({@link WorkareaDiffDecoder#wholeEnvelope}). */
    private Flux<WorkareaDiffEvent> diffEvents(String idA, String idB, boolean whole) {
        return Flux.defer(() -> {
            Route route = Route.get(DIFF_ROUTE, idA, idB).accepting(DIFF_MEDIA_TYPES);
            WorkareaDiffDecoder decoder = new WorkareaDiffDecoder(route.method(), route.path(),
                    options.maxDiffLineBytes());
            return pipeline.stream(() -> route, (response, body) ->
                    switch (WorkareaDiffShape.of(response.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE))) {
                        case NDJSON -> decoder.ndjson(body);
                        case ENVELOPE -> whole ? decoder.wholeEnvelope(body, contentLength(response))
                                : decoder.envelope(body);
                    });
        }).transform(events -> pipeline.observedStream("streamDiff", DIFF_ROUTE, events));
    }

    /** The response's {@code Content-Length}, or {@code -1} when absent or not one number. */
    private static long contentLength(HttpClientResponse response) {
        String value = response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
        if (value == null || value.isEmpty() || value.length() > 18) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(value);
    }

    @Override
    public Mono<RoutingConfigResponse> getRoutingConfig() {
        return pipeline.exchange(() -> Route.get("/api/daemon/routing/config"), ROUTING_CONFIG);
    }

    @Override
    public Mono<RoutingExplainResponse> explainRouting(String sessionId) {
        return pipeline.exchange(() -> Route.get("/api/daemon/routing/explain/{}", sessionId), ROUTING_EXPLAIN);
    }

    /** The options this client was built with. */
    public DaemonClientOptions options() {
        return options;
    }

    /** Releases the connection pool this client created (never a caller-supplied one); a view releases nothing. */
    @Override
    public void close() {
        if (!view) {
            pipeline.close();
        }
    }

    @Override
    public String toString() {
        return "ReactorDaemonClient[" + options + "]";
    }

    /**
     * Sends the route bounded by {@code timeout} instead of the response timeout: each read waits up
     * to it, and the whole call fails with {@link RequestTimeoutException} once it has passed.
     * Arguments (the timeout included) are checked before anything is sent.
     */
    private <T> Mono<T> within(@Nullable Duration timeout, String name, Supplier<Route> route, ResponseDecoder<T> decoder) {
        return Mono.defer(() -> {
            Duration limit = positive(timeout, name);
            Route built = route.get();
            return pipeline.withResponseTimeout(limit).exchange(() -> built, decoder)
                    .timeout(limit, Mono.error(() -> new RequestTimeoutException(built.method(), built.path(),
                            "no answer within " + limit, null)));
        });
    }

    /** {@code POST /api/daemon/workareas/<archiveId>/restore} with the request as body. */
    private static Supplier<Route> restoring(String archiveId, @Nullable WorkareaRestoreRequest request) {
        return () -> Route.post("/api/daemon/workareas/{}/restore", archiveId).json(required(request, "request"));
    }

    private static Duration positive(@Nullable Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new InvalidArgumentException(name + " must be positive");
        }
        return value;
    }

    /** The body of {@code POST /api/daemon/capacity}: both fields always written. */
    private record CapacityUpdate(String key, String value) {
    }

    private static EvictPoolRequest evictable(@Nullable EvictPoolRequest request) {
        EvictPoolRequest r = required(request, "request");
        notBlank(r.repoUrl(), "repoUrl");
        if (r.olderThanSeconds() <= 0) {
            throw new InvalidArgumentException("olderThanSeconds must be > 0");
        }
        return r;
    }

    private static KitInstallRequest installable(@Nullable KitInstallRequest request) {
        KitInstallRequest r = required(request, "request");
        if (!r.trustOverride().isEmpty()
                && !r.trustOverride().equals(KitInstallRequest.TRUST_OVERRIDE_ALLOWED_THIS_ONCE)) {
            throw new InvalidArgumentException("trustOverride must be \""
                    + KitInstallRequest.TRUST_OVERRIDE_ALLOWED_THIS_ONCE + "\" when set");
        }
        return r;
    }

    /**
     * A kit id bound for {@code {/}}: its {@code /} become path separators, so an empty part
     * ({@code spring/}, {@code /java}, {@code a//b}) would shift the action segment the daemon reads.
     */
    private static String kitId(@Nullable String id) {
        String checked = Route.checkedId(id);
        for (String part : checked.split("/", -1)) {
            if (part.isEmpty()) {
                throw new InvalidArgumentException("kit id must not have an empty path segment");
            }
        }
        return checked;
    }

    private static <T> T required(@Nullable T value, String name) {
        if (value == null) {
            throw new InvalidArgumentException(name + " is required");
        }
        return value;
    }

    private static String notBlank(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidArgumentException(name + " is required");
        }
        return value;
    }

    private static int notNegative(int value, String name) {
        if (value < 0) {
            throw new InvalidArgumentException(name + " must not be negative");
        }
        return value;
    }
}
