package io.agentfactory.sdk.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The guided tour: the nine examples in order, against the embedded simulator unless flags or
 * environment variables name real services (see {@link ExampleServices}). Exits 0 when every
 * example ran and passed its checks, 1 otherwise, 2 for bad arguments (see {@link Example#exitStatus}).
 *
 * <pre>{@code
 * ./mvnw -q -B -Pdemo -DskipTests verify
 * }</pre>
 */
public final class Demo {

    /**
     * One stop of the tour.
     *
     * @param title what it shows
     * @param className the class to run it alone
     * @param example the example
     * @param needsCoordinator whether it talks to the coordinator (else only to the daemon and daemon.yaml)
     */
    record Chapter(String title, String className, Example example, boolean needsCoordinator) {
    }

    /** The tour, in order. */
    static final List<Chapter> CHAPTERS = List.of(
            new Chapter("Fleet dashboard: four reads in parallel with Mono.zip", "FleetDashboard", FleetDashboard::run, true),
            new Chapter("Follow a session live, stop, resume from the saved point", "FollowSession", FollowSession::run, true),
            new Chapter("Stream a million-entry workarea diff with backpressure, in constant memory", "LargeDiffStream", LargeDiffStream::run, false),
            new Chapter("Daemon operations: status, pause, drain, resume", "DaemonOperations", DaemonOperations::run, false),
            new Chapter("Kit install: the trust gate, then allowed-this-once", "KitInstall", KitInstall::run, false),
            new Chapter("Allow a project: edit daemon.yaml safely", "AllowProject", AllowProject::run, false),
            new Chapter("Resilience: retries, Retry-After, timeouts, typed errors", "Resilience", Resilience::run, true),
            new Chapter("Kotlin coroutines: awaitSingle() and asFlow()", "KotlinCaller", KotlinCaller::run, true),
            // --- CodeSearch ---
            new Chapter("Code search: a symbol, a phrase, a duplicate, a refresh after an edit", "CodeSearch",
                    CodeSearch::run, false));

    private Demo() {
    }

    /** Runs the tour (see {@link ExampleServices} for the flags) and exits 0 when every example passed. */
    public static void main(String[] args) {
        Example.launch(args, Demo::tour);
    }

    /**
     * Runs every chapter, printing to {@code out}, and a closing line; blocks until done. An example
     * that fails or whose checks fail does not stop the tour.
     *
     * @return whether every example passed
     */
    static boolean tour(ExampleServices services, Consumer<String> out) {
        long tourStart = System.nanoTime();
        List<String> failed = new ArrayList<>();
        out.accept("AgentFactory reactive Java SDK: a guided tour of " + CHAPTERS.size() + " examples");
        for (int i = 0; i < CHAPTERS.size(); i++) {
            Chapter chapter = CHAPTERS.get(i);
            out.accept("");
            out.accept("== " + (i + 1) + "/" + CHAPTERS.size() + "  " + chapter.title() + "  (" + chapter.className() + ")");
            long start = System.nanoTime();
            String verdict;
            try {
                if (chapter.needsCoordinator() && !services.hasCoordinator()) {
                    out.accept("Skipped: no coordinator configured (--coordinator-url or "
                            + ExampleServices.ENV_COORDINATOR_URL + ")");
                    verdict = "ok";
                }
                else {
                    verdict = chapter.example().run(services, out) ? "ok" : "CHECKS FAILED";
                }
            }
            catch (RuntimeException e) {
                verdict = "FAILED: " + Example.describe(e);
            }
            if (!verdict.equals("ok")) {
                failed.add(chapter.className());
            }
            out.accept(String.format(Locale.ROOT, "-- %s in %.1f s", verdict, (System.nanoTime() - start) / 1e9));
        }
        out.accept("");
        out.accept(String.format(Locale.ROOT, "%d of %d examples passed in %.1f s%s", CHAPTERS.size() - failed.size(),
                CHAPTERS.size(), (System.nanoTime() - tourStart) / 1e9, failed.isEmpty() ? "" : "; failed: " + failed));
        return failed.isEmpty();
    }
}
