package io.agentfactory.sdk.examples.simulator;

import static io.agentfactory.sdk.examples.simulator.SimulatedRoutes.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.agentfactory.sdk.daemon.DaemonDrainRequest;
import io.agentfactory.sdk.daemon.DaemonRegistrationStats;
import io.agentfactory.sdk.daemon.DaemonSessionHandle;
import io.agentfactory.sdk.daemon.DaemonStatsResponse;
import io.agentfactory.sdk.daemon.DaemonStatus;
import io.agentfactory.sdk.daemon.DaemonStatusResponse;
import io.agentfactory.sdk.daemon.SeatBudgetStatus;
import io.agentfactory.sdk.kit.KitInstallRequest;
import io.agentfactory.sdk.kit.KitManifestEnvelope;
import io.agentfactory.sdk.kit.KitStatus;
import io.agentfactory.sdk.kit.ListKitSourcesResponse;
import io.agentfactory.sdk.kit.ListKitsResponse;
import io.agentfactory.sdk.provider.ProviderEnvelope;
import io.agentfactory.sdk.routing.RoutingConfigResponse;
import io.agentfactory.sdk.session.SessionStatus;
import io.agentfactory.sdk.workarea.EvictPoolRequest;
import io.agentfactory.sdk.workarea.EvictPoolResponse;
import io.agentfactory.sdk.workarea.ListWorkareasV1Response;
import io.agentfactory.sdk.workarea.Workarea;
import io.agentfactory.sdk.workarea.WorkareaKind;
import io.agentfactory.sdk.workarea.WorkareaRepository;
import io.agentfactory.sdk.workarea.WorkareaRestoreRequest;
import io.agentfactory.sdk.workarea.WorkareaRestoreV1Result;
import io.agentfactory.sdk.workarea.WorkareaSummary;
import io.agentfactory.sdk.workarea.WorkareaSummaryV1;
import io.agentfactory.sdk.workarea.WorkareaV1;
import io.agentfactory.sdk.workarea.WorkareaV1Envelope;

/**
 * The daemon's control routes (sdk-api/CONTRACT.md §4) over the shared {@link Simulation}. The daemon runs
 * on {@link Fleet#DAEMON_MACHINE}: its pool, workareas and in-flight sessions are that machine's.
 */
final class DaemonApi {

    private final Simulation sim;
    private final DaemonKnobs knobs;
    private final FaultKnobs faults;
    private final DiffResponses.Meter meter;
    private final int diffThreshold;
    private final boolean evictionHandler;
    private final Supplier<List<String>> allowedProjects;
    private final AtomicLong correlations = new AtomicLong();

    private DaemonApi(Simulation sim, DaemonKnobs knobs, FaultKnobs faults, DiffResponses.Meter meter,
            int diffThreshold, boolean evictionHandler, Supplier<List<String>> allowedProjects) {
        this.sim = sim;
        this.knobs = knobs;
        this.faults = faults;
        this.meter = meter;
        this.diffThreshold = diffThreshold;
        this.evictionHandler = evictionHandler;
        this.allowedProjects = allowedProjects;
    }

    static Router router(Simulation sim, DaemonKnobs knobs, FaultKnobs faults, DiffResponses.Meter meter,
            int diffThreshold, boolean evictionHandler, Supplier<List<String>> allowedProjects) {
        return new DaemonApi(sim, knobs, faults, meter, diffThreshold, evictionHandler, allowedProjects).routes();
    }

    /**
     * 503 while the daemon is still starting; then, when a control token is configured, 401 for a
     * mutating request without it. GETs never need the token.
     */
    static ServiceEndpoint.Guard guard(DaemonKnobs knobs, @Nullable String controlToken) {
        return exchange -> {
            if (knobs.takeStarting()) {
                return Reply.error(503, "daemon is still starting", Map.of("status", "starting"))
                        .withHeader("Retry-After", "1");
            }
            if (controlToken != null && !exchange.method().equals("GET")
                    && !ServiceEndpoint.hasBearer(exchange.headers(), controlToken)) {
                return Reply.error(401, "missing or invalid control token");
            }
            return null;
        };
    }

    private Router routes() {
        return new Router()
                .route(DAEMON_STATUS, exchange -> projects().map(projects -> json(() -> new DaemonStatusResponse(
                        sim.daemon.status, sim.daemon.version, Fleet.DAEMON_MACHINE, sim.daemon.pid,
                        sim.daemon.uptimeSeconds(sim.now()), inFlight(), sim.daemon.maxConcurrentSessions,
                        projects.size(), sim.clock.stamp()))))
                .route(DAEMON_STATS, exchange -> projects().map(projects -> json(() -> stats(
                        "true".equals(exchange.query("pool")), "true".equals(exchange.query("byMachine")), projects))))
                .route(DAEMON_PAUSE, read(ex -> sim.daemon.pause()))
                .route(DAEMON_RESUME, read(ex -> sim.daemon.resume()))
                .route(DAEMON_STOP, read(ex -> sim.daemon.stop(inFlight())))
                .route(DAEMON_UPDATE, read(ex -> sim.daemon.update()))
                .route(DAEMON_DRAIN, read(ex -> sim.daemon.drain(ex.bodyAs(DaemonDrainRequest.class).timeoutSeconds(),
                        inFlight())))
                .route(DAEMON_RESTART_PREPARE, read(ex -> sim.daemon.prepareRestart(inFlight(),
                        "prep-" + Long.toHexString(SeededIds.mix(sim.seed ^ correlations.incrementAndGet())))))
                .route(DAEMON_SESSIONS, read(ex -> sessions()))
                .route(POOL_STATS, read(ex -> sim.pool.stats(Fleet.DAEMON_MACHINE, sim.clock.stamp())))
                .route(POOL_EVICT, read(this::evict))
                .route(CAPACITY, read(ex -> {
                    Map<?, ?> body = ex.bodyAs(Map.class);
                    Object key = body.get("key");
                    Object value = body.get("value");
                    if (key == null || key.toString().isBlank()) {
                        throw Rejection.badRequestText("key is required");
                    }
                    return sim.daemon.setCapacity(key.toString(), value == null ? "" : value.toString());
                }))
                .route(PROVIDERS, read(ex -> sim.providers.list()))
                .route(PROVIDER, read(ex -> new ProviderEnvelope(sim.providers.find(ex.param("id"))
                        .orElseThrow(() -> Rejection.notFound("provider", ex.param("id"))))))
                .route(KITS, read(ex -> new ListKitsResponse(sim.kits.list())))
                .route(KIT, read(ex -> new KitManifestEnvelope(sim.kits.manifest(ex.param("kitId")))))
                .route(KIT_VERIFY, read(ex -> sim.kits.verify(ex.param("kitId"))))
                .route(KIT_INSTALL, read(ex -> sim.kits.install(ex.param("kitId"), ex.bodyAs(KitInstallRequest.class),
                        knobs.kitSourceFetchFails())))
                // Both shapes are valid answers (sdk-api/CONTRACT.md §4): enable answers the bare kit, disable wraps it.
                .route(KIT_ENABLE, read(ex -> sim.kits.setStatus(ex.param("kitId"), KitStatus.ACTIVE)))
                .route(KIT_DISABLE, read(ex -> Map.of("kit", sim.kits.setStatus(ex.param("kitId"), KitStatus.DISABLED))))
                .route(KIT_SOURCES, read(ex -> new ListKitSourcesResponse(sim.kits.sources())))
                .route(KIT_SOURCE_ENABLE, read(ex -> sim.kits.toggleSource(ex.param("name"), true)))
                .route(KIT_SOURCE_DISABLE, read(ex -> sim.kits.toggleSource(ex.param("name"), false)))
                .route(WORKAREAS, read(ex -> workareas()))
                // The session-root V1 projection: a superset of the original shape, so both clients read it.
                .route(WORKAREA, read(ex -> new WorkareaV1Envelope(withRoot(workarea(ex.param("id"))))))
                .route(WORKAREA_RESTORE, exchange -> Mono.fromSupplier(() -> Reply.json(201, sim.locked(() ->
                        new WorkareaRestoreV1Result(withRoot(sim.archives.restore(exchange.param("id"),
                                exchange.bodyAs(WorkareaRestoreRequest.class), sim.pool, knobs.poolSaturation(),
                                sim.now())))))))
                .route(WORKAREA_DIFF, exchange -> Mono.fromSupplier(() -> {
                    DiffPlan plan = sim.locked(() -> sim.archives.diff(exchange.param("idA"), exchange.param("idB"), sim.pool));
                    return DiffResponses.reply(plan, diffThreshold, faults, meter);
                }))
                .route(ROUTING_CONFIG, read(ex -> new RoutingConfigResponse(sim.routing.config(sim.sessions.all(), sim.now()))))
                .route(ROUTING_EXPLAIN, read(ex -> sim.routing.explain(sim.sessions.require(ex.param("sessionId")))));
    }

    private Router.Handler read(Function<Exchange, Object> body) {
        return exchange -> Mono.fromSupplier(() -> json(() -> body.apply(exchange)));
    }

    private Reply json(Supplier<Object> body) {
        return Reply.json(200, sim.locked(body));
    }

    /** The allow-list, read off the event loop: the supplier may read daemon.yaml from disk. */
    private Mono<List<String>> projects() {
        return Mono.fromSupplier(() -> Objects.requireNonNullElse(allowedProjects.get(), List.<String>of()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private int inFlight() {
        return sim.sessions.workingOn(Fleet.DAEMON_MACHINE);
    }

    private DaemonStatsResponse stats(boolean withPool, boolean byMachine, List<String> projects) {
        String stamp = sim.clock.stamp();
        String heartbeat = sim.now().minusSeconds(5).toString();
        String registration = sim.daemon.status.equals(DaemonStatus.DRAINING) ? "draining"
                : inFlight() > 0 ? "busy" : "idle";
        return new DaemonStatsResponse(sim.daemon.capacity(), inFlight(), (int) sim.sessions.count(SessionStatus.QUEUED),
                withPool ? sim.pool.stats(Fleet.DAEMON_MACHINE, stamp) : null,
                byMachine ? sim.machineStats() : List.of(), stamp, sim.daemon.workerId,
                new DaemonRegistrationStats(registration, heartbeat, true,
                        !sim.daemon.status.equals(DaemonStatus.STOPPED)),
                projects);
    }

    private EvictPoolResponse evict(Exchange exchange) {
        if (!evictionHandler) {
            throw new Rejection(Reply.error(501, "pool eviction is not available: no eviction handler is wired"));
        }
        EvictPoolRequest request = exchange.bodyAs(EvictPoolRequest.class);
        if (request.repoUrl().isBlank()) {
            throw Rejection.badRequestText("repoUrl is required");
        }
        if (request.olderThanSeconds() <= 0) {
            throw Rejection.badRequestText("olderThanSeconds must be > 0");
        }
        String repository = canonicalRepository(request.repoUrl());
        int evicted = sim.pool.evict(Fleet.DAEMON_MACHINE, repository, request.olderThanSeconds(), sim.now());
        return new EvictPoolResponse(evicted, "evicted " + evicted + " pool member(s) of " + repository
                + " idle for more than " + request.olderThanSeconds() + "s",
                "evt-pool-evict-" + Long.toHexString(SeededIds.mix(sim.seed ^ correlations.incrementAndGet())));
    }

    /** {@code https://github.com/acme/x.git} and {@code github.com/acme/x} name the same pool key. */
    private static String canonicalRepository(String url) {
        String repository = url.trim();
        int scheme = repository.indexOf("://");
        if (scheme >= 0) {
            repository = repository.substring(scheme + 3);
        }
        if (repository.endsWith("/")) {
            repository = repository.substring(0, repository.length() - 1);
        }
        return repository.endsWith(".git") ? repository.substring(0, repository.length() - 4) : repository;
    }

    private ListWorkareasV1Response workareas() {
        List<WorkareaSummary> active = new ArrayList<>();
        sim.pool.members(Fleet.DAEMON_MACHINE).forEach(member -> active.add(member.toSummary(sim.now())));
        active.addAll(sim.archives.restoredSummaries(sim.now()));
        return new ListWorkareasV1Response(active.stream().map(DaemonApi::withRoot).toList(),
                sim.archives.archivedSummaries().stream().map(WorkareaSummaryV1::upgrade).toList());
    }

    /** The in-flight sessions of the daemon's machine, with their worktree and display metadata. */
    private List<DaemonSessionHandle> sessions() {
        List<DaemonSessionHandle> handles = new ArrayList<>();
        for (SimSession s : sim.sessions.all()) {
            if (s.status.equals(SessionStatus.WORKING) && Fleet.DAEMON_MACHINE.equals(s.machineId)) {
                String root = root(s.id);
                handles.add(new DaemonSessionHandle("", "", s.id, sim.daemon.pid + 1 + handles.size(),
                        s.startedAt == null ? "" : s.startedAt.toString(), "running", root, root, s.project.slug(),
                        s.project.repository(), "claude-code", "claude-sonnet-4-5",
                        s.provider == null ? "anthropic" : s.provider, "", "", "", s.workType, s.identifier,
                        new SeatBudgetStatus("best-effort", 2, 4096, "simulated")));
            }
        }
        return handles;
    }

    /** Where the simulated daemon keeps a session's workarea. */
    private static String root(String owner) {
        return "/home/sim/.donmai/worktrees/" + owner;
    }

    /** An active summary in the V1 shape: its session root and its one primary repository leaf. */
    private static WorkareaSummaryV1 withRoot(WorkareaSummary w) {
        WorkareaSummaryV1 v1 = WorkareaSummaryV1.upgrade(w);
        String root = root(w.sessionId().isEmpty() ? w.id() : w.sessionId());
        List<WorkareaRepository> leaves = leaves(root, w.repository(), w.ref());
        return new WorkareaSummaryV1(v1.id(), v1.kind(), v1.providerId(), v1.sessionId(), v1.projectId(), v1.status(),
                v1.ref(), v1.repository(), root, leaves.isEmpty() ? "" : leaves.get(0).path(), leaves, v1.createdAt(),
                v1.sizeBytes(), v1.sourceProvider(), v1.disposition(), v1.acquiredAt(), v1.releasedAt(),
                v1.ageSeconds());
    }

    /** A workarea in the V1 shape; archives keep no root (they are not materialised). */
    private static WorkareaV1 withRoot(Workarea w) {
        WorkareaV1 v1 = WorkareaV1.upgrade(w);
        if (!w.kind().equals(WorkareaKind.ACTIVE)) {
            return v1;
        }
        String root = root(w.sessionId().isEmpty() ? w.id() : w.sessionId());
        List<WorkareaRepository> leaves = leaves(root, w.repository(), w.ref());
        return new WorkareaV1(v1.id(), v1.kind(), v1.providerId(), v1.sessionId(), v1.projectId(), v1.status(),
                v1.path(), root, leaves.isEmpty() ? "" : leaves.get(0).path(), leaves, v1.ref(), v1.repository(),
                v1.cleanStateChecksum(), v1.toolchain(), v1.mode(), v1.acquirePath(), v1.acquiredAt(), v1.releasedAt(),
                v1.archiveLocation(), v1.ownerSession(), v1.manifest());
    }

    private static List<WorkareaRepository> leaves(String root, String repository, String ref) {
        if (repository.isEmpty()) {
            return List.of();
        }
        String name = repository.substring(repository.lastIndexOf('/') + 1);
        return List.of(new WorkareaRepository(name, name, root + "/" + name, "primary", "session", ref, "", "",
                List.of()));
    }

    private Workarea workarea(String id) {
        Workarea restored = sim.archives.restoredWorkarea(id);
        if (restored != null) {
            return restored;
        }
        return sim.pool.member(id).map(WorkareaPool.Member::toWorkarea)
                .or(() -> sim.archives.archivedWorkarea(id))
                .orElseThrow(() -> Rejection.notFound("workarea", id));
    }
}
