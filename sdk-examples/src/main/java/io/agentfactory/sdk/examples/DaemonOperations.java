package io.agentfactory.sdk.examples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.daemon.DaemonActionResponse;
import io.agentfactory.sdk.daemon.DaemonClient;
import io.agentfactory.sdk.daemon.DaemonStatus;
import io.agentfactory.sdk.daemon.DaemonStatusResponse;
import io.agentfactory.sdk.error.ConflictException;

/**
 * Example 4 — daemon operations: status, pause, drain, resume, checking the daemon's state after
 * every step. A step the daemon's state forbids answers 409, a typed
 * {@link ConflictException} handled like any other outcome (here: pausing twice).
 *
 * <pre>{@code
 * ./mvnw -q -B -Pdemo -DskipTests verify -Ddemo.mainClass=io.agentfactory.sdk.examples.DaemonOperations
 * }</pre>
 */
public final class DaemonOperations {

    /**
     * One action and what followed.
     *
     * @param action what was asked
     * @param accepted whether the daemon accepted it (false: it answered 409)
     * @param message the daemon's message
     * @param expected the status the daemon should be in afterwards
     * @param statusAfter the status it reported afterwards
     */
    public record Step(String action, boolean accepted, String message, DaemonStatus expected, DaemonStatus statusAfter) {

        /** Whether the daemon ended up where it should. */
        public boolean passed() {
            return statusAfter.equals(expected);
        }
    }

    /**
     * The status before, then each step.
     *
     * @param before the status snapshot before any action
     * @param steps the actions in order
     */
    public record Report(DaemonStatusResponse before, List<Step> steps) {

        /** Whether every step left the daemon in the expected state. */
        public boolean passed() {
            return steps.stream().allMatch(Step::passed);
        }
    }

    private final DaemonClient daemon;

    /** Operations on {@code daemon}. */
    public DaemonOperations(DaemonClient daemon) {
        this.daemon = daemon;
    }

    /**
     * Pauses the daemon (it stops taking new sessions), tries to pause it again (refused: 409),
     * drains in-flight work within {@code drainTimeoutSeconds} (0: the daemon's default), and
     * resumes. Steps run one after the other ({@code Flux.concat}); each is followed by
     * {@code GET /api/daemon/status}.
     *
     * @return the report, or an {@link IllegalStateException} when the daemon is not {@code ready} to begin with
     */
    public Mono<Report> pauseDrainResume(int drainTimeoutSeconds) {
        return daemon.getStatus().flatMap(before -> {
            if (!before.status().equals(DaemonStatus.READY)) {
                return Mono.error(new IllegalStateException("the daemon is " + before.status() + "; this example starts from ready"));
            }
            return Flux.concat(
                            step("pause", daemon.pause(), DaemonStatus.PAUSED),
                            step("pause again", daemon.pause(), DaemonStatus.PAUSED),
                            step("drain", daemon.drain(drainTimeoutSeconds, drainDeadline(drainTimeoutSeconds)),
                                    DaemonStatus.DRAINING),
                            step("resume", daemon.resume(), DaemonStatus.READY))
                    .collectList()
                    .map(steps -> new Report(before, steps));
        });
    }

    /**
     * How long to wait for a drain: it legitimately outlives an ordinary call, so it gets its own
     * deadline, the drain's timeout (the daemon's 5-minute default for 0) plus a margin for the answer.
     */
    static Duration drainDeadline(int drainTimeoutSeconds) {
        return Duration.ofSeconds(drainTimeoutSeconds == 0 ? 300 : drainTimeoutSeconds).plusSeconds(30);
    }

    /** Runs {@code action}; a 409 is an outcome, not a failure. Then reads the status. */
    private Mono<Step> step(String name, Mono<DaemonActionResponse> action, DaemonStatus expected) {
        return action
                .map(response -> new Outcome(true, response.message()))
                .onErrorResume(ConflictException.class, refused -> Mono.just(new Outcome(false, refused.serverMessage())))
                .flatMap(outcome -> daemon.getStatus().map(status ->
                        new Step(name, outcome.accepted(), outcome.message(), expected, status.status())));
    }

    private record Outcome(boolean accepted, String message) {
    }

    /** The report as lines. */
    public static List<String> render(Report report) {
        DaemonStatusResponse before = report.before();
        TextTable table = TextTable.of("ACTION", "ANSWER", "STATUS AFTER", "CHECK", "DAEMON SAYS");
        for (Step step : report.steps()) {
            table.row(step.action(), step.accepted() ? "200 ok" : "409 refused", step.statusAfter(),
                    step.passed() ? "ok" : "expected " + step.expected(), step.message());
        }
        List<String> lines = new ArrayList<>();
        lines.add("Daemon " + before.version() + " on " + before.machineId() + " (pid " + before.pid() + ", up "
                + TextTable.seconds(before.uptimeSeconds()) + "): " + before.status() + ", " + before.activeSessions()
                + "/" + before.maxSessions() + " sessions, " + before.projectsAllowed() + " projects allowed");
        lines.addAll(table.lines(2));
        return lines;
    }

    /** Runs the sequence with the daemon's default drain timeout; against a real daemon only with {@code --allow-changes}. */
    static boolean run(ExampleServices services, Consumer<String> out) {
        if (!services.mayChangeServices()) {
            out.accept("Skipped: this pauses and drains a real daemon; pass --allow-changes to run it.");
            return true;
        }
        Report report = new DaemonOperations(services.daemon()).pauseDrainResume(0).block();
        render(report).forEach(out);
        return report.passed();
    }

    /** Runs the example alone (see {@link ExampleServices}; {@code --allow-changes} against a real daemon). */
    public static void main(String[] args) {
        Example.launch(args, DaemonOperations::run);
    }
}
