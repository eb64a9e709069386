package io.agentfactory.sdk.examples.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.session.ActivityEvent;
import io.agentfactory.sdk.session.ActivityListResponse;
import io.agentfactory.sdk.session.ActivityType;
import io.agentfactory.sdk.session.SessionHash;
import io.agentfactory.sdk.session.SessionStatus;

/**
 * The coordinator's sessions and their activity: twelve seeded sessions across every status,
 * tasks submitted through the API, progression on each tick, and activity paging
 * ({@code GET /api/public/session-activities}). Guarded by the simulation lock.
 *
 * <p>Paging: a page holds at most {@code pageSize} events after the {@code after} cursor; its
 * cursor points at its last event; a page with no newer event has no cursor. A cursor is opaque
 * (base64url of the last event's sequence number) and stays valid for the session's lifetime.
 */
final class SessionBook {

    /** How a seeded session starts out. */
    private record Seed(String identifier, String title, String project, String workType, @Nullable String provider,
            SessionStatus status, SessionStatus outcome, @Nullable String machine) {
    }

    private static final List<Seed> SEEDS = List.of(
            new Seed("REN-121", "Add retry budget to the webhook dispatcher", "platform-api", "development",
                    "claude", SessionStatus.WORKING, SessionStatus.COMPLETED, Fleet.DAEMON_MACHINE),
            new Seed("REN-122", "Migrate billing exports to streaming CSV", "billing-service", "development",
                    "codex", SessionStatus.WORKING, SessionStatus.COMPLETED, "linux-builder-01"),
            new Seed("REN-123", "Flaky test: SessionRepositoryTest times out under load", "platform-api", "qa",
                    "gemini", SessionStatus.WORKING, SessionStatus.FAILED, Fleet.DAEMON_MACHINE),
            new Seed("REN-124", "Dark mode for the session timeline", "web-console", "development",
                    null, SessionStatus.QUEUED, SessionStatus.COMPLETED, null),
            new Seed("REN-125", "Write the backlog for the Q3 observability epic", "platform-api", "backlog-writing",
                    null, SessionStatus.QUEUED, SessionStatus.COMPLETED, null),
            new Seed("REN-126", "Upgrade Next.js to 15 in the console", "web-console", "development",
                    "claude", SessionStatus.PARKED, SessionStatus.COMPLETED, null),
            new Seed("REN-127", "Paginate /api/public/sessions", "platform-api", "development",
                    "claude", SessionStatus.COMPLETED, SessionStatus.COMPLETED, Fleet.DAEMON_MACHINE),
            new Seed("REN-128", "Research: sandbox cold-start latency across providers", "platform-api", "research",
                    "ollama", SessionStatus.COMPLETED, SessionStatus.COMPLETED, "linux-builder-01"),
            new Seed("REN-129", "Acceptance: invoice PDFs render names like Straße and 日本語", "billing-service",
                    "acceptance", "codex", SessionStatus.COMPLETED, SessionStatus.COMPLETED, "linux-builder-01"),
            new Seed("REN-130", "Fix the N+1 query in machine stats", "platform-api", "development",
                    "claude", SessionStatus.FAILED, SessionStatus.FAILED, Fleet.DAEMON_MACHINE),
            new Seed("REN-131", "Rotate the signing keys of kit attestations", "platform-api", "coordination",
                    "amp", SessionStatus.FAILED, SessionStatus.FAILED, "linux-builder-02"),
            new Seed("REN-132", "Bump Netty to 4.2 in the ingest worker", "billing-service", "development",
                    "gemini", SessionStatus.STOPPED, SessionStatus.STOPPED, "linux-builder-01"));

    /** New work that arrives while time runs: title, project, work type. */
    private static final List<List<String>> ARRIVALS = List.of(
            List.of("Add request ids to the webhook audit log", "platform-api", "development"),
            List.of("Localise the session timeline into 日本語", "web-console", "development"),
            List.of("Reconcile invoice totals after currency rounding", "billing-service", "qa"),
            List.of("Research: cheaper sandboxes for nightly builds", "platform-api", "research"),
            List.of("Document the Straße/ß address normalisation", "billing-service", "backlog-writing"));

    private static final List<String> PROVIDERS = List.of("claude", "codex", "gemini");
    private static final String CURSOR_PREFIX = "evt:";
    private static final ActivityScript.Line STOPPED =
            new ActivityScript.Line(ActivityType.PROGRESS, "Session stopped by operator", null);

    private final Map<String, SimSession> sessions = new LinkedHashMap<>();
    private final Fleet fleet;
    private final WorkareaPool pool;
    private final SimClock clock;
    private final SplittableRandom random;
    private final int pageSize;
    private int arrivals;

    SessionBook(Fleet fleet, WorkareaPool pool, SimClock clock, SplittableRandom random, int pageSize) {
        this.fleet = fleet;
        this.pool = pool;
        this.clock = clock;
        this.random = random;
        this.pageSize = pageSize;
        Instant epoch = clock.instant();
        for (Seed seed : SEEDS) {
            seed(seed, epoch);
        }
    }

    static boolean isTerminal(SessionStatus status) {
        return status.equals(SessionStatus.COMPLETED) || status.equals(SessionStatus.FAILED)
                || status.equals(SessionStatus.STOPPED);
    }

    private void seed(Seed seed, Instant epoch) {
        boolean ended = isTerminal(seed.status());
        boolean waiting = seed.status().equals(SessionStatus.QUEUED) || seed.status().equals(SessionStatus.PARKED);
        Instant created = epoch.minus(Duration.ofMinutes(ended ? 120 + random.nextInt(1500)
                : waiting ? 1 + random.nextInt(180) : 20 + random.nextInt(30)));
        SimSession session = new SimSession(SeededIds.uuid(random), seed.identifier(), seed.title(),
                fleet.project(seed.project()), seed.workType(), seed.provider(), 2 + random.nextInt(3), created);
        sessions.put(session.id, session);
        session.queuedAt = created.plusSeconds(4);
        session.status = seed.status();
        session.plannedOutcome = seed.outcome();
        if (waiting) {
            return;
        }
        Instant started = session.queuedAt.plusSeconds(30 + random.nextInt(90));
        Instant until = ended ? started.plus(Duration.ofMinutes(10 + random.nextInt(40))) : epoch;
        session.status = SessionStatus.WORKING;
        begin(session, seed.machine() == null ? Fleet.DAEMON_MACHINE : seed.machine(), started);
        int lines = ended ? 6 + random.nextInt(7) : 3 + random.nextInt(4);
        long span = Duration.between(started, until).getSeconds();
        for (int i = 1; i <= lines; i++) {
            say(session, ActivityScript.next(session, random), started.plusSeconds(span * i / (lines + 1)));
        }
        session.plannedEvents = session.events.size() + 5 + random.nextInt(8);
        if (ended) {
            say(session, seed.status().equals(SessionStatus.STOPPED) ? STOPPED : ActivityScript.last(session, random),
                    until);
            end(session, seed.status(), until);
        }
    }

    // --- lookups -----------------------------------------------------------------------------

    Collection<SimSession> all() {
        return sessions.values();
    }

    Optional<SimSession> find(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    SimSession require(String id) {
        SimSession session = sessions.get(id);
        if (session == null) {
            throw Rejection.notFound("session", id);
        }
        return session;
    }

    /** Sessions of a project named by slug or id; every session for {@code ""}; none for an unknown project. */
    List<SimSession> ofProject(String project) {
        if (project.isEmpty()) {
            return List.copyOf(sessions.values());
        }
        return fleet.findProject(project)
                .map(p -> sessions.values().stream().filter(s -> s.project.equals(p)).toList())
                .orElse(List.of());
    }

    long count(SessionStatus status) {
        return sessions.values().stream().filter(s -> s.status.equals(status)).count();
    }

    int workingOn(String machine) {
        return (int) sessions.values().stream()
                .filter(s -> s.status.equals(SessionStatus.WORKING) && machine.equals(s.machineId))
                .count();
    }

    // --- activity paging ---------------------------------------------------------------------

    /**
     * One page of activity. Without a configured token the caller must prove it knows the raw
     * session id with {@code sessionHash}; with one, the hashed id form is accepted as the id too.
     */
    ActivityListResponse page(String sessionId, @Nullable String sessionHash, @Nullable String after,
            boolean authenticated) {
        SimSession session = authenticated ? findByIdOrHash(sessionId) : sessions.get(sessionId);
        if (session == null || !authenticated && !SessionHash.of(sessionId).equals(sessionHash)) {
            throw Rejection.notFound("session", sessionId);
        }
        int from = after == null ? 0 : Math.min(decodeCursor(after), session.events.size());
        int to = Math.min(from + pageSize, session.events.size());
        List<ActivityEvent> page = List.copyOf(session.events.subList(from, to));
        return new ActivityListResponse(page, page.isEmpty() ? null : encodeCursor(to), session.status);
    }

    private @Nullable SimSession findByIdOrHash(String id) {
        SimSession session = sessions.get(id);
        if (session != null) {
            return session;
        }
        return sessions.values().stream().filter(s -> SessionHash.of(s.id).equals(id)).findFirst().orElse(null);
    }

    /** Events after a reconnect hint: the cursor when given, else the event id, else all of them. */
    int missedEvents(SimSession session, @Nullable String cursor, @Nullable String lastEventId) {
        if (cursor != null) {
            return Math.max(0, session.events.size() - decodeCursor(cursor));
        }
        if (lastEventId != null) {
            for (int i = 0; i < session.events.size(); i++) {
                if (session.events.get(i).id().equals(lastEventId)) {
                    return session.events.size() - i - 1;
                }
            }
        }
        return session.events.size();
    }

    static String encodeCursor(int sequence) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + sequence).getBytes(StandardCharsets.UTF_8));
    }

    static int decodeCursor(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(CURSOR_PREFIX)) {
                int sequence = Integer.parseInt(text.substring(CURSOR_PREFIX.length()));
                if (sequence >= 0) {
                    return sequence;
                }
            }
        }
        catch (IllegalArgumentException e) {
            // falls through to the rejection: NumberFormatException is an IllegalArgumentException
        }
        throw Rejection.badRequest("invalid cursor");
    }

    // --- changes -----------------------------------------------------------------------------

    /** A task submitted to the work queue becomes a queued session of the default project. */
    SimSession submit(String issueId, String description, String workType, int priority) {
        Instant now = clock.instant();
        String title = description.isEmpty() ? "Task " + issueId : description;
        SimSession session = new SimSession(SeededIds.uuid(random), issueId, title, fleet.defaultProject(),
                workType.isEmpty() ? "development" : workType, null, priority == 0 ? 3 : priority, now);
        session.queuedAt = now;
        sessions.put(session.id, session);
        return session;
    }

    /** Stops a session that has not ended; the status before. */
    SessionStatus stop(SimSession session) {
        SessionStatus previous = session.status;
        if (!session.isTerminal()) {
            say(session, STOPPED, clock.instant());
            end(session, SessionStatus.STOPPED, clock.instant());
        }
        return previous;
    }

    /** Hands an operator prompt to a session that has not ended; whether it was delivered. */
    boolean deliverPrompt(SimSession session, String prompt) {
        if (session.isTerminal()) {
            return false;
        }
        say(session, new ActivityScript.Line(ActivityType.PROGRESS, "Prompt received from operator: " + prompt, null),
                clock.instant());
        return true;
    }

    ActivityEvent publish(SimSession session, ActivityType type, String content) {
        return say(session, new ActivityScript.Line(type, content, null), clock.instant());
    }

    void finish(SimSession session, SessionStatus outcome) {
        if (!isTerminal(outcome)) {
            throw new IllegalArgumentException("not a terminal status: " + outcome);
        }
        if (!session.isTerminal()) {
            session.plannedOutcome = outcome;
            say(session, outcome.equals(SessionStatus.STOPPED) ? STOPPED : ActivityScript.last(session, random),
                    clock.instant());
            end(session, outcome, clock.instant());
        }
    }

    /**
     * One step of simulated time: queued sessions may start, parked ones may return to the
     * queue, working ones say something or end, and now and then (one tick in fifty) new work
     * arrives, so that a world left running never goes quiet.
     */
    void tick() {
        Instant now = clock.instant();
        if (random.nextInt(50) == 0) {
            List<String> arrival = ARRIVALS.get(arrivals % ARRIVALS.size());
            SimSession session = new SimSession(SeededIds.uuid(random), "REN-" + (133 + arrivals), arrival.get(0),
                    fleet.project(arrival.get(1)), arrival.get(2), null, 2 + random.nextInt(3), now);
            session.queuedAt = now;
            sessions.put(session.id, session);
            arrivals++;
        }
        for (SimSession session : List.copyOf(sessions.values())) {
            int roll = random.nextInt(100);
            if (session.status.equals(SessionStatus.QUEUED) && roll < 35) {
                start(session, now);
            }
            else if (session.status.equals(SessionStatus.PARKED) && roll < 5) {
                session.status = SessionStatus.QUEUED;
                session.queuedAt = now;
            }
            else if (session.status.equals(SessionStatus.WORKING) && roll < 60) {
                if (session.events.size() + 1 >= session.plannedEvents) {
                    say(session, ActivityScript.last(session, random), now);
                    end(session, session.plannedOutcome, now);
                }
                else {
                    say(session, ActivityScript.next(session, random), now);
                }
            }
        }
    }

    private void start(SimSession session, Instant now) {
        Optional<Fleet.Machine> machine = fleet.machines.stream()
                .filter(m -> !m.draining() && workingOn(m.id()) < m.capacity().maxConcurrentSessions())
                .min(Comparator.comparingInt(m -> workingOn(m.id())));
        if (machine.isEmpty()) {
            return;
        }
        if (session.provider == null) {
            session.provider = PROVIDERS.get(random.nextInt(PROVIDERS.size()));
        }
        session.status = SessionStatus.WORKING;
        session.plannedOutcome = random.nextInt(100) < 80 ? SessionStatus.COMPLETED : SessionStatus.FAILED;
        begin(session, machine.get().id(), now);
        session.plannedEvents = session.events.size() + 6 + random.nextInt(9);
    }

    private void begin(SimSession session, String machine, Instant at) {
        session.startedAt = at;
        session.machineId = machine;
        if (session.tracksCost()) {
            session.costUsd = 0.0;
            session.inputTokens = 0;
            session.outputTokens = 0;
        }
        session.workareaId = pool.acquire(machine, session.project, session.id, at);
        say(session, new ActivityScript.Line(ActivityType.PROGRESS, "Routed to " + session.provider + " on " + machine
                + "; workarea " + (session.workareaId == null ? "cloned cold" : session.workareaId + " acquired (pool-warm)"),
                null), at);
    }

    private ActivityEvent say(SimSession session, ActivityScript.Line line, Instant at) {
        if (session.costUsd != null && session.inputTokens != null && session.outputTokens != null) {
            session.costUsd = Math.round((session.costUsd + 0.02 + random.nextInt(10) / 100.0) * 10_000) / 10_000.0;
            session.inputTokens += 2_000 + random.nextInt(7_000);
            session.outputTokens += 200 + random.nextInt(1_300);
        }
        return session.append(line.type(), line.content(), line.toolName(), at);
    }

    private void end(SimSession session, SessionStatus outcome, Instant at) {
        session.status = outcome;
        session.endedAt = at;
        pool.release(session.workareaId);
    }

    /** Every session in creation order. */
    List<SimSession> list() {
        return new ArrayList<>(sessions.values());
    }
}
