package io.agentfactory.sdk.reactor.mock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.agentfactory.sdk.agent.AgentCard;
import io.agentfactory.sdk.agent.AgentScopeQuery;
import io.agentfactory.sdk.audit.AuditChainEntry;
import io.agentfactory.sdk.coordinator.CoordinatorClient;
import io.agentfactory.sdk.coordinator.WhoAmIResponse;
import io.agentfactory.sdk.error.BadRequestException;
import io.agentfactory.sdk.error.ConflictException;
import io.agentfactory.sdk.error.HttpError;
import io.agentfactory.sdk.error.NotFoundException;
import io.agentfactory.sdk.fleet.CostReportResponse;
import io.agentfactory.sdk.fleet.ListFleetResponse;
import io.agentfactory.sdk.fleet.MachineStats;
import io.agentfactory.sdk.fleet.SandboxProviderStats;
import io.agentfactory.sdk.fleet.StatsResponse;
import io.agentfactory.sdk.fleet.StatsResponseV2;
import io.agentfactory.sdk.kit.KitContribution;
import io.agentfactory.sdk.kit.KitDetection;
import io.agentfactory.sdk.reactor.internal.activity.ActivityFollower;
import io.agentfactory.sdk.reactor.internal.http.Route;
import io.agentfactory.sdk.reactor.internal.http.UriEncoding;
import io.agentfactory.sdk.reactor.mock.MockFleet.Session;
import io.agentfactory.sdk.session.ActivityFollowRequest;
import io.agentfactory.sdk.session.ActivityListResponse;
import io.agentfactory.sdk.session.ChatSessionRequest;
import io.agentfactory.sdk.session.ChatSessionResponse;
import io.agentfactory.sdk.session.FollowedActivity;
import io.agentfactory.sdk.session.ReconnectSessionRequest;
import io.agentfactory.sdk.session.ReconnectSessionResponse;
import io.agentfactory.sdk.session.SessionDetail;
import io.agentfactory.sdk.session.SessionDetailResponse;
import io.agentfactory.sdk.session.SessionResponse;
import io.agentfactory.sdk.session.SessionStatus;
import io.agentfactory.sdk.session.SessionTimeline;
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
 * An in-memory {@link CoordinatorClient} with realistic, deterministic data (the reference's
 * {@code MockClient}): for tests and demos of code written against the interface. No network, no
 * thread of its own; every method is lazy like the real client's.
 *
 * <p>Twelve sample sessions, {@code sess-001} … {@code sess-012} ({@code REN-101} …
 * {@code REN-112}): three {@code working} ({@code sess-001}–{@code 003}), two {@code queued}
 * ({@code 004}, {@code 005}), one {@code parked} ({@code 006}), three {@code completed}
 * ({@code 007}–{@code 009}), two {@code failed} ({@code 010}, {@code 011}) and one
 * {@code stopped} ({@code 012}). Statistics, fleet listing, cost report, audit chains and kit
 * results are derived from them; machines, sandbox providers, the workarea pool, one agent card
 * per work type ({@code agent-development}, {@code agent-qa}, …) and a {@code whoAmI} complete the
 * set. Unknown session or agent ids fail with {@link NotFoundException}, blank ids with
 * {@link io.agentfactory.sdk.error.InvalidArgumentException}, as the real client does.
 *
 * <p>Activity plays out over time: a working session has produced a few events when its activity
 * is first asked for, then one more every {@link #activityInterval()}, and turns
 * {@code completed} once its script is done. Time is read from {@link Schedulers#parallel()}, so
 * under {@code StepVerifier.withVirtualTime} a whole session plays out instantly and exactly.
 * {@link #followActivities(ActivityFollowRequest)} uses the same on-demand follower as the HTTP
 * client; pages hold {@value #PAGE_SIZE} events. Other sessions' activity is complete (or, when
 * queued, empty) from the start.
 *
 * <pre>{@code
 * CoordinatorClient coordinator = MockCoordinatorClient.create();
 * StepVerifier.withVirtualTime(() -> coordinator.followActivities("sess-003"))
 *         .thenAwait(Duration.ofMinutes(1))
 *         .expectNextCount(10)
 *         .verifyComplete();
 * }</pre>
 *
 * <p>Changes are not remembered: {@code stopSession} answers as the server would but the session
 * keeps its status, so a shared mock answers every test alike. {@link #credentials()} is empty.
 *
 * <p>Every operation can be stubbed and every call is recorded, so a unit test of code written
 * against {@link CoordinatorClient} needs no HTTP:
 *
 * <pre>{@code
 * MockCoordinatorClient coordinator = MockCoordinatorClient.create();
 * coordinator.stub("getStats").failTimes(1, new UnavailableException(error));   // then the usual answer
 * coordinator.stub("getSessionDetail").delay(Duration.ofSeconds(3));
 * ... run the code under test ...
 * assertThat(coordinator.calls("getStats")).hasSize(2);
 * }</pre>
 */
public final class MockCoordinatorClient implements CoordinatorClient {

    /** Events per activity page. */
    public static final int PAGE_SIZE = 5;

    /** The default time between two events of a working session: 1 second. */
    public static final Duration DEFAULT_ACTIVITY_INTERVAL = Duration.ofSeconds(1);

    private static final String CURSOR_PREFIX = "cursor-";

    private final Duration activityInterval;
    private final ActivityFollower follower;
    private final MockRoutes routes = new MockRoutes(CoordinatorClient.class);
    /** When each working session's activity was first asked for, in scheduler milliseconds. */
    private final Map<String, Long> playbackStart = new ConcurrentHashMap<>();

    private MockCoordinatorClient(Duration activityInterval) {
        this.activityInterval = activityInterval;
        this.follower = new ActivityFollower(this::getActivities);
    }

    /** A mock whose working sessions produce one event per second. */
    public static MockCoordinatorClient create() {
        return new MockCoordinatorClient(DEFAULT_ACTIVITY_INTERVAL);
    }

    /**
     * A mock whose working sessions produce one event every {@code activityInterval}.
     *
     * @throws IllegalArgumentException when the interval is not positive
     */
    public static MockCoordinatorClient create(Duration activityInterval) {
        Objects.requireNonNull(activityInterval, "activityInterval");
        if (activityInterval.isNegative() || activityInterval.isZero()) {
            throw new IllegalArgumentException("activityInterval must be positive: " + activityInterval);
        }
        return new MockCoordinatorClient(activityInterval);
    }

    /** The time between two events of a working session. */
    public Duration activityInterval() {
        return activityInterval;
    }

    /**
     * How this mock answers {@code operation} (a method of {@link CoordinatorClient}, e.g.
     * {@code "getSessionDetail"}): replace the answer, inject a typed failure or latency. Stubbing
     * {@code getActivities} also shapes the pages {@code followActivities} reads.
     *
     * @throws IllegalArgumentException when the interface has no such operation (the message lists them)
     */
    public MockRoute stub(String operation) {
        return routes.route(operation);
    }

    /** Every call so far, in subscription order (a follow's page reads are {@code getActivities} calls). */
    public List<MockCall> calls() {
        return routes.calls();
    }

    /** The calls of {@code operation} so far, in subscription order. */
    public List<MockCall> calls(String operation) {
        return routes.calls(operation);
    }

    /** Forgets the recorded calls and every stub: the mock answers as when created. */
    public void reset() {
        routes.reset();
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
    public Mono<StatsResponse> getStats() {
        return routes.mono("getStats", () -> Mono.fromSupplier(() -> {
            StatsResponseV2 v2 = stats();
            return new StatsResponse(v2.workersOnline(), v2.agentsWorking(), v2.queueDepth(), v2.completedToday(),
                    v2.availableCapacity(), v2.totalCostToday(), v2.totalCostAllTime(), v2.sessionCountToday(),
                    v2.timestamp());
        }));
    }

    @Override
    public Mono<StatsResponseV2> getStatsV2() {
        return routes.mono("getStatsV2", () -> Mono.fromSupplier(this::stats));
    }

    @Override
    public Mono<SessionsListResponse> getSessions() {
        return routes.mono("getSessions", this::sessionsNow);
    }

    /** All sessions whatever {@code project} (like the reference mock, scopes have no effect). */
    @Override
    public Mono<SessionsListResponse> getSessionsFiltered(String project) {
        return routes.mono("getSessionsFiltered", this::sessionsNow, project);
    }

    @Override
    public Mono<SessionDetailResponse> getSessionDetail(String id) {
        return routes.mono("getSessionDetail", () -> withSession("GET", "/api/public/sessions/{}", id, s -> {
            SessionStatus status = status(s);
            SessionTimeline timeline = new SessionTimeline(MockFleet.at(s.minutesAgo() + 1), MockFleet.at(s.minutesAgo() + 1),
                    s.startedAt().isEmpty() ? null : s.startedAt(),
                    status.isTerminal() ? MockFleet.at(Math.max(0, s.minutesAgo() - s.durationSeconds() / 60)) : null);
            SessionDetail detail = new SessionDetail(s.id(), s.identifier(), status, s.workType(), s.startedAt(),
                    s.durationSeconds(), timeline, blankToNull(s.provider()), blankToNull(s.branch()), s.issueTitle(),
                    s.costUsd(), s.costUsd() == null ? null : s.inputTokens(),
                    s.costUsd() == null ? null : s.outputTokens());
            return Mono.just(new SessionDetailResponse(detail, MockFleet.NOW.toString()));
        }), id);
    }

    @Override
    public Mono<ActivityListResponse> getActivities(String sessionId, @Nullable String afterCursor) {
        return routes.mono("getActivities", () -> Mono.defer(() -> {
            Route.checkedId(sessionId);
            Session s = MockFleet.session(sessionId);
            if (s == null) {
                return notFound("GET", "/api/public/session-activities", "session not found");
            }
            int from = 0;
            if (afterCursor != null) {
                from = cursorIndex(afterCursor);
                if (from < 0) {
                    return Mono.error(new BadRequestException(error("GET", "/api/public/session-activities", 400,
                            "invalid cursor")));
                }
            }
            int visible = visible(s);
            SessionStatus status = status(s, visible);
            int start = Math.min(from, visible);
            int end = Math.min(start + PAGE_SIZE, visible);
            if (start == end) {
                return Mono.just(new ActivityListResponse(List.of(), null, status));
            }
            return Mono.just(new ActivityListResponse(s.script().subList(start, end), CURSOR_PREFIX + end, status));
        }), sessionId, afterCursor);
    }

    @Override
    public Flux<FollowedActivity> followActivities(ActivityFollowRequest request) {
        return routes.flux("followActivities", () -> follower.follow(request), request);
    }

    @Override
    public Mono<StopSessionResponse> stopSession(String id) {
        return routes.mono("stopSession", () -> withSession("POST", "/api/public/sessions/{}/stop", id, s -> {
            SessionStatus status = status(s);
            boolean stops = !status.isTerminal();
            return Mono.just(new StopSessionResponse(stops, s.id(), status, stops ? SessionStatus.STOPPED : status));
        }), id);
    }

    /** Delivered to a live session; {@link ConflictException} (409) for a finished one. */
    @Override
    public Mono<ChatSessionResponse> chatSession(String id, ChatSessionRequest request) {
        return routes.mono("chatSession", () -> withSession("POST", "/api/public/sessions/{}/prompt", id, s -> {
            SessionStatus status = status(s);
            if (status.isTerminal()) {
                return Mono.error(new ConflictException(error("POST", "/api/public/sessions/" + UriEncoding.segment(id)
                        + "/prompt", 409, "session is " + status.value())));
            }
            return Mono.just(new ChatSessionResponse(true, promptId(id, request.prompt()), s.id(), status));
        }), id, request);
    }

    /** {@code missedEvents} counts the events after the request's cursor or last event id. */
    @Override
    public Mono<ReconnectSessionResponse> reconnectSession(String id, ReconnectSessionRequest request) {
        return routes.mono("reconnectSession", () -> withSession("POST", "/api/public/sessions/{}/reconnect", id, s -> {
            int visible = visible(s);
            int seen = 0;
            if (request.cursor() != null) {
                seen = Math.max(0, cursorIndex(request.cursor()));
            }
            else if (request.lastEventId() != null) {
                for (int i = 0; i < visible; i++) {
                    if (s.script().get(i).id().equals(request.lastEventId())) {
                        seen = i + 1;
                    }
                }
            }
            return Mono.just(new ReconnectSessionResponse(true, s.id(), status(s, visible),
                    Math.max(0, visible - seen)));
        }), id, request);
    }

    /** Queued as {@code task-<issueId>}; BadRequest (400) without an issue id. */
    @Override
    public Mono<SubmitTaskResponse> submitTask(SubmitTaskRequest request) {
        return routes.mono("submitTask", () -> Mono.defer(() -> {
            if (request.issueId().isBlank()) {
                return Mono.error(new BadRequestException(error("POST", "/api/mcp/submit-task", 400,
                        "issueId is required")));
            }
            return Mono.just(new SubmitTaskResponse(true, "task-" + request.issueId().toLowerCase(),
                    request.issueId(), "queued", request.priority() == 0 ? 3 : request.priority(),
                    request.workType().isEmpty() ? "development" : request.workType()));
        }), request);
    }

    /** Stopped; the task of session {@code sess-00N} is {@code task-sess-00N}. BadRequest (400) without a task id. */
    @Override
    public Mono<StopAgentResponse> stopAgent(StopAgentRequest request) {
        return routes.mono("stopAgent", () -> Mono.defer(() -> {
            if (request.taskId().isBlank()) {
                return Mono.error(new BadRequestException(error("POST", "/api/mcp/stop-agent", 400,
                        "taskId is required")));
            }
            Session s = MockFleet.session(request.taskId().replaceFirst("^task-", ""));
            String previous = s == null ? "working" : status(s).value();
            return Mono.just(new StopAgentResponse(true, request.taskId(), s == null ? "" : s.identifier(), previous,
                    "stopped"));
        }), request);
    }

    /** Forwarded; BadRequest (400) without a task id. */
    @Override
    public Mono<ForwardPromptResponse> forwardPrompt(ForwardPromptRequest request) {
        return routes.mono("forwardPrompt", () -> Mono.defer(() -> {
            if (request.taskId().isBlank()) {
                return Mono.error(new BadRequestException(error("POST", "/api/mcp/forward-prompt", 400,
                        "taskId is required")));
            }
            Session s = MockFleet.session(request.taskId().replaceFirst("^task-", ""));
            return Mono.just(new ForwardPromptResponse(true, promptId(request.taskId(), request.message()),
                    request.taskId(), s == null ? "" : s.identifier(), s == null ? "working" : status(s).value()));
        }), request);
    }

    @Override
    public Mono<CostReportResponse> getCostReport() {
        return routes.mono("getCostReport", () -> Mono.fromSupplier(() -> {
            int withCost = 0;
            double total = 0;
            int input = 0;
            int output = 0;
            for (Session s : MockFleet.SESSIONS) {
                if (s.costUsd() != null) {
                    withCost++;
                    total += s.costUsd();
                    input += s.inputTokens();
                    output += s.outputTokens();
                }
            }
            return new CostReportResponse(MockFleet.SESSIONS.size(), withCost, MockFleet.round(total), input, output);
        }));
    }

    @Override
    public Mono<ListFleetResponse> listFleet() {
        return routes.mono("listFleet", () -> Mono.fromSupplier(() -> {
            List<SessionResponse> sessions = sessionResponses();
            return new ListFleetResponse(sessions.size(), sessions.size(), sessions);
        }));
    }

    @Override
    public Mono<WhoAmIResponse> whoAmI() {
        return routes.mono("whoAmI", () -> Mono.fromSupplier(() -> MockFleet.WHO_AM_I));
    }

    @Override
    public Flux<MachineStats> getMachineStats() {
        return routes.flux("getMachineStats", () -> Flux.defer(() -> Flux.fromIterable(MockFleet.MACHINES)));
    }

    /** The same pool whatever {@code machineId} (like the reference mock). */
    @Override
    public Mono<WorkareaPoolStats> getWorkareaPoolStats(String machineId) {
        return routes.mono("getWorkareaPoolStats", () -> Mono.fromSupplier(() -> MockFleet.WORKAREA_POOL), machineId);
    }

    @Override
    public Flux<SandboxProviderStats> getSandboxProviderStats() {
        return routes.flux("getSandboxProviderStats", () -> Flux.defer(() -> Flux.fromIterable(MockFleet.SANDBOX_PROVIDERS)));
    }

    @Override
    public Flux<KitDetection> getKitDetections(String sessionId) {
        return routes.flux("getKitDetections", () -> withSession("GET", "/api/public/sessions/{}/kit-detections", sessionId,
                s -> Mono.just(MockFleet.kitDetections(s))).flatMapIterable(list -> list), sessionId);
    }

    @Override
    public Flux<KitContribution> getKitContributions(String sessionId) {
        return routes.flux("getKitContributions", () -> withSession("GET", "/api/public/sessions/{}/kit-contributions", sessionId,
                s -> Mono.just(MockFleet.kitContributions(s))).flatMapIterable(list -> list), sessionId);
    }

    @Override
    public Flux<AuditChainEntry> getAuditChain(String sessionId) {
        return routes.flux("getAuditChain", () -> withSession("GET", "/api/public/sessions/{}/audit-chain", sessionId,
                s -> Mono.just(MockFleet.auditChain(s))).flatMapIterable(list -> list), sessionId);
    }

    /** Every card whatever {@code scope} (like the reference mock). */
    @Override
    public Flux<AgentCard> listAgents(AgentScopeQuery scope) {
        return routes.flux("listAgents", () -> Flux.defer(() -> Flux.fromIterable(MockFleet.AGENTS)), scope);
    }

    @Override
    public Mono<AgentCard> getAgent(String id) {
        return routes.mono("getAgent", () -> Mono.defer(() -> {
            Route.checkedId(id);
            for (AgentCard card : MockFleet.AGENTS) {
                if (card.id().equals(id)) {
                    return Mono.just(card);
                }
            }
            return notFound("GET", "/api/agents/" + UriEncoding.segment(id), "agent not found");
        }), id);
    }

    @Override
    public String toString() {
        return "MockCoordinatorClient[sessions=" + MockFleet.SESSIONS.size() + ", activityInterval="
                + activityInterval + "]";
    }

    private Mono<SessionsListResponse> sessionsNow() {
        return Mono.fromSupplier(() -> {
            List<SessionResponse> sessions = sessionResponses();
            return new SessionsListResponse(sessions, sessions.size(), MockFleet.NOW.toString());
        });
    }

    /** Checks the id, finds the session (NotFound otherwise) and answers with {@code answer}. */
    private <T> Mono<T> withSession(String method, String template, String id,
            Function<Session, Mono<T>> answer) {
        return Mono.defer(() -> {
            Route.checkedId(id);
            Session s = MockFleet.session(id);
            if (s == null) {
                return notFound(method, template.replace("{}", UriEncoding.segment(id)), "session not found");
            }
            return answer.apply(s);
        });
    }

    private StatsResponseV2 stats() {
        int working = 0;
        int queued = 0;
        int completed = 0;
        double cost = 0;
        for (Session s : MockFleet.SESSIONS) {
            SessionStatus status = status(s);
            working += status.equals(SessionStatus.WORKING) ? 1 : 0;
            queued += status.equals(SessionStatus.QUEUED) ? 1 : 0;
            completed += status.equals(SessionStatus.COMPLETED) ? 1 : 0;
            cost += s.costUsd() == null ? 0 : s.costUsd();
        }
        int capacity = 0;
        int active = 0;
        int online = 0;
        for (MachineStats m : MockFleet.MACHINES) {
            capacity += m.capacity().maxConcurrentSessions();
            active += m.activeSessions();
            online += m.status().value().equals("stopped") ? 0 : 1;
        }
        return new StatsResponseV2(online, working, queued, completed, capacity - active, MockFleet.round(cost),
                MockFleet.round(cost + 1_204.5), MockFleet.SESSIONS.size(), MockFleet.NOW.toString(),
                MockFleet.MACHINES, MockFleet.providerCosts());
    }

    private List<SessionResponse> sessionResponses() {
        List<SessionResponse> out = new ArrayList<>();
        for (Session s : MockFleet.SESSIONS) {
            out.add(new SessionResponse(s.id(), s.identifier(), status(s), s.workType(), s.startedAt(),
                    s.durationSeconds(), s.costUsd(), blankToNull(s.provider())));
        }
        return out;
    }

    /** How many of the session's events exist now. */
    private int visible(Session s) {
        if (!s.playsOut()) {
            return s.script().size();
        }
        long now = Schedulers.parallel().now(TimeUnit.MILLISECONDS);
        long start = playbackStart.computeIfAbsent(s.id(), id -> now);
        long produced = Math.max(0, now - start) / Math.max(1, activityInterval.toMillis());
        return (int) Math.min(s.script().size(), s.visibleAtStart() + produced);
    }

    private SessionStatus status(Session s) {
        return s.playsOut() && playbackStart.containsKey(s.id()) ? status(s, visible(s)) : s.status();
    }

    private static SessionStatus status(Session s, int visible) {
        return s.playsOut() && visible == s.script().size() ? SessionStatus.COMPLETED : s.status();
    }

    /** The index a cursor stands for, or -1 when it is not one of this mock's cursors. */
    private static int cursorIndex(String cursor) {
        if (!cursor.startsWith(CURSOR_PREFIX)) {
            return -1;
        }
        try {
            return Integer.parseInt(cursor.substring(CURSOR_PREFIX.length()));
        }
        catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String promptId(String target, String text) {
        return "prompt-" + Integer.toHexString(Objects.hash(target, text));
    }

    private static @Nullable String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static HttpError error(String method, String path, int status, String message) {
        return new HttpError(method, path, status, message, null, Map.of());
    }

    private static <T> Mono<T> notFound(String method, String path, String message) {
        return Mono.error(new NotFoundException(error(method, path, 404, message)));
    }
}
