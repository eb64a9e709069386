package io.agentfactory.sdk.examples.simulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.resources.LoopResources;

import io.agentfactory.sdk.config.CapacityConfig;
import io.agentfactory.sdk.config.ProjectEntry;
import io.agentfactory.sdk.reactor.config.ControlTokenFile;
import io.agentfactory.sdk.reactor.config.DaemonYamlFiles;
import io.agentfactory.sdk.session.ActivityEvent;
import io.agentfactory.sdk.session.ActivityType;
import io.agentfactory.sdk.session.SessionResponse;
import io.agentfactory.sdk.session.SessionStatus;

/**
 * Both AgentFactory services, simulated over real HTTP on loopback: the coordinator REST API
 * (sdk-api/CONTRACT.md §3) and the worker daemon's control API (§4), each on its own free port of
 * {@code 127.0.0.1}. Deterministic: the same seed and the same sequence of requests and ticks give
 * the same bytes.
 *
 * <pre>{@code
 * try (AgentFactorySimulator sim = AgentFactorySimulator.builder().seed(7).start()) {
 *     String url = sim.coordinatorBaseUrl();          // http://127.0.0.1:<port>
 *     String working = sim.sessionId(SimulatedIds.WORKING_SESSION);
 *     sim.tick(10);                                   // ten steps of simulated time
 *     sim.publishActivity(working, ActivityType.PROGRESS, "step done");
 *     sim.daemonFaults().rateLimitNext(2, RetryAfter.seconds(1));
 * }
 * }</pre>
 *
 * <p><b>The world.</b> Twelve sessions ({@code REN-121}…{@code REN-132}, see {@link SimulatedIds}) across
 * every status, three machines, an org with three projects, six agent cards; a daemon on
 * {@link SimulatedIds#DAEMON_MACHINE} with a warm workarea pool, five archives, seven agent-runtime
 * providers, kits and kit sources.
 *
 * <p><b>Time.</b> The simulated clock starts at {@link Builder#epoch(Instant)} and moves only on a
 * tick: {@link #tick(int)} and {@link #advance(Duration)} from a test, or a real-time ticker
 * ({@link Builder#realTimeTicks(Duration)}, {@link #startTicker(Duration)}) for a demo. At each tick
 * queued sessions may start, working sessions emit activity and eventually end completed or failed.
 *
 * <p><b>Diffs of any size.</b> {@code GET /api/daemon/workareas/<a>/diff/<b>} between the fixed
 * archives gives small diffs; {@link #syntheticArchive(long) synthetic-&lt;n&gt;} archives give diffs of
 * exactly {@code n} entries (n of B when B is synthetic, else of A) generated on demand, up to
 * 99,999,999. Up to the streaming threshold the answer is one JSON envelope, above it NDJSON.
 *
 * <p><b>Faults and counts.</b> {@link #coordinatorFaults()}, {@link #daemonFaults()} and
 * {@link #daemonKnobs()} change behaviour at run time; {@link #coordinatorRequests()} and
 * {@link #daemonRequests()} count requests per route.
 *
 * <p>Everything runs on the simulator's own event loops and Reactor schedulers without blocking.
 * {@link #close()} blocks until both servers and their event loops are gone: call it from a
 * thread that may block (a test or {@code main}), never from a reactive pipeline.
 */
public final class AgentFactorySimulator implements AutoCloseable {

    /** The default seed. */
    public static final long DEFAULT_SEED = 20_260_514L;
    /** Where the simulated clock starts by default. */
    public static final Instant DEFAULT_EPOCH = Instant.parse("2026-05-14T09:00:00Z");
    /** How far the simulated clock moves per tick by default. */
    public static final Duration DEFAULT_TICK_STEP = Duration.ofSeconds(1);
    /** The daemon's default diff streaming threshold (entries): above it diffs stream as NDJSON. */
    public static final int DEFAULT_DIFF_STREAMING_THRESHOLD = 1000;
    /** Activities per page by default: small, so that paging is always exercised. */
    public static final int DEFAULT_ACTIVITY_PAGE_SIZE = 3;

    private final Simulation sim;
    private final LoopResources loops;
    private final FaultKnobs coordinatorFaults;
    private final FaultKnobs daemonFaults;
    private final DaemonKnobs daemonKnobs;
    private final RequestCounters coordinatorRequests = new RequestCounters();
    private final RequestCounters daemonRequests = new RequestCounters();
    private final DiffResponses.Meter diffMeter = new DiffResponses.Meter();
    private final ServiceEndpoint coordinator;
    private final ServiceEndpoint daemon;
    private final AtomicReference<@Nullable Disposable> ticker = new AtomicReference<>();

    private AgentFactorySimulator(Builder builder) {
        this.sim = new Simulation(builder.seed, builder.epoch, builder.tickStep, builder.activityPageSize);
        this.coordinatorFaults = new FaultKnobs(builder.seed);
        this.daemonFaults = new FaultKnobs(~builder.seed);
        this.daemonKnobs = new DaemonKnobs().startingRequests(builder.startingRequests);
        Supplier<List<String>> projects = builder.allowedProjects != null ? builder.allowedProjects
                : builder.daemonYaml != null ? allowList(builder.daemonYaml)
                : () -> sim.fleet.projects.stream().map(Fleet.Project::repository).toList();
        if (builder.daemonYaml != null) {
            applyCapacity(DaemonYamlFiles.read(builder.daemonYaml).capacity());
        }
        // like the real daemon: the token file is minted at start (or its token read) before serving
        String daemonControlToken = builder.daemonControlTokenFile == null ? builder.daemonControlToken
                : ControlTokenFile.ensureBlocking(builder.daemonControlTokenFile).value();
        this.loops = LoopResources.create("af-simulator", 2, true);
        ServiceEndpoint started = null;
        try {
            started = new ServiceEndpoint("coordinator", CoordinatorApi.router(sim, builder.coordinatorToken),
                    coordinatorRequests, coordinatorFaults, CoordinatorApi.guard(builder.coordinatorToken), loops);
            this.coordinator = started;
            this.daemon = new ServiceEndpoint("daemon",
                    DaemonApi.router(sim, daemonKnobs, daemonFaults, diffMeter, builder.diffStreamingThreshold,
                            builder.evictionHandler, projects),
                    daemonRequests, daemonFaults, DaemonApi.guard(daemonKnobs, daemonControlToken), loops);
        }
        catch (RuntimeException e) {
            if (started != null) {
                started.disposeLater().block(Duration.ofSeconds(10));
            }
            loops.disposeLater().block(Duration.ofSeconds(10));
            throw e;
        }
        if (builder.realTimeTick != null) {
            startTicker(builder.realTimeTick);
        }
    }

    /**
     * The daemon's allow-list from its daemon.yaml, read per request as the daemon reloads it: the
     * projects list, which under admission v2 is the repositories of the enabled projects.
     */
    private static Supplier<List<String>> allowList(Path daemonYaml) {
        return () -> DaemonYamlFiles.read(daemonYaml).projects().stream().map(ProjectEntry::repository).toList();
    }

    /** The limits daemon.yaml sets (0 is "not set"; the disk envelope under either spelling). */
    private void applyCapacity(CapacityConfig capacity) {
        if (capacity.maxConcurrentSessions() > 0) {
            sim.daemon.maxConcurrentSessions = capacity.maxConcurrentSessions();
        }
        if (capacity.workareaMaxDiskGb() > 0) {
            sim.daemon.poolMaxDiskGb = capacity.workareaMaxDiskGb();
        }
    }

    /** A builder with every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a simulator with every default; blocks until both ports are bound. */
    public static AgentFactorySimulator start() {
        return builder().start();
    }

    /** The id of the synthetic archive whose diffs have {@code entries} entries: {@code synthetic-<entries>}. */
    public static String syntheticArchive(long entries) {
        if (entries < 0 || entries > ArchiveStore.SYNTHETIC_MAX) {
            throw new IllegalArgumentException("entries must be within [0, " + ArchiveStore.SYNTHETIC_MAX + "]: " + entries);
        }
        return ArchiveStore.SYNTHETIC_PREFIX + entries;
    }

    /** The coordinator's base URL, {@code http://127.0.0.1:<port>}. */
    public String coordinatorBaseUrl() {
        return coordinator.baseUrl();
    }

    /** The daemon's base URL, {@code http://127.0.0.1:<port>}. */
    public String daemonBaseUrl() {
        return daemon.baseUrl();
    }

    /** The coordinator's fault knobs. */
    public FaultKnobs coordinatorFaults() {
        return coordinatorFaults;
    }

    /** The daemon's fault knobs (the stream knobs act on NDJSON diffs). */
    public FaultKnobs daemonFaults() {
        return daemonFaults;
    }

    /** The daemon's run-time conditions: starting, pool saturation, kit source fetch failures. */
    public DaemonKnobs daemonKnobs() {
        return daemonKnobs;
    }

    /** Requests the coordinator received, per route. */
    public RequestCounters coordinatorRequests() {
        return coordinatorRequests;
    }

    /** Requests the daemon received, per route. */
    public RequestCounters daemonRequests() {
        return daemonRequests;
    }

    /** The seed everything was drawn from. */
    public long seed() {
        return sim.seed;
    }

    /** The simulated clock (UTC): what every timestamp the services write is read from. */
    public Clock clock() {
        return sim.clock;
    }

    /** The simulated time now. */
    public Instant now() {
        return sim.now();
    }

    /** One step of simulated time. */
    public void tick() {
        tick(1);
    }

    /** {@code ticks} steps of simulated time: sessions start, speak and end as the clock moves. */
    public void tick(int ticks) {
        if (ticks < 0) {
            throw new IllegalArgumentException("ticks must not be negative: " + ticks);
        }
        sim.tick(ticks);
    }

    /** As many ticks as fit in {@code duration} (at least one step per tick). */
    public void advance(Duration duration) {
        tick((int) Math.min(Integer.MAX_VALUE, duration.toNanos() / sim.tickStep.toNanos()));
    }

    /**
     * Ticks once per {@code period} of real time, on a Reactor timer, until {@link #stopTicker()} or
     * {@link #close()}; replaces a running ticker.
     */
    public void startTicker(Duration period) {
        positive(period, "period");
        Disposable next = Flux.interval(period, period, Schedulers.parallel()).subscribe(i -> sim.tick(1));
        Disposable previous = ticker.getAndSet(next);
        if (previous != null) {
            previous.dispose();
        }
    }

    /** Stops the real-time ticker, if one runs. */
    public void stopTicker() {
        Disposable previous = ticker.getAndSet(null);
        if (previous != null) {
            previous.dispose();
        }
    }

    /**
     * Publishes an activity on a session now: the next activity poll sees it.
     *
     * @throws IllegalArgumentException when no session has this id
     */
    public PublishedActivity publishActivity(String sessionId, ActivityType type, String content) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(content, "content");
        return sim.locked(() -> {
            SimSession session = sim.sessions.find(sessionId)
                    .orElseThrow(() -> new IllegalArgumentException("no session " + sessionId));
            ActivityEvent event = sim.sessions.publish(session, type, content);
            return new PublishedActivity(session.id, event, sim.now(), System.nanoTime());
        });
    }

    /**
     * Ends a session now with a terminal status ({@code completed}, {@code failed} or {@code stopped}),
     * with the closing activity it would emit; nothing happens to a session that has already ended.
     *
     * @throws IllegalArgumentException for an unknown session or a status that is not terminal
     */
    public void finishSession(String sessionId, SessionStatus terminal) {
        sim.locked(() -> {
            SimSession session = sim.sessions.find(sessionId)
                    .orElseThrow(() -> new IllegalArgumentException("no session " + sessionId));
            sim.sessions.finish(session, terminal);
            return null;
        });
    }

    /** Every session as {@code GET /api/public/sessions} lists it now. */
    public List<SessionResponse> sessions() {
        return sim.locked(() -> sim.sessions.list().stream().map(s -> s.toResponse(sim.now())).toList());
    }

    /** The session with this id, as listed now. */
    public Optional<SessionResponse> session(String sessionId) {
        return sim.locked(() -> sim.sessions.find(sessionId).map(s -> s.toResponse(sim.now())));
    }

    /**
     * The id of the session with this identifier (e.g. {@code REN-121}).
     *
     * @throws IllegalArgumentException when no session has it
     */
    public String sessionId(String identifier) {
        return sim.locked(() -> sim.sessions.all().stream().filter(s -> s.identifier.equals(identifier))
                .findFirst().map(s -> s.id)
                .orElseThrow(() -> new IllegalArgumentException("no session " + identifier)));
    }

    /** NDJSON bytes generated so far (tests: diff streams never run ahead of the connection). */
    DiffResponses.Meter diffMeter() {
        return diffMeter;
    }

    /** Stops the ticker and both servers and releases the event loops; blocks until done. */
    @Override
    public void close() {
        stopTicker();
        Mono.when(coordinator.disposeLater(), daemon.disposeLater())
                .then(loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)))
                .block(Duration.ofSeconds(15));
    }

    @Override
    public String toString() {
        return "AgentFactorySimulator[coordinator=" + coordinatorBaseUrl() + ", daemon=" + daemonBaseUrl()
                + ", seed=" + sim.seed + "]";
    }

    /** Configures and starts a simulator. Tokens are never printed. */
    public static final class Builder {

        private long seed = DEFAULT_SEED;
        private @Nullable String coordinatorToken;
        private @Nullable String daemonControlToken;
        private int diffStreamingThreshold = DEFAULT_DIFF_STREAMING_THRESHOLD;
        private int activityPageSize = DEFAULT_ACTIVITY_PAGE_SIZE;
        private Instant epoch = DEFAULT_EPOCH;
        private Duration tickStep = DEFAULT_TICK_STEP;
        private @Nullable Duration realTimeTick;
        private int startingRequests;
        private boolean evictionHandler = true;
        private @Nullable Supplier<List<String>> allowedProjects;
        private @Nullable Path daemonYaml;
        private @Nullable Path daemonControlTokenFile;

        private Builder() {
        }

        /** The seed of every random choice (ids, costs, activity, error-rate draws). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Requires {@code Authorization: Bearer <token>} on every coordinator request (else 401
         * {@code {"error":…}}); activity paging then ignores {@code sessionHash}. Without a token
         * (the default) paging requires a matching {@code sessionHash}.
         */
        public Builder coordinatorToken(String token) {
            this.coordinatorToken = requireText(token, "coordinator token");
            return this;
        }

        /**
         * Requires {@code Authorization: Bearer <token>} on every non-GET daemon request (else 401
         * {@code {"error":"missing or invalid control token"}}).
         */
        public Builder daemonControlToken(String token) {
            this.daemonControlToken = requireText(token, "daemon control token");
            return this;
        }

        /**
         * Like the real daemon, keeps its control token in {@code file}: minted at start when the
         * file is missing (0600, in a directory created 0700; never overwritten), else read from
         * it, and required as {@code Authorization: Bearer <token>} on every non-GET daemon
         * request. Replaces {@link #daemonControlToken}. A file that is a link, too open or empty
         * fails {@link #start()} with a {@code ConfigFileException}.
         */
        public Builder daemonControlTokenFile(Path file) {
            this.daemonControlTokenFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * The daemon's {@code daemon.yaml}: read at start for its capacity limits (the disk
         * envelope under either {@code workareaMaxDiskGb} or {@code poolMaxDiskGb}), and for every
         * status and stats request for the allow-list (admission v2: the repositories of the
         * enabled projects), unless {@link #allowedProjects} is given.
         */
        public Builder daemonYaml(Path file) {
            this.daemonYaml = Objects.requireNonNull(file, "file");
            return this;
        }

        /** Diffs with more entries than this stream as NDJSON (default 1000). */
        public Builder diffStreamingThreshold(int entries) {
            this.diffStreamingThreshold = notNegative(entries, "threshold");
            return this;
        }

        /** Activities per page of {@code GET /api/public/session-activities} (default 3). */
        public Builder activityPageSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("page size must be positive: " + size);
            }
            this.activityPageSize = size;
            return this;
        }

        /** Where the simulated clock starts. */
        public Builder epoch(Instant epoch) {
            this.epoch = Objects.requireNonNull(epoch, "epoch");
            return this;
        }

        /** How far the simulated clock moves per tick (default 1 s). */
        public Builder tickStep(Duration step) {
            this.tickStep = positive(step, "tick step");
            return this;
        }

        /** Starts a real-time ticker with this period (for demos); by default time moves only on {@code tick}. */
        public Builder realTimeTicks(Duration period) {
            this.realTimeTick = positive(period, "period");
            return this;
        }

        /** Answers the first {@code count} daemon requests with 503 "daemon is still starting". */
        public Builder startingRequests(int count) {
            this.startingRequests = notNegative(count, "count");
            return this;
        }

        /** A daemon built without a pool eviction handler: {@code POST /api/daemon/pool/evict} answers 501. */
        public Builder withoutEvictionHandler() {
            this.evictionHandler = false;
            return this;
        }

        /**
         * Where the daemon's allowed-projects list comes from (e.g. daemon.yaml): read for every
         * status and stats request, off the event loop, so it may block. By default the three
         * simulated projects' repositories.
         */
        public Builder allowedProjects(Supplier<List<String>> projects) {
            this.allowedProjects = Objects.requireNonNull(projects, "projects");
            return this;
        }

        /** Binds both services and starts the simulation; blocks until both ports are bound. */
        public AgentFactorySimulator start() {
            return new AgentFactorySimulator(this);
        }

        @Override
        public String toString() {
            return "AgentFactorySimulator.Builder[seed=" + seed + ", coordinatorToken="
                    + (coordinatorToken == null ? "none" : "REDACTED") + ", daemonControlToken="
                    + (daemonControlToken == null && daemonControlTokenFile == null ? "none" : "REDACTED")
                    + ", diffStreamingThreshold="
                    + diffStreamingThreshold + ", activityPageSize=" + activityPageSize + "]";
        }

        private static String requireText(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return value;
        }
    }

    private static Duration positive(Duration value, String what) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + value);
        }
        return value;
    }

    private static int notNegative(int value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + value);
        }
        return value;
    }
}
