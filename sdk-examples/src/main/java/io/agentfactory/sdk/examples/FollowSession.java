package io.agentfactory.sdk.examples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.coordinator.CoordinatorClient;
import io.agentfactory.sdk.examples.simulator.SimulatedIds;
import io.agentfactory.sdk.session.ActivityEvent;
import io.agentfactory.sdk.session.ActivityFollowRequest;
import io.agentfactory.sdk.session.ActivityListResponse;
import io.agentfactory.sdk.session.ActivityResumePoint;
import io.agentfactory.sdk.session.FollowedActivity;
import io.agentfactory.sdk.session.SessionResponse;
import io.agentfactory.sdk.session.SessionStatus;

/**
 * Example 2 — follow a session's activity live, stop after a few events, and resume later from
 * the saved {@link ActivityResumePoint} without a duplicate or a gap. The proof: the events of both
 * runs, in order, are exactly the session's feed read again from its first page.
 *
 * <pre>{@code
 * ./mvnw -q -B -Pdemo -DskipTests verify -Ddemo.mainClass=io.agentfactory.sdk.examples.FollowSession
 * }</pre>
 */
public final class FollowSession {

    /**
     * What the two runs delivered.
     *
     * @param sessionId the followed session
     * @param beforeStop the events of the first run, stopped after a few
     * @param savedPoint the resume point saved when stopping; {@code null} when nothing was delivered
     * @param afterResume the events of the resumed run, until the session ended (or the time limit)
     * @param feed the session's event ids read again page by page from the first, once both runs were over
     * @param finalStatus the session's status as of the last page
     */
    public record Report(String sessionId, List<FollowedActivity> beforeStop, @Nullable ActivityResumePoint savedPoint,
            List<FollowedActivity> afterResume, List<String> feed, SessionStatus finalStatus) {

        /** The ids of every event delivered, in order: the first run, then the resumed one. */
        public List<String> deliveredIds() {
            List<String> ids = new ArrayList<>();
            beforeStop.forEach(a -> ids.add(a.event().id()));
            afterResume.forEach(a -> ids.add(a.event().id()));
            return ids;
        }

        /** No event was delivered twice. */
        public boolean noDuplicates() {
            return new HashSet<>(deliveredIds()).size() == deliveredIds().size();
        }

        /**
         * No event was skipped: what was delivered is the start of the feed, in order, and all of it
         * when the session ended.
         */
        public boolean noGap() {
            List<String> delivered = deliveredIds();
            boolean prefix = delivered.size() <= feed.size() && feed.subList(0, delivered.size()).equals(delivered);
            return prefix && (!finalStatus.isTerminal() || delivered.size() == feed.size());
        }
    }

    private final CoordinatorClient coordinator;
    private final Duration pollInterval;
    private final Consumer<String> out;

    /**
     * @param coordinator the coordinator
     * @param pollInterval how long to wait after a page with nothing new
     * @param out where each event is printed as it arrives (called on the client's threads)
     */
    public FollowSession(CoordinatorClient coordinator, Duration pollInterval, Consumer<String> out) {
        this.coordinator = coordinator;
        this.pollInterval = pollInterval;
        this.out = out;
    }

    /**
     * Follows {@code sessionId}, stops after {@code eventsBeforeStop} events, waits {@code stopFor}
     * while the session goes on, then resumes from the saved point until the session ends or
     * {@code followFor} has passed, and finally reads the whole feed again to check the result.
     */
    public Mono<Report> followStopAndResume(String sessionId, int eventsBeforeStop, Duration stopFor,
            Duration followFor) {
        ActivityFollowRequest request = ActivityFollowRequest.of(sessionId).withPollInterval(pollInterval);
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return printed(coordinator.followActivities(request), start)
                    .take(eventsBeforeStop)                 // cancels the follow: polling stops at once
                    .collectList()
                    .flatMap(first -> {
                        // What an application would persist (a database row, a file) to resume after a restart.
                        ActivityResumePoint saved = first.isEmpty() ? null : first.get(first.size() - 1).resumePoint();
                        out.accept("  -- stopped after " + first.size() + " events; saved the resume point (after event "
                                + shortId(saved == null ? null : saved.lastEventId()) + ") --");
                        return Mono.delay(stopFor)
                                .doOnNext(x -> out.accept("  -- resuming from the saved point, " + stopFor.toMillis()
                                        + " ms later --"))
                                .then(printed(coordinator.followActivities(request.resumeFrom(saved)), start)
                                        .take(followFor)
                                        .collectList())
                                .zipWhen(rest -> feed(sessionId).collectList(),
                                        (rest, feed) -> new Report(sessionId, first, saved, rest, feed, lastStatus(first, rest)));
                    });
        });
    }

    private Flux<FollowedActivity> printed(Flux<FollowedActivity> activities, long startNanos) {
        return activities.doOnNext(activity -> out.accept(line(activity, startNanos)));
    }

    /**
     * Every event id of the session so far, read page by page with {@code getActivities}: the next
     * page is asked for only once the previous one is consumed ({@code expand}), and the feed ends
     * at the first page that brings nothing newer.
     */
    Flux<String> feed(String sessionId) {
        return coordinator.getActivities(sessionId, null)
                .expand(page -> hasMore(page) ? coordinator.getActivities(sessionId, page.cursor()) : Mono.empty())
                .concatMapIterable(ActivityListResponse::activities)
                .map(ActivityEvent::id);
    }

    private static boolean hasMore(ActivityListResponse page) {
        return page.cursor() != null && !page.activities().isEmpty();
    }

    private static SessionStatus lastStatus(List<FollowedActivity> first, List<FollowedActivity> rest) {
        List<FollowedActivity> last = rest.isEmpty() ? first : rest;
        return last.isEmpty() ? SessionStatus.of("") : last.get(last.size() - 1).sessionStatus();
    }

    /** An event as a line: seconds since the follow began, the session's status, the event. */
    static String line(FollowedActivity activity, long startNanos) {
        ActivityEvent event = activity.event();
        String tool = event.toolName() == null ? "" : event.toolName() + " ";
        return String.format(Locale.ROOT, "  %5.2f s  %-9s %-8s %s", (System.nanoTime() - startNanos) / 1e9,
                activity.sessionStatus(), event.type(), TextTable.clip(tool + event.content(), 72));
    }

    private static String shortId(@Nullable String id) {
        return id == null ? "(none)" : id.length() <= 12 ? id : id.substring(0, 12) + "…";
    }

    /**
     * Follows the session {@code --session} names, else (simulator) the working session REN-121
     * while the simulated fleet runs in real time, else (real services) the first working session.
     * Checks: no duplicate and no gap.
     */
    static boolean run(ExampleServices services, Consumer<String> out) {
        int events = (int) services.arguments().number("events", 5);
        boolean simulated = services.simulator().isPresent();
        String sessionId = services.arguments().value("session")
                .or(() -> services.simulator().map(sim -> sim.sessionId(SimulatedIds.WORKING_SESSION)))
                .orElseGet(() -> firstWorkingSession(services.coordinator()));
        // The simulator's world moves only when ticked: run it in real time while we follow.
        services.simulator().ifPresent(sim -> sim.startTicker(Duration.ofMillis(250)));
        try {
            String name = services.simulator().flatMap(sim -> sim.session(sessionId))
                    .map(session -> session.identifier() + " (" + sessionId + ")").orElse(sessionId);
            out.accept("Following session " + name + " live (stop after " + events + " events, then resume)");
            FollowSession follow = new FollowSession(services.coordinator(),
                    simulated ? Duration.ofMillis(200) : ActivityFollowRequest.DEFAULT_POLL_INTERVAL, out);
            Report report = follow.followStopAndResume(sessionId, events,
                    simulated ? Duration.ofMillis(400) : Duration.ofSeconds(5),
                    simulated ? Duration.ofSeconds(60) : Duration.ofSeconds(30)).block();
            out.accept("Delivered " + report.beforeStop().size() + " + " + report.afterResume().size() + " events; feed has "
                    + report.feed().size() + "; session " + report.finalStatus() + "; duplicates: "
                    + (report.noDuplicates() ? "none" : "YES") + "; gaps: " + (report.noGap() ? "none" : "YES"));
            return report.noDuplicates() && report.noGap();
        }
        finally {
            services.simulator().ifPresent(sim -> sim.stopTicker());
        }
    }

    private static String firstWorkingSession(CoordinatorClient coordinator) {
        List<SessionResponse> sessions = coordinator.getSessions().block().sessions();
        return sessions.stream().filter(s -> s.status().equals(SessionStatus.WORKING)).findFirst()
                .or(() -> sessions.stream().findFirst())
                .map(SessionResponse::id)
                .orElseThrow(() -> new IllegalStateException("the coordinator lists no session; pass --session <id>"));
    }

    /** Runs the example alone (see {@link ExampleServices} for the flags; also {@code --session}, {@code --events}). */
    public static void main(String[] args) {
        Example.launch(args, FollowSession::run);
    }
}
