package io.agentfactory.sdk.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.agentfactory.sdk.examples.orchestrator.FakeLinear;
import io.agentfactory.sdk.examples.orchestrator.ScriptedAgent;
import io.agentfactory.sdk.orchestrator.AgentStarted;
import io.agentfactory.sdk.orchestrator.DispatchOutcome;
import io.agentfactory.sdk.orchestrator.DispatchStatus;
import io.agentfactory.sdk.orchestrator.HarnessChoice;
import io.agentfactory.sdk.orchestrator.Issue;
import io.agentfactory.sdk.orchestrator.WorkLoopOptions;
import io.agentfactory.sdk.orchestrator.WorkLoopSummary;
import io.agentfactory.sdk.reactor.orchestrator.AgentHarnesses;
import io.agentfactory.sdk.reactor.orchestrator.GitRemoteGuard;
import io.agentfactory.sdk.reactor.orchestrator.HarnessOptions;
import io.agentfactory.sdk.reactor.orchestrator.InProcessIssueClaimer;
import io.agentfactory.sdk.reactor.orchestrator.LinearIssueSource;
import io.agentfactory.sdk.reactor.orchestrator.LinearOptions;
import io.agentfactory.sdk.reactor.orchestrator.ProjectGuard;
import io.agentfactory.sdk.reactor.orchestrator.WorkLoop;
import io.agentfactory.sdk.reactor.repoconfig.RepositoryConfigLoader;
import io.agentfactory.sdk.repoconfig.RepositoryConfig;

/**
 * Example 9 — the local orchestrator: a repository (a temporary git repo whose
 * {@code .donmai/config.yaml} allows project {@code Mobile}), its backlog from Linear (a fake
 * Linear on loopback, read three issues per page), and one agent per issue (a scripted stand-in
 * for {@code claude}, a real child process), at most three at a time, each with a 5 s deadline.
 * It prints each dispatch as it starts and ends, then the summary. One issue fails, one hangs and
 * is stopped at its deadline; every other one completes.
 *
 * <pre>{@code
 * ./mvnw -q -B -Pdemo -DskipTests verify -Ddemo.mainClass=io.agentfactory.sdk.examples.LocalOrchestrator
 * }</pre>
 */
public final class LocalOrchestrator {

    static final String API_KEY = "lin_api_example_key";

    /** The fake Linear's backlog: seven Mobile issues (one fails, one hangs) and one issue of another project. */
    static final List<Issue> BACKLOG = List.of(
            backlog("MOB-101", "Crash when the camera permission is denied"),
            backlog("MOB-102", "Dark mode for the settings screen"),
            backlog("MOB-103", "Flaky login test [fails]"),
            backlog("MOB-104", "Localise the onboarding flow"),
            backlog("MOB-105", "Migrate analytics to the new SDK [hangs]"),
            backlog("MOB-106", "Cache avatars on disk"),
            backlog("MOB-107", "Haptic feedback on pull-to-refresh"),
            new Issue("uuid-web-1", "WEB-9", "Not this repository's project", "", "", "Web", "Backlog", List.of()));

    private LocalOrchestrator() {
    }

    private static Issue backlog(String identifier, String title) {
        return new Issue("uuid-" + identifier.toLowerCase(), identifier, title, "", "https://linear.app/acme/issue/"
                + identifier, "Mobile", "Backlog", List.of());
    }

    /**
     * Runs the loop in a temporary repository under {@code work}, printing to {@code out}; blocks
     * until done.
     *
     * @return whether the outcomes are the expected ones (5 completed, 1 failed, 1 timed out)
     */
    static boolean run(Path work, Consumer<String> out) {
        try (FakeLinear linear = FakeLinear.start(BACKLOG, API_KEY);
                LinearIssueSource source = LinearIssueSource.create(LinearOptions.builder().endpoint(linear.endpoint())
                        .apiKey(API_KEY).pageSize(3).build(Map.of()))) {
            Path repo = repository(work).block(Duration.ofSeconds(60));
            RepositoryConfig config = RepositoryConfigLoader.load(repo).block(Duration.ofSeconds(30));
            GitRemoteGuard.verify(repo, config.repository()).block(Duration.ofSeconds(30));
            out.accept("Repository " + config.repository() + ": git remote checked");
            List<String> projects = ProjectGuard.projectsToRun(null, config);
            out.accept("Projects allowed by .donmai/config.yaml: " + projects);

            HarnessOptions harness = HarnessOptions.builder().claudeCommand(ScriptedAgent.command())
                    .stopGrace(Duration.ofSeconds(2)).build();
            AtomicInteger running = new AtomicInteger();
            WorkLoop loop = WorkLoop.builder(AgentHarnesses.resolve(HarnessChoice.CLAUDE, harness), repo)
                    .options(WorkLoopOptions.defaults().withMaxInFlight(3).withDispatchDeadline(Duration.ofSeconds(5)))
                    .repository(config)
                    .claimer(new InProcessIssueClaimer())
                    .onAgentStarted(started -> out.accept(startedLine(started, running.incrementAndGet())))
                    .build();

            long start = System.nanoTime();
            Flux<Issue> issues = Flux.fromIterable(projects).concatMap(source::backlog);
            List<DispatchOutcome> outcomes = loop.run(issues)
                    .doOnNext(outcome -> out.accept(outcomeLine(outcome, running.decrementAndGet())))
                    .collectList()
                    .block(Duration.ofMinutes(2));
            WorkLoopSummary summary = new WorkLoopSummary(outcomes, Duration.ofNanos(System.nanoTime() - start));

            out.accept("");
            out.accept("Dispatched " + summary.outcomes().size() + " agent(s) in " + seconds(summary.elapsed()) + ": "
                    + summary.completed() + " completed, " + summary.failed() + " failed, " + summary.skipped()
                    + " skipped (" + linear.requestCount() + " GraphQL requests)");
            summary.outcomes().stream()
                    .sorted((a, b) -> a.issue().identifier().compareTo(b.issue().identifier()))
                    .forEach(o -> out.accept("  " + o.issue().identifier() + " — " + o.issue().title() + " ["
                            + o.status().name().toLowerCase() + "]"
                            + (o.status() == DispatchStatus.COMPLETED ? " " + seconds(o.duration()) : "")));
            return summary.completed() == 5 && summary.failed() == 2 && summary.skipped() == 0
                    && outcomes.stream().noneMatch(o -> o.message().contains("leaked"));
        }
    }

    private static String startedLine(AgentStarted started, int inFlight) {
        return "→ " + started.issue().identifier() + " started (" + started.harness() + ", pid "
                + (started.pid().isPresent() ? started.pid().getAsLong() : "?") + "; " + inFlight + " in flight)";
    }

    private static String outcomeLine(DispatchOutcome outcome, int inFlight) {
        String mark = outcome.status() == DispatchStatus.COMPLETED ? "✓" : outcome.status() == DispatchStatus.FAILED
                ? "✗" : "–";
        return mark + " " + outcome.issue().identifier() + " " + outcome.status().name().toLowerCase()
                + (outcome.failure() == null ? "" : " (" + outcome.failure() + ")") + " after "
                + seconds(outcome.duration()) + ": " + outcome.message() + " [exit " + outcome.exitCode() + "; "
                + inFlight + " in flight]";
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    /** A git repository with origin github.com/acme/mobile-app and a config allowing project Mobile. */
    static Mono<Path> repository(Path work) {
        return Mono.fromCallable(() -> {
            Path repo = Files.createDirectories(work.resolve("mobile-app"));
            git(repo, "init", "-q");
            git(repo, "remote", "add", "origin", "git@github.com:acme/mobile-app.git");
            Files.createDirectories(repo.resolve(".donmai"));
            Files.writeString(repo.resolve(RepositoryConfig.FILE), """
                    apiVersion: v1
                    kind: RepositoryConfig
                    repository: github.com/acme/mobile-app
                    allowedProjects: [Mobile]
                    """);
            return repo;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes());
        if (git.waitFor() != 0) {
            throw new UncheckedIOException(new IOException("git " + args[0] + " failed: " + output.strip()));
        }
    }

    /** Runs the example in a temporary directory; exits 0 when its checks passed. */
    public static void main(String[] args) throws IOException {
        Path work = Files.createTempDirectory("agentfactory-orchestrator");
        boolean passed;
        try {
            passed = run(work, System.out::println);
        }
        catch (RuntimeException e) {
            System.out.println("FAILED: " + Example.describe(e));
            passed = false;
        }
        System.exit(passed ? 0 : 1);
    }
}
