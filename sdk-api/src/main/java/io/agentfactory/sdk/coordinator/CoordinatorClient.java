package io.agentfactory.sdk.coordinator;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.agent.AgentCard;
import io.agentfactory.sdk.agent.AgentScopeQuery;
import io.agentfactory.sdk.audit.AuditChainEntry;
import io.agentfactory.sdk.fleet.CostReportResponse;
import io.agentfactory.sdk.fleet.ListFleetResponse;
import io.agentfactory.sdk.fleet.MachineStats;
import io.agentfactory.sdk.fleet.SandboxProviderStats;
import io.agentfactory.sdk.fleet.StatsResponse;
import io.agentfactory.sdk.fleet.StatsResponseV2;
import io.agentfactory.sdk.kit.KitContribution;
import io.agentfactory.sdk.kit.KitDetection;
import io.agentfactory.sdk.session.ActivityEvent;
import io.agentfactory.sdk.session.ActivityFollowRequest;
import io.agentfactory.sdk.session.ActivityListResponse;
import io.agentfactory.sdk.session.ChatSessionRequest;
import io.agentfactory.sdk.session.ChatSessionResponse;
import io.agentfactory.sdk.session.FollowedActivity;
import io.agentfactory.sdk.session.ReconnectSessionRequest;
import io.agentfactory.sdk.session.ReconnectSessionResponse;
import io.agentfactory.sdk.session.SessionDetailResponse;
import io.agentfactory.sdk.session.SessionsListResponse;
import io.agentfactory.sdk.session.StopSessionResponse;
import io.agentfactory.sdk.task.ForwardPromptRequest;
import io.agentfactory.sdk.task.ForwardPromptResponse;
import io.agentfactory.sdk.task.StopAgentRequest;
import io.agentfactory.sdk.task.StopAgentResponse;
import io.agentfactory.sdk.task.SubmitTaskRequest;
import io.agentfactory.sdk.task.SubmitTaskResponse;
import io.agentfactory.sdk.workarea.WorkareaPoolStats;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The AgentFactory coordinator (the hosted platform API): fleet statistics, sessions and their
 * activity, tasks, cost, machines, kits, audit chains and agent cards.
 *
 * <p>Every method is lazy: nothing is sent until subscription, and each subscription sends the
 * request again. Cancelling releases the connection. Failures are signalled as
 * {@link io.agentfactory.sdk.error.AgentFactoryException} subclasses: an HTTP status as
 * {@link io.agentfactory.sdk.error.HttpStatusException} (for example
 * {@link io.agentfactory.sdk.error.NotFoundException} for an unknown id), a body that does not
 * decode as {@link io.agentfactory.sdk.error.ResponseDecodeException}, no answer in time as
 * {@link io.agentfactory.sdk.error.RequestTimeoutException}, a broken connection as
 * {@link io.agentfactory.sdk.error.TransportException}, and an argument refused before sending as
 * {@link io.agentfactory.sdk.error.InvalidArgumentException}.
 *
 * <p>Methods returning {@link Flux} answer a JSON array on the wire; {@code null} is an empty
 * stream. Implementations are thread-safe.
 */
public interface CoordinatorClient extends AutoCloseable {

    /** Fleet-wide statistics: {@code GET /api/public/stats}. */
    Mono<StatsResponse> getStats();

    /** Statistics with per-machine and per-provider breakdowns: {@code GET /api/public/stats/v2}. */
    Mono<StatsResponseV2> getStatsV2();

    /** Every session, fleet-wide: {@code GET /api/public/sessions}. */
    Mono<SessionsListResponse> getSessions();

    /**
     * Sessions of one project: {@code GET /api/public/sessions?project=<project>}; an empty
     * {@code project} is the same as {@link #getSessions()}.
     */
    Mono<SessionsListResponse> getSessionsFiltered(String project);

    /** One session in detail: {@code GET /api/public/sessions/<id>}. NotFound for an unknown id. */
    Mono<SessionDetailResponse> getSessionDetail(String id);

    /**
     * One page of a session's activity: {@code GET /api/public/session-activities?sessionId=<id>},
     * with {@code &after=<cursor>} when given and {@code &sessionHash=<hash>} when the client has
     * no token. To follow a session as it runs, use {@link #followActivities(ActivityFollowRequest)}.
     *
     * @param sessionId the session
     * @param afterCursor the cursor of the previous page, or {@code null} for the first page
     */
    Mono<ActivityListResponse> getActivities(String sessionId, @Nullable String afterCursor);

    /**
     * Follows a session's activity live, with the position of every event so that a consumer can
     * resume later without loss or repetition.
     *
     * <p>Semantics:
     * <ul>
     * <li>Demand-driven: a page is fetched only when downstream has requested more events than are
     * buffered; a subscriber that requests 1 causes at most one page to be fetched.</li>
     * <li>When a page brings nothing new (no events, or no cursor: "nothing newer yet"), the next
     * request waits {@link ActivityFollowRequest#pollInterval()} on a timer, blocking no thread,
     * and asks again with the last cursor received.</li>
     * <li>Completes once a page reports a terminal status ({@code completed}, {@code failed},
     * {@code stopped}) and the pages after it are drained.</li>
     * <li>An event id is never emitted twice, even when pages overlap.</li>
     * <li>Transient failures follow the client's retry policy; permanent ones end the stream with
     * the typed error. Cancelling stops polling at once and releases the connection.</li>
     * </ul>
     */
    Flux<FollowedActivity> followActivities(ActivityFollowRequest request);

    /**
     * Follows a session's activity from its first event, with the default poll interval.
     *
     * @see #followActivities(ActivityFollowRequest)
     */
    default Flux<ActivityEvent> followActivities(String sessionId) {
        return followActivities(ActivityFollowRequest.of(sessionId)).map(activity -> activity.event());
    }

    /**
     * Stops a session: {@code POST /api/public/sessions/<id>/stop}, no body. A terminal answer
     * may carry a {@link io.agentfactory.sdk.session.StopSessionReceipt}, decoded only when it
     * passes the whole receipt schema (else {@link io.agentfactory.sdk.error.ResponseDecodeException},
     * which never repeats the receipt); a 202 answer is a delivered, still pending stop
     * ({@link StopSessionResponse#pendingDelivery()}). A 409 is a
     * {@link io.agentfactory.sdk.error.StopSessionRefusedException} carrying the refusal cause.
     */
    Mono<StopSessionResponse> stopSession(String id);

    /** Sends a prompt to a session's agent: {@code POST /api/public/sessions/<id>/prompt}. */
    Mono<ChatSessionResponse> chatSession(String id, ChatSessionRequest request);

    /** Resumes a session's activity stream: {@code POST /api/public/sessions/<id>/reconnect}. */
    Mono<ReconnectSessionResponse> reconnectSession(String id, ReconnectSessionRequest request);

    /** Submits a task to the fleet's work queue: {@code POST /api/mcp/submit-task}. Never retried. */
    Mono<SubmitTaskResponse> submitTask(SubmitTaskRequest request);

    /** Stops a running agent: {@code POST /api/mcp/stop-agent}. */
    Mono<StopAgentResponse> stopAgent(StopAgentRequest request);

    /** Forwards a message to a running agent: {@code POST /api/mcp/forward-prompt}. */
    Mono<ForwardPromptResponse> forwardPrompt(ForwardPromptRequest request);

    /** The fleet-wide cost report: {@code GET /api/mcp/cost-report}. */
    Mono<CostReportResponse> getCostReport();

    /** The fleet listing: {@code GET /api/mcp/list-fleet}. */
    Mono<ListFleetResponse> listFleet();

    /** Verifies the token and returns its organization context: {@code GET /api/cli/whoami}. */
    Mono<WhoAmIResponse> whoAmI();

    /** Per-machine capacity and status: {@code GET /api/public/machines}. */
    Flux<MachineStats> getMachineStats();

    /**
     * The workarea pool snapshot: {@code GET /api/public/workarea-pool}, with
     * {@code ?machine=<id>} when {@code machineId} is not empty (empty: the aggregate).
     */
    Mono<WorkareaPoolStats> getWorkareaPoolStats(String machineId);

    /** Runtime snapshots of the sandbox providers: {@code GET /api/public/sandbox-providers}. */
    Flux<SandboxProviderStats> getSandboxProviderStats();

    /** Kit detection results of a session: {@code GET /api/public/sessions/<id>/kit-detections}. */
    Flux<KitDetection> getKitDetections(String sessionId);

    /** What applied kits added to a session: {@code GET /api/public/sessions/<id>/kit-contributions}. */
    Flux<KitContribution> getKitContributions(String sessionId);

    /** A session's audit chain: {@code GET /api/public/sessions/<id>/audit-chain}. */
    Flux<AuditChainEntry> getAuditChain(String sessionId);

    /**
     * The agent cards visible under {@code scope}: {@code GET /api/agents}, with {@code scope},
     * {@code orgId}, {@code projectId} and {@code workType} query parameters for the non-empty fields.
     */
    Flux<AgentCard> listAgents(AgentScopeQuery scope);

    /** One agent card: {@code GET /api/agents/<id>} (a bare card or {@code {"agent": card}}). */
    Mono<AgentCard> getAgent(String id);

    /**
     * The base URL and token this client sends to the coordinator, for callers that dispatch
     * through a sibling platform route with the same credentials. Empty for a client without a
     * token or a base URL, and for test doubles.
     */
    default Optional<CoordinatorCredentials> credentials() {
        return Optional.empty();
    }

    /**
     * Prepares this client for a fast first call, without contacting the coordinator: the HTTP
     * stack's event loops, host name resolver and native transport, and the JSON mapper with the
     * readers of the records the common routes answer. Call it where a service gets ready to serve
     * (before it reports healthy), so that its first request does not pay for class loading and
     * initialisation.
     *
     * <p>Optional (every call works without it, only its first call is slower) and idempotent
     * (another warm-up prepares nothing new). Lazy like every call: nothing happens until
     * subscription. The work runs off the caller's thread and off the event loops; it never
     * blocks a non-blocking thread. Fails with {@link io.agentfactory.sdk.error.ClientClosedException}
     * once the client is closed. Implementations with nothing to prepare (test doubles) complete at
     * once.
     *
     * <pre>{@code
     * client.warmup().block(Duration.ofSeconds(10));   // in main, before serving
     * }</pre>
     */
    default Mono<Void> warmup() {
        return Mono.empty();
    }

    /** Releases what the client created (its connection pool and event loop, not ones a caller supplied). */
    @Override
    default void close() {
    }
}
