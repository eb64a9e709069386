package io.agentfactory.sdk.daemon;

import java.time.Duration;

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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The local worker daemon's control API (default {@code http://127.0.0.1:7734}): status,
 * pause / drain, the workarea pool and archives, kits, providers and routing.
 *
 * <p>The daemon never receives the coordinator's token or scope headers. A daemon configured with a
 * control token receives it (as {@code Authorization: Bearer}) on its mutating routes only.
 *
 * <p>Every method is lazy and cancellable; failures are
 * {@link io.agentfactory.sdk.error.AgentFactoryException} subclasses as for the coordinator. While
 * a daemon starts, any route may answer 503 with {@code Retry-After: 1}: GETs are retried within the
 * client's retry policy, POSTs never. Required ids are checked before sending
 * ({@link io.agentfactory.sdk.error.InvalidArgumentException}).
 */
public interface DaemonClient extends AutoCloseable {

    /** The daemon's status snapshot: {@code GET /api/daemon/status}. */
    Mono<DaemonStatusResponse> getStatus();

    /**
     * Capacity and pool statistics: {@code GET /api/daemon/stats}, with {@code ?pool=true} and
     * {@code byMachine=true} as asked, in that order.
     */
    Mono<DaemonStatsResponse> getStats(boolean withPool, boolean byMachine);

    /** Stops accepting new sessions: {@code POST /api/daemon/pause}. Conflict when the state forbids it. */
    Mono<DaemonActionResponse> pause();

    /** Accepts sessions again: {@code POST /api/daemon/resume}. Conflict when the state forbids it. */
    Mono<DaemonActionResponse> resume();

    /** Stops the daemon, interrupting in-flight sessions: {@code POST /api/daemon/stop}. */
    Mono<DaemonActionResponse> stop();

    /** Triggers an update check: {@code POST /api/daemon/update}. */
    Mono<DaemonActionResponse> update();

    /**
     * Drains in-flight work: {@code POST /api/daemon/drain} with {@code {"timeoutSeconds":n}}, or
     * {@code {}} when {@code timeoutSeconds} is 0 (the daemon's default). Conflict when the drain
     * did not finish in time.
     */
    Mono<DaemonActionResponse> drain(int timeoutSeconds);

    /**
     * {@link #drain(int)} bounded by {@code deadline} instead of the client's response timeout: a
     * drain legitimately outlives an ordinary call. Past the deadline the call fails with
     * {@link io.agentfactory.sdk.error.RequestTimeoutException}; cancelling it closes the connection
     * at once. A non-positive deadline is refused before sending.
     */
    Mono<DaemonActionResponse> drain(int timeoutSeconds, Duration deadline);

    /**
     * Restart preflight: {@code POST /api/daemon/restart/prepare}, no body. The daemon enters
     * draining and durably prepares its one restart snapshot; only a returned value is permission to
     * restart it. The answer must be exactly the closed {@link DaemonRestartPreflightResponse}: an
     * unknown field, trailing JSON, a body over 8 KiB, another protocol or an inconsistent state
     * fails with {@link io.agentfactory.sdk.error.ResponseDecodeException}. A typed 409 is a
     * {@link io.agentfactory.sdk.error.DaemonRestartPreflightRefusedException} with its cause; any
     * other 409 an ordinary {@link io.agentfactory.sdk.error.ConflictException}. Bounded by the
     * client's response timeout; never retried.
     */
    Mono<DaemonRestartPreflightResponse> prepareRestart();

    /**
     * {@link #prepareRestart()} bounded by its own {@code timeout} instead of the client's response
     * timeout (a multi-scope acknowledgement may take longer). Cancelling closes the connection at
     * once. A non-positive timeout is refused before sending.
     */
    Mono<DaemonRestartPreflightResponse> prepareRestart(Duration timeout);

    /**
     * The sessions the daemon runs, with their worktree and display metadata: {@code GET
     * /api/daemon/sessions} (a JSON array; {@code null} or {@code []} is none).
     */
    Flux<DaemonSessionHandle> listSessions();

    /** The workarea pool with per-member detail: {@code GET /api/daemon/pool/stats}. */
    Mono<WorkareaPoolStats> getPoolStats();

    /**
     * Evicts pool members of a repository older than a threshold: {@code POST
     * /api/daemon/pool/evict}. Needs a non-blank {@code repoUrl} and {@code olderThanSeconds > 0}
     * (checked before sending). Unimplemented when the daemon has no eviction handler.
     */
    Mono<EvictPoolResponse> evictPool(EvictPoolRequest request);

    /** Sets a capacity key: {@code POST /api/daemon/capacity} with {@code {"key":k,"value":v}}. */
    Mono<SetCapacityResponse> setCapacityConfig(String key, String value);

    /** The provider registry: {@code GET /api/daemon/providers}. */
    Mono<ListProvidersResponse> listProviders();

    /** One provider: {@code GET /api/daemon/providers/<id>}. NotFound for an unknown id. */
    Mono<ProviderEnvelope> getProvider(String id);

    /** Installed kits: {@code GET /api/daemon/kits}. */
    Mono<ListKitsResponse> listKits();

    /**
     * One kit's manifest: {@code GET /api/daemon/kits/<id>}. Kit ids may contain {@code /}
     * ({@code spring/java}); it is kept as a path separator. NotFound for an unknown id.
     */
    Mono<KitManifestEnvelope> getKit(String id);

    /** Verifies a kit's signature: {@code GET /api/daemon/kits/<id>/verify-signature}. */
    Mono<KitSignatureResult> verifyKitSignature(String id);

    /**
     * Installs a kit: {@code POST /api/daemon/kits/<id>/install}. Failures a caller can tell apart:
     * {@link io.agentfactory.sdk.error.KitTrustGateException} (403, retry with
     * {@link KitInstallRequest#allowedThisOnce()}), {@link io.agentfactory.sdk.error.UnimplementedException}
     * (501, unsupported source kind), {@link io.agentfactory.sdk.error.ServerErrorException} (502,
     * source fetch failed), {@link io.agentfactory.sdk.error.UnexpectedStatusException} (422,
     * invalid package), {@link io.agentfactory.sdk.error.ConflictException} (409). A
     * {@code trustOverride} other than {@code allowed-this-once} is refused before sending.
     */
    Mono<KitInstallResult> installKit(String id, KitInstallRequest request);

    /** Enables a kit: {@code POST /api/daemon/kits/<id>/enable}. */
    Mono<Kit> enableKit(String id);

    /** Disables a kit: {@code POST /api/daemon/kits/<id>/disable}. */
    Mono<Kit> disableKit(String id);

    /** The kit registry sources in federation order: {@code GET /api/daemon/kit-sources}. */
    Mono<ListKitSourcesResponse> listKitSources();

    /** Enables a registry source: {@code POST /api/daemon/kit-sources/<name>/enable}. */
    Mono<KitSourceToggleResult> enableKitSource(String name);

    /** Disables a registry source: {@code POST /api/daemon/kit-sources/<name>/disable}. */
    Mono<KitSourceToggleResult> disableKitSource(String name);

    /** Active pool members and on-disk archives: {@code GET /api/daemon/workareas}. */
    Mono<ListWorkareasResponse> listWorkareas();

    /** One workarea, active or archived: {@code GET /api/daemon/workareas/<id>}. */
    Mono<WorkareaEnvelope> getWorkarea(String id);

    /**
     * Restores an archive into a new active workarea: {@code POST
     * /api/daemon/workareas/<archiveId>/restore} (201). Conflict when {@code intoSessionId} is in
     * use; Unavailable (with {@code retryAfter} when sent) on pool saturation; BadRequest for a
     * corrupted archive. Never retried automatically.
     */
    Mono<WorkareaRestoreResult> restoreWorkarea(String archiveId, WorkareaRestoreRequest request);

    /**
     * {@link #restoreWorkarea(String, WorkareaRestoreRequest)} bounded by its own {@code timeout}
     * instead of the client's response timeout: materialising a large archive may take longer than
     * an ordinary call. Past it the call fails with
     * {@link io.agentfactory.sdk.error.RequestTimeoutException}; cancelling closes the connection at
     * once. A non-positive timeout is refused before sending.
     */
    Mono<WorkareaRestoreResult> restoreWorkarea(String archiveId, WorkareaRestoreRequest request, Duration timeout);

    /** {@link #listWorkareas()} in the session-root V1 projection (roots, worktrees, repository leaves). */
    Mono<ListWorkareasV1Response> listWorkareasV1();

    /** {@link #getWorkarea(String)} in the session-root V1 projection. */
    Mono<WorkareaV1Envelope> getWorkareaV1(String id);

    /** {@link #restoreWorkarea(String, WorkareaRestoreRequest)} answered in the V1 projection. */
    Mono<WorkareaRestoreV1Result> restoreWorkareaV1(String archiveId, WorkareaRestoreRequest request);

    /** {@link #restoreWorkarea(String, WorkareaRestoreRequest, Duration)} answered in the V1 projection. */
    Mono<WorkareaRestoreV1Result> restoreWorkareaV1(String archiveId, WorkareaRestoreRequest request,
            Duration timeout);

    /**
     * Streams the per-path difference of two archives: {@code GET
     * /api/daemon/workareas/<idA>/diff/<idB>}: every {@link io.agentfactory.sdk.workarea.WorkareaDiffEntry}
     * in path order, then exactly one {@link io.agentfactory.sdk.workarea.WorkareaDiffSummary}.
     *
     * <p>Both wire shapes (one JSON envelope, or NDJSON above the daemon's threshold) give the same
     * events. The socket is read only as fast as the subscriber requests, and memory stays bounded
     * whatever the diff's size. The stream ends with a
     * {@link io.agentfactory.sdk.error.DiffStreamException} when the daemon reports an error
     * mid-stream, when the stream ends without its summary, or when the summary's counts disagree
     * with the entries streamed: a diff is never silently short or wrong.
     */
    Flux<WorkareaDiffEvent> streamDiff(String idA, String idB);

    /**
     * The whole diff of two archives in memory: entries plus summary. For small diffs; use
     * {@link #streamDiff(String, String)} for large ones.
     */
    Mono<WorkareaDiffResult> diffWorkareas(String idA, String idB);

    /** The routing configuration and recent decisions: {@code GET /api/daemon/routing/config}. */
    Mono<RoutingConfigResponse> getRoutingConfig();

    /**
     * The decision trace of one session: {@code GET /api/daemon/routing/explain/<sessionId>}.
     * NotFound when the session has no recorded decision.
     */
    Mono<RoutingExplainResponse> explainRouting(String sessionId);

    /**
     * Prepares this client for a fast first call, without contacting the daemon: the HTTP
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

    /** Releases what the client created (not a connection pool or event loop a caller supplied). */
    @Override
    default void close() {
    }
}
