package io.agentfactory.sdk.examples.simulator;

import static io.agentfactory.sdk.examples.simulator.SimulatedRoutes.*;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.agent.AgentCard;
import io.agentfactory.sdk.agent.AgentListResponse;
import io.agentfactory.sdk.daemon.DaemonStatus;
import io.agentfactory.sdk.fleet.CostReportResponse;
import io.agentfactory.sdk.fleet.ListFleetResponse;
import io.agentfactory.sdk.fleet.MachineStats;
import io.agentfactory.sdk.fleet.ProviderCost;
import io.agentfactory.sdk.fleet.StatsResponse;
import io.agentfactory.sdk.fleet.StatsResponseV2;
import io.agentfactory.sdk.session.ChatSessionRequest;
import io.agentfactory.sdk.session.ChatSessionResponse;
import io.agentfactory.sdk.session.ReconnectSessionRequest;
import io.agentfactory.sdk.session.ReconnectSessionResponse;
import io.agentfactory.sdk.session.SessionDetailResponse;
import io.agentfactory.sdk.session.SessionResponse;
import io.agentfactory.sdk.session.SessionStatus;
import io.agentfactory.sdk.session.SessionsListResponse;
import io.agentfactory.sdk.session.StopSessionReceipt;
import io.agentfactory.sdk.session.StopSessionResponse;
import io.agentfactory.sdk.task.ForwardPromptRequest;
import io.agentfactory.sdk.task.ForwardPromptResponse;
import io.agentfactory.sdk.task.StopAgentRequest;
import io.agentfactory.sdk.task.StopAgentResponse;
import io.agentfactory.sdk.task.SubmitTaskRequest;
import io.agentfactory.sdk.task.SubmitTaskResponse;
import io.agentfactory.sdk.workarea.WorkareaPoolStats;

/**
 * The coordinator's routes (sdk-api/CONTRACT.md §3) over the shared {@link Simulation}. With a token
 * configured every request must carry {@code Authorization: Bearer <token>} (else 401); without
 * one, activity paging checks {@code sessionHash}.
 */
final class CoordinatorApi {

    /** Cost accrued before the simulated sessions, so all-time totals look like a real org's. */
    private static final double HISTORIC_COST_USD = 1843.27;

    private final Simulation sim;
    private final boolean authenticated;
    private final AtomicLong prompts = new AtomicLong();
    /** The receipt of every stop this coordinator performed, by session id (guarded by the simulation lock). */
    private final Map<String, StopSessionReceipt> stopReceipts = new HashMap<>();

    private CoordinatorApi(Simulation sim, boolean authenticated) {
        this.sim = sim;
        this.authenticated = authenticated;
    }

    /** The coordinator's router; {@code token} {@code null} for an open coordinator. */
    static Router router(Simulation sim, @Nullable String token) {
        return new CoordinatorApi(sim, token != null).routes();
    }

    /** 401 unless the request carries the token. */
    static ServiceEndpoint.Guard guard(@Nullable String token) {
        return exchange -> token == null || ServiceEndpoint.hasBearer(exchange.headers(), token) ? null
                : Reply.error(401, "missing or invalid API token");
    }

    /**
     * Stops a session with a durable receipt: a running session gets a {@code session_stop} receipt,
     * one that never started (queued) a {@code pre_session_dispatch_reconciliation}; stopping it again
     * replays that receipt. A session that ended on its own is refused: 409, cause {@code already_terminal}.
     */
    private StopSessionResponse stop(SimSession session) {
        StopSessionReceipt earlier = stopReceipts.get(session.id);
        if (earlier != null) {
            StopSessionReceipt replay = new StopSessionReceipt(earlier.version(), earlier.kind(), earlier.sessionId(),
                    earlier.mutationId(), earlier.intentRevision(), earlier.disposition(), true, earlier.orgId(),
                    earlier.projectId(), earlier.workflowInstanceId(), earlier.previousStatus(),
                    earlier.terminalDisposition(), earlier.reason(), earlier.actorId(), earlier.intentDigest(),
                    earlier.recordedAt());
            return new StopSessionResponse(false, session.id, session.status, session.status, false, "", replay);
        }
        if (session.isTerminal()) {
            throw new Rejection(Reply.json(409, Ordered.map("error", "session already " + session.status.value(),
                    "code", "stop_refused", "cause", "already_terminal")));
        }
        boolean started = session.startedAt != null;
        SessionStatus previous = sim.sessions.stop(session);
        StopSessionReceipt receipt = started
                ? StopSessionReceipt.sessionStop(session.id, "stop:public:" + session.id, "1", session.status, false)
                : StopSessionReceipt.preSessionReconciliation(sim.fleet.org.id(), session.project.id(), session.id,
                        "wfi-" + session.id, previous, session.status,
                        "Explicit stop reconciled a dispatch that had not started.", "public:api",
                        SeededIds.sha256("stop:" + session.id), sim.now().toString(), false);
        stopReceipts.put(session.id, receipt);
        return new StopSessionResponse(true, session.id, previous, session.status, false, "", receipt);
    }

    private Router routes() {
        return new Router()
                .route(STATS, read(ex -> stats()))
                .route(STATS_V2, read(ex -> statsV2()))
                .route(SESSIONS, read(ex -> sessions(ex.queryOrEmpty("project"))))
                .route(SESSION_DETAIL, read(ex -> new SessionDetailResponse(
                        sim.sessions.require(ex.param("id")).toDetail(sim.now()), sim.clock.stamp())))
                .route(ACTIVITIES, read(ex -> {
                    String sessionId = ex.query("sessionId");
                    if (sessionId == null || sessionId.isEmpty()) {
                        throw Rejection.badRequest("sessionId is required");
                    }
                    return sim.sessions.page(sessionId, ex.query("sessionHash"), ex.query("after"), authenticated);
                }))
                .route(STOP_SESSION, read(ex -> stop(sim.sessions.require(ex.param("id")))))
                .route(CHAT_SESSION, read(ex -> {
                    SimSession session = sim.sessions.require(ex.param("id"));
                    ChatSessionRequest request = ex.bodyAs(ChatSessionRequest.class);
                    if (request.prompt().isBlank()) {
                        throw Rejection.badRequest("prompt is required");
                    }
                    boolean delivered = sim.sessions.deliverPrompt(session, request.prompt());
                    return new ChatSessionResponse(delivered, delivered ? promptId() : "", session.id, session.status);
                }))
                .route(RECONNECT_SESSION, read(ex -> {
                    SimSession session = sim.sessions.require(ex.param("id"));
                    ReconnectSessionRequest request = ex.bodyAs(ReconnectSessionRequest.class);
                    return new ReconnectSessionResponse(true, session.id, session.status,
                            sim.sessions.missedEvents(session, request.cursor(), request.lastEventId()));
                }))
                .route(SUBMIT_TASK, read(ex -> {
                    SubmitTaskRequest request = ex.bodyAs(SubmitTaskRequest.class);
                    if (request.issueId().isBlank()) {
                        throw Rejection.badRequest("issueId is required");
                    }
                    SimSession session = sim.sessions.submit(request.issueId(), request.description(),
                            request.workType(), request.priority());
                    return new SubmitTaskResponse(true, session.id, session.identifier, session.status.value(),
                            session.priority, session.workType);
                }))
                .route(STOP_AGENT, read(ex -> {
                    StopAgentRequest request = ex.bodyAs(StopAgentRequest.class);
                    SimSession session = task(request.taskId());
                    SessionStatus previous = sim.sessions.stop(session);
                    return new StopAgentResponse(!previous.equals(session.status), session.id, session.identifier,
                            previous.value(), session.status.value());
                }))
                .route(FORWARD_PROMPT, read(ex -> {
                    ForwardPromptRequest request = ex.bodyAs(ForwardPromptRequest.class);
                    if (request.message().isBlank()) {
                        throw Rejection.badRequest("message is required");
                    }
                    SimSession session = task(request.taskId());
                    boolean forwarded = sim.sessions.deliverPrompt(session, request.message());
                    return new ForwardPromptResponse(forwarded, forwarded ? promptId() : "", session.id,
                            session.identifier, session.status.value());
                }))
                .route(COST_REPORT, read(ex -> costReport()))
                .route(LIST_FLEET, read(this::listFleet))
                .route(WHOAMI, read(ex -> sim.fleet.whoAmI()))
                .route(MACHINES, read(ex -> machines()))
                .route(WORKAREA_POOL, read(ex -> pool(ex.queryOrEmpty("machine"))))
                .route(SANDBOX_PROVIDERS, read(ex -> sim.fleet.sandboxProviders(localActive(), sim.clock.stamp())))
                .route(KIT_DETECTIONS, read(ex -> SessionArtifacts.detections(sim.sessions.require(ex.param("id")))))
                .route(KIT_CONTRIBUTIONS, read(ex -> SessionArtifacts.contributions(sim.sessions.require(ex.param("id")))))
                .route(AUDIT_CHAIN, read(ex -> SessionArtifacts.auditChain(sim.sessions.require(ex.param("id")))))
                .route(AGENTS, read(ex -> {
                    List<AgentCard> cards = sim.agents.list(ex.queryOrEmpty("scope"), ex.queryOrEmpty("orgId"),
                            ex.queryOrEmpty("projectId"), ex.queryOrEmpty("workType"));
                    return new AgentListResponse(cards, cards.size(), sim.clock.stamp());
                }))
                .route(AGENT, read(ex -> {
                    AgentCard card = sim.agents.find(ex.param("id"))
                            .orElseThrow(() -> Rejection.notFound("agent", ex.param("id")));
                    return card.scope().value().equals("system") ? card : Map.of("agent", card);
                }));
    }

    /** A handler answering 200 with the JSON of what {@code body} computes under the simulation lock. */
    private Router.Handler read(Function<Exchange, @Nullable Object> body) {
        return exchange -> Mono.fromSupplier(() -> Reply.json(200, sim.locked(() -> body.apply(exchange))));
    }

    private SimSession task(String taskId) {
        if (taskId.isBlank()) {
            throw Rejection.badRequest("taskId is required");
        }
        return sim.sessions.find(taskId).orElseThrow(() -> Rejection.notFound("task", taskId));
    }

    private String promptId() {
        return "prm_" + Long.toHexString(SeededIds.mix(sim.seed + prompts.incrementAndGet()));
    }

    private SessionsListResponse sessions(String project) {
        List<SessionResponse> list = sim.sessions.ofProject(project).stream().map(s -> s.toResponse(sim.now())).toList();
        return new SessionsListResponse(list, list.size(), sim.clock.stamp());
    }

    private StatsResponse stats() {
        StatsResponseV2 v2 = statsV2();
        return new StatsResponse(v2.workersOnline(), v2.agentsWorking(), v2.queueDepth(), v2.completedToday(),
                v2.availableCapacity(), v2.totalCostToday(), v2.totalCostAllTime(), v2.sessionCountToday(), v2.timestamp());
    }

    private StatsResponseV2 statsV2() {
        Instant now = sim.now();
        List<MachineStats> machines = machines();
        int available = 0;
        int online = 0;
        for (MachineStats machine : machines) {
            if (!machine.status().equals(DaemonStatus.STOPPED)) {
                online++;
            }
            if (machine.status().equals(DaemonStatus.READY)) {
                available += Math.max(0, machine.capacity().maxConcurrentSessions() - machine.activeSessions());
            }
        }
        double costToday = 0;
        double costAll = HISTORIC_COST_USD;
        int completedToday = 0;
        int createdToday = 0;
        Map<String, double[]> byProvider = new java.util.TreeMap<>();
        for (SimSession s : sim.sessions.all()) {
            boolean today = sameDay(s.createdAt, now);
            double cost = s.costUsd == null ? 0 : s.costUsd;
            costAll += cost;
            costToday += today ? cost : 0;
            createdToday += today ? 1 : 0;
            if (s.status.equals(SessionStatus.COMPLETED) && s.endedAt != null && sameDay(s.endedAt, now)) {
                completedToday++;
            }
            if (s.provider != null) {
                double[] entry = byProvider.computeIfAbsent(s.provider, p -> new double[2]);
                entry[0] += cost;
                entry[1]++;
            }
        }
        List<ProviderCost> providers = new ArrayList<>();
        byProvider.forEach((provider, entry) -> providers.add(new ProviderCost(provider, round(entry[0]), (int) entry[1])));
        return new StatsResponseV2(online, (int) sim.sessions.count(SessionStatus.WORKING),
                (int) sim.sessions.count(SessionStatus.QUEUED), completedToday, available, round(costToday),
                round(costAll), createdToday, sim.clock.stamp(), machines, providers);
    }

    private List<MachineStats> machines() {
        return sim.machineStats();
    }

    private int localActive() {
        return sim.fleet.machines.stream().mapToInt(m -> sim.sessions.workingOn(m.id())).sum();
    }

    private WorkareaPoolStats pool(String machine) {
        if (!machine.isEmpty() && sim.fleet.machine(machine).isEmpty()) {
            throw Rejection.notFound("machine", machine);
        }
        return sim.pool.stats(machine.isEmpty() ? null : machine, sim.clock.stamp());
    }

    private CostReportResponse costReport() {
        int withCost = 0;
        double total = 0;
        int input = 0;
        int output = 0;
        for (SimSession s : sim.sessions.all()) {
            if (s.costUsd != null) {
                withCost++;
                total += s.costUsd;
            }
            input += s.inputTokens == null ? 0 : s.inputTokens;
            output += s.outputTokens == null ? 0 : s.outputTokens;
        }
        return new CostReportResponse(sim.sessions.all().size(), withCost, round(total), input, output);
    }

    /** The fleet, optionally filtered by {@code status} (repeated or comma-separated) and cut at {@code limit}. */
    private ListFleetResponse listFleet(Exchange ex) {
        List<String> statuses = ex.query().getOrDefault("status", List.of()).stream()
                .flatMap(value -> Arrays.stream(value.split(","))).filter(v -> !v.isBlank()).toList();
        List<SessionResponse> matching = sim.sessions.all().stream()
                .filter(s -> statuses.isEmpty() || statuses.contains(s.status.value()))
                .map(s -> s.toResponse(sim.now())).toList();
        int limit = matching.size();
        String limitText = ex.query("limit");
        if (limitText != null) {
            try {
                limit = Math.max(0, Math.min(limit, Integer.parseInt(limitText)));
            }
            catch (NumberFormatException e) {
                throw Rejection.badRequest("limit must be an integer");
            }
        }
        return new ListFleetResponse(matching.size(), limit, matching.subList(0, limit));
    }

    private static boolean sameDay(Instant a, Instant b) {
        return a.atZone(ZoneOffset.UTC).toLocalDate().equals(b.atZone(ZoneOffset.UTC).toLocalDate());
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
