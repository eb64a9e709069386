package io.agentfactory.sdk.reactor.coordinator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.agent.AgentCard;
import io.agentfactory.sdk.agent.AgentListResponse;
import io.agentfactory.sdk.agent.AgentScopeQuery;
import io.agentfactory.sdk.audit.AuditChainEntry;
import io.agentfactory.sdk.coordinator.CoordinatorClient;
import io.agentfactory.sdk.coordinator.CoordinatorCredentials;
import io.agentfactory.sdk.coordinator.WhoAmIResponse;
import io.agentfactory.sdk.error.ConflictException;
import io.agentfactory.sdk.fleet.CostReportResponse;
import io.agentfactory.sdk.fleet.ListFleetResponse;
import io.agentfactory.sdk.fleet.MachineStats;
import io.agentfactory.sdk.fleet.SandboxProviderStats;
import io.agentfactory.sdk.fleet.StatsResponse;
import io.agentfactory.sdk.fleet.StatsResponseV2;
import io.agentfactory.sdk.kit.KitContribution;
import io.agentfactory.sdk.kit.KitDetection;
import io.agentfactory.sdk.reactor.RequestOptions;
import io.agentfactory.sdk.reactor.WarmupOptions;
import io.agentfactory.sdk.reactor.internal.activity.ActivityFollower;
import io.agentfactory.sdk.reactor.internal.DependencyRequirements;
import io.agentfactory.sdk.reactor.internal.http.HttpPipeline;
import io.agentfactory.sdk.reactor.internal.http.Redaction;
import io.agentfactory.sdk.reactor.internal.http.ResponseDecoder;
import io.agentfactory.sdk.reactor.internal.http.Route;
import io.agentfactory.sdk.reactor.internal.stop.StopReceipts;
import io.agentfactory.sdk.session.ActivityFollowRequest;
import io.agentfactory.sdk.session.ActivityListResponse;
import io.agentfactory.sdk.session.ChatSessionRequest;
import io.agentfactory.sdk.session.ChatSessionResponse;
import io.agentfactory.sdk.session.FollowedActivity;
import io.agentfactory.sdk.session.ReconnectSessionRequest;
import io.agentfactory.sdk.session.ReconnectSessionResponse;
import io.agentfactory.sdk.session.SessionDetailResponse;
import io.agentfactory.sdk.session.SessionHash;
import io.agentfactory.sdk.session.SessionsListResponse;
import io.agentfactory.sdk.session.StopSessionResponse;
import io.agentfactory.sdk.task.ForwardPromptRequest;
import io.agentfactory.sdk.task.ForwardPromptResponse;
import io.agentfactory.sdk.task.StopAgentRequest;
import io.agentfactory.sdk.task.StopAgentResponse;
import io.agentfactory.sdk.task.SubmitTaskRequest;
import io.agentfactory.sdk.task.SubmitTaskResponse;
import io.agentfactory.sdk.workarea.WorkareaPoolStats;

/**
 * The {@link CoordinatorClient} over HTTP, on Reactor Netty. Thread-safe; hold one per
 * coordinator and {@link #close()} it when done.
 *
 * <p>Headers: {@code Authorization: Bearer <token>} only when a token is configured;
 * {@code X-Rensei-Org} / {@code X-Rensei-Project} only when those scopes are. Ids are escaped as
 * single path segments; blank ids or ids with control characters fail before sending.
 *
 * <pre>{@code
 * try (ReactorCoordinatorClient coordinator = ReactorCoordinatorClient.create(
 *         CoordinatorClientOptions.builder("https://platform.example").token(token).build())) {
 *     coordinator.getStats().subscribe(stats -> ...);
 * }
 * }</pre>
 */
public final class ReactorCoordinatorClient implements CoordinatorClient {

    private static final ResponseDecoder<StatsResponse> STATS = ResponseDecoder.json(StatsResponse.class);
    private static final ResponseDecoder<StatsResponseV2> STATS_V2 = ResponseDecoder.json(StatsResponseV2.class);
    private static final ResponseDecoder<SessionsListResponse> SESSIONS =
            ResponseDecoder.json(SessionsListResponse.class);
    private static final ResponseDecoder<ActivityListResponse> ACTIVITIES =
            ResponseDecoder.json(ActivityListResponse.class);

    private static final String ACTIVITIES_ROUTE = "/api/public/session-activities";

    /** What {@link #warmup()} prepares readers for: the records of the routes a service calls most. */
    private static final List<Class<?>> WARMED_TYPES = List.of(SessionsListResponse.class, StatsResponse.class,
            StatsResponseV2.class, SessionDetailResponse.class, ActivityListResponse.class);
    private static final String WARMUP_CONNECTION_PATH = "/api/public/sessions";

    private final CoordinatorClientOptions options;
    private final HttpPipeline pipeline;
    private final ActivityFollower follower;
    private final boolean view;

    private ReactorCoordinatorClient(CoordinatorClientOptions options) {
        this.options = options;
        String token = options.token().orElse(null);
        this.pipeline = HttpPipeline.create(options.baseUrl(), options.transport(), this::addHeaders,
                Redaction.of(token), "agentfactory-coordinator");
        this.follower = new ActivityFollower(this::getActivities);
        this.view = false;
    }

    private ReactorCoordinatorClient(ReactorCoordinatorClient parent, RequestOptions requestOptions) {
        this.options = parent.options;
        this.pipeline = parent.pipeline.withOptions(requestOptions);
        this.follower = new ActivityFollower(this::getActivities);
        this.view = true;
    }

    /**
     * A client for the coordinator the options describe.
     *
     * @throws IllegalStateException when a dependency on the class path is too old for the SDK
     *         (the message names the artifact and the version needed)
     */
    public static ReactorCoordinatorClient create(CoordinatorClientOptions options) {
        DependencyRequirements.check();
        return new ReactorCoordinatorClient(options);
    }

    /**
     * A view of this client whose calls use {@code requestOptions}: a total deadline per call
     * ({@code followActivities}: per poll), a retry policy, extra headers, an idempotency key that
     * makes POSTs retryable. It shares this client's connections; closing it releases nothing, and it
     * stops working when this client is closed.
     */
    public ReactorCoordinatorClient withOptions(RequestOptions requestOptions) {
        return new ReactorCoordinatorClient(this, Objects.requireNonNull(requestOptions, "requestOptions"));
    }

    private void addHeaders(Route route, HttpHeaders headers) {
        options.token().ifPresent(t -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + t));
        options.orgScope().ifPresent(o -> headers.set("X-Rensei-Org", o));
        options.projectScope().ifPresent(p -> headers.set("X-Rensei-Project", p));
    }

    /**
     * Prepares the first call without contacting the coordinator: {@link #warmup(WarmupOptions)}
     * with {@link WarmupOptions#local()}.
     */
    @Override
    public Mono<Void> warmup() {
        return warmup(WarmupOptions.local());
    }

    /**
     * Prepares the first call: event loops, host name resolver, native transport and the JSON
     * readers of the session, statistics and activity records; with
     * {@link WarmupOptions#withConnection()} also one connection opened ahead (an {@code OPTIONS}
     * request on {@code /api/public/sessions}, without the token). Lazy, optional, idempotent.
     * Fails with {@link io.agentfactory.sdk.error.ClientClosedException} once this client is
     * closed, and, when a connection is asked for, as a call fails when the coordinator cannot be
     * reached ({@link io.agentfactory.sdk.error.TransportException},
     * {@link io.agentfactory.sdk.error.RequestTimeoutException}).
     */
    public Mono<Void> warmup(WarmupOptions warmup) {
        Objects.requireNonNull(warmup, "warmup");
        return pipeline.warmup(WARMED_TYPES, warmup.openConnection() ? WARMUP_CONNECTION_PATH : null);
    }

    @Override
    public Mono<StatsResponse> getStats() {
        return pipeline.exchange(() -> Route.get("/api/public/stats"), STATS);
    }

    @Override
    public Mono<StatsResponseV2> getStatsV2() {
        return pipeline.exchange(() -> Route.get("/api/public/stats/v2"), STATS_V2);
    }

    @Override
    public Mono<SessionsListResponse> getSessions() {
        return getSessionsFiltered("");
    }

    @Override
    public Mono<SessionsListResponse> getSessionsFiltered(String project) {
        return pipeline.exchange(() -> Route.get("/api/public/sessions").query("project", project), SESSIONS);
    }

    @Override
    public Mono<SessionDetailResponse> getSessionDetail(String id) {
        return pipeline.exchange(() -> Route.get("/api/public/sessions/{}", id),
                ResponseDecoder.json(SessionDetailResponse.class));
    }

    @Override
    public Mono<ActivityListResponse> getActivities(String sessionId, @Nullable String afterCursor) {
        return pipeline.exchange(() -> Route.get(ACTIVITIES_ROUTE)
                .query("sessionId", Route.checkedId(sessionId))
                .query("sessionHash", options.token().isPresent() ? null : SessionHash.of(sessionId))
                .query("after", afterCursor), ACTIVITIES);
    }

    @Override
    public Flux<FollowedActivity> followActivities(ActivityFollowRequest request) {
        return pipeline.observedStream("followActivities", ACTIVITIES_ROUTE, follower.follow(request));
    }

    @Override
    public Mono<StopSessionResponse> stopSession(String id) {
        return pipeline.exchange(() -> Route.post("/api/public/sessions/{}/stop", id), StopReceipts.RESPONSE)
                .onErrorMap(ConflictException.class, StopReceipts::refusal);
    }

    @Override
    public Mono<ChatSessionResponse> chatSession(String id, ChatSessionRequest request) {
        return pipeline.exchange(() -> Route.post("/api/public/sessions/{}/prompt", id).json(request),
                ResponseDecoder.json(ChatSessionResponse.class));
    }

    @Override
    public Mono<ReconnectSessionResponse> reconnectSession(String id, ReconnectSessionRequest request) {
        return pipeline.exchange(() -> Route.post("/api/public/sessions/{}/reconnect", id).json(request),
                ResponseDecoder.json(ReconnectSessionResponse.class));
    }

    @Override
    public Mono<SubmitTaskResponse> submitTask(SubmitTaskRequest request) {
        return pipeline.exchange(() -> Route.post("/api/mcp/submit-task").json(request),
                ResponseDecoder.json(SubmitTaskResponse.class));
    }

    @Override
    public Mono<StopAgentResponse> stopAgent(StopAgentRequest request) {
        return pipeline.exchange(() -> Route.post("/api/mcp/stop-agent").json(request),
                ResponseDecoder.json(StopAgentResponse.class));
    }

    @Override
    public Mono<ForwardPromptResponse> forwardPrompt(ForwardPromptRequest request) {
        return pipeline.exchange(() -> Route.post("/api/mcp/forward-prompt").json(request),
                ResponseDecoder.json(ForwardPromptResponse.class));
    }

    @Override
    public Mono<CostReportResponse> getCostReport() {
        return pipeline.exchange(() -> Route.get("/api/mcp/cost-report"),
                ResponseDecoder.json(CostReportResponse.class));
    }

    @Override
    public Mono<ListFleetResponse> listFleet() {
        return pipeline.exchange(() -> Route.get("/api/mcp/list-fleet"), ResponseDecoder.json(ListFleetResponse.class));
    }

    @Override
    public Mono<WhoAmIResponse> whoAmI() {
        return pipeline.exchange(() -> Route.get("/api/cli/whoami"), ResponseDecoder.json(WhoAmIResponse.class));
    }

    @Override
    public Flux<MachineStats> getMachineStats() {
        return pipeline.exchangeList(() -> Route.get("/api/public/machines"), MachineStats.class);
    }

    @Override
    public Mono<WorkareaPoolStats> getWorkareaPoolStats(String machineId) {
        return pipeline.exchange(() -> Route.get("/api/public/workarea-pool").query("machine", machineId),
                ResponseDecoder.json(WorkareaPoolStats.class));
    }

    @Override
    public Flux<SandboxProviderStats> getSandboxProviderStats() {
        return pipeline.exchangeList(() -> Route.get("/api/public/sandbox-providers"), SandboxProviderStats.class);
    }

    @Override
    public Flux<KitDetection> getKitDetections(String sessionId) {
        return pipeline.exchangeList(() -> Route.get("/api/public/sessions/{}/kit-detections", sessionId),
                KitDetection.class);
    }

    @Override
    public Flux<KitContribution> getKitContributions(String sessionId) {
        return pipeline.exchangeList(() -> Route.get("/api/public/sessions/{}/kit-contributions", sessionId),
                KitContribution.class);
    }

    @Override
    public Flux<AuditChainEntry> getAuditChain(String sessionId) {
        return pipeline.exchangeList(() -> Route.get("/api/public/sessions/{}/audit-chain", sessionId),
                AuditChainEntry.class);
    }

    @Override
    public Flux<AgentCard> listAgents(AgentScopeQuery scope) {
        return pipeline.exchange(() -> Route.get("/api/agents")
                .query("scope", scope.scope())
                .query("orgId", scope.orgId())
                .query("projectId", scope.projectId())
                .query("workType", scope.workType()), ResponseDecoder.json(AgentListResponse.class))
                .flatMapIterable(AgentListResponse::agents);
    }

    @Override
    public Mono<AgentCard> getAgent(String id) {
        return pipeline.exchange(() -> Route.get("/api/agents/{}", id),
                ResponseDecoder.bareOrWrapped("agent", AgentCard.class));
    }

    @Override
    public Optional<CoordinatorCredentials> credentials() {
        return options.token().map(token -> new CoordinatorCredentials(pipeline.baseUrl(), token));
    }

    /** The options this client was built with. */
    public CoordinatorClientOptions options() {
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
        return "ReactorCoordinatorClient[" + options + "]";
    }
}
