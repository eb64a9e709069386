package io.agentfactory.sdk.reactor.orchestrator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.orchestrator.AgentHarness;
import io.agentfactory.sdk.orchestrator.AgentOutcome;
import io.agentfactory.sdk.orchestrator.AgentSession;
import io.agentfactory.sdk.orchestrator.AgentStarted;
import io.agentfactory.sdk.orchestrator.AgentSpec;
import io.agentfactory.sdk.orchestrator.DispatchOutcome;
import io.agentfactory.sdk.orchestrator.FailureKind;
import io.agentfactory.sdk.orchestrator.Issue;
import io.agentfactory.sdk.orchestrator.IssueClaimer;
import io.agentfactory.sdk.orchestrator.WorkLoopOptions;
import io.agentfactory.sdk.orchestrator.WorkLoopSummary;
import io.agentfactory.sdk.repoconfig.RepositoryConfig;

/**
 * The local orchestrator's work loop: issues in, exactly one {@link DispatchOutcome} per issue out,
 * at most {@link WorkLoopOptions#maxInFlight()} agent sessions at a time.
 *
 * <p>For each issue, in order: a project outside the repository's allow-list is skipped; in a dry
 * run the issue is skipped; an issue another loop has claimed is skipped; otherwise one session
 * runs ({@link TerminalAwaiter#runSession}) and its outcome — completed, failed, timed out — is the
 * issue's. Agent failures are outcomes, never errors. The returned {@code Flux} fails only when the
 * harness cannot be resolved (a configuration error, before any issue is read) or the issue source
 * fails (after the dispatches in flight have ended). Cancelling it stops every agent in flight
 * (SIGTERM, then SIGKILL after the harness's grace period).
 *
 * <pre>{@code
 * WorkLoop loop = WorkLoop.builder(AgentHarnesses.resolve(HarnessChoice.AUTO, HarnessOptions.defaults()), gitRoot)
 *         .options(WorkLoopOptions.defaults().withMaxInFlight(3).withDispatchDeadline(Duration.ofMinutes(30)))
 *         .build();
 * loop.run(linear.backlog("Alpha")).subscribe(outcome -> ...);
 * }</pre>
 */
public final class WorkLoop {

    private static final Logger log = LoggerFactory.getLogger(WorkLoop.class);

    private final Mono<AgentHarness> harness;
    private final Function<Issue, AgentSpec> specs;
    private final WorkLoopOptions options;
    private final @Nullable IssueClaimer claimer;
    private final @Nullable RepositoryConfig repository;
    private final Duration stopTimeout;
    private final Publisher<?> interrupt;
    private final Clock clock;
    private final Consumer<AgentStarted> onStarted;

    private WorkLoop(Builder b) {
        this.harness = b.harness;
        this.specs = b.specs;
        this.options = b.options;
        this.claimer = b.claimer;
        this.repository = b.repository;
        this.stopTimeout = b.stopTimeout;
        this.interrupt = b.interrupt;
        this.clock = b.clock;
        this.onStarted = b.onStarted;
    }

    /**
     * A builder running agents from {@code harness} (resolved once per run) in {@code workingDirectory},
     * with {@link AgentSpec#forIssue} specs.
     */
    public static Builder builder(Mono<AgentHarness> harness, Path workingDirectory) {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        return new Builder(harness, issue -> AgentSpec.forIssue(issue, workingDirectory));
    }

    /** The options. */
    public WorkLoopOptions options() {
        return options;
    }

    /**
     * Runs every issue of {@code issues}; emits each outcome as it is reached (completion order).
     * Issues are requested from the source only as slots free up.
     */
    public Flux<DispatchOutcome> run(Flux<Issue> issues) {
        if (options.dryRun()) {
            return issues.concatMap(issue -> Mono.fromSupplier(() -> guarded(issue, "dry run")));
        }
        Flux<Issue> admitted = issues.takeUntilOther(Flux.from(interrupt).take(1));
        return harness.cache().flatMapMany(agent -> admitted.flatMapDelayError(issue -> dispatch(agent, issue),
                options.maxInFlight(), 1));
    }

    /** Runs every issue and gives the summary once the last outcome is in. */
    public Mono<WorkLoopSummary> runToSummary(Flux<Issue> issues) {
        return Mono.defer(() -> {
            Instant start = clock.instant();
            return run(issues).collectList()
                    .map(outcomes -> new WorkLoopSummary(outcomes, Duration.between(start, clock.instant())));
        });
    }

    /** The skipped outcome for an issue outside the allow-list, else one for {@code reason}. */
    private DispatchOutcome guarded(Issue issue, String reason) {
        String refusal = refusal(issue);
        if (refusal == null) {
            log.debug("dry-run: would dispatch {} ({})", issue.displayName(), issue.title());
        }
        return DispatchOutcome.skipped(issue, refusal == null ? reason : refusal, clock.instant());
    }

    private @Nullable String refusal(Issue issue) {
        if (repository == null || repository.isProjectAllowed(issue.project())) {
            return null;
        }
        return "project \"" + issue.project() + "\" is not in allowedProjects";
    }

    private Mono<DispatchOutcome> dispatch(AgentHarness agent, Issue issue) {
        return Mono.defer(() -> {
            String refusal = refusal(issue);
            if (refusal != null) {
                return Mono.just(DispatchOutcome.skipped(issue, refusal, clock.instant()));
            }
            if (claimer == null) {
                return runAgent(agent, issue);
            }
            return claimer.claim(issue, options.owner())
                    .onErrorResume(e -> {
                        log.warn("claim of {} failed: {}", issue.displayName(), e.toString());
                        return Mono.just(false);
                    })
                    .flatMap(claimed -> claimed ? runAgent(agent, issue).flatMap(outcome -> settle(issue, outcome))
                            : Mono.just(DispatchOutcome.skipped(issue, "claimed by another loop", clock.instant())));
        });
    }

    private Mono<DispatchOutcome> runAgent(AgentHarness agent, Issue issue) {
        return Mono.defer(() -> {
            Instant started = clock.instant();
            AgentSpec spec;
            try {
                spec = specs.apply(issue);
            }
            catch (RuntimeException e) {
                return Mono.just(DispatchOutcome.of(issue, agent.name(),
                        AgentOutcome.failed(FailureKind.SPAWN_FAILED, "agent spec: " + e.getMessage(), ""), started,
                        started));
            }
            log.debug("dispatching {} to {}", issue.displayName(), agent.name());
            Mono<AgentSession> spawn = agent.spawn(spec).doOnNext(session -> started(issue, agent, session));
            return TerminalAwaiter.runSession(spawn, options.dispatchDeadline(), interrupt, stopTimeout)
                    .map(outcome -> DispatchOutcome.of(issue, agent.name(), outcome, started, clock.instant()))
                    .doOnNext(outcome -> log.debug("{} {}: {}", issue.displayName(), outcome.status(),
                            outcome.message()));
        });
    }

    private void started(Issue issue, AgentHarness agent, AgentSession session) {
        try {
            onStarted.accept(new AgentStarted(issue, agent.name(), session.pid(), clock.instant()));
        }
        catch (RuntimeException e) {
            log.warn("the agent-started listener failed: {}", e.toString());
        }
    }

    private Mono<DispatchOutcome> settle(Issue issue, DispatchOutcome outcome) {
        IssueClaimer c = Objects.requireNonNull(claimer);
        return c.release(issue, options.owner(), outcome)
                .onErrorResume(e -> {
                    log.warn("releasing the claim of {} failed: {}", issue.displayName(), e.toString());
                    return Mono.empty();
                })
                .thenReturn(outcome);
    }

    /** Builds a {@link WorkLoop}. */
    public static final class Builder {

        private final Mono<AgentHarness> harness;
        private Function<Issue, AgentSpec> specs;
        private WorkLoopOptions options = WorkLoopOptions.defaults();
        private @Nullable IssueClaimer claimer;
        private @Nullable RepositoryConfig repository;
        private Duration stopTimeout = Duration.ofSeconds(15);
        private Publisher<?> interrupt = Mono.never();
        private Clock clock = Clock.systemUTC();
        private Consumer<AgentStarted> onStarted = started -> { };

        private Builder(Mono<AgentHarness> harness, Function<Issue, AgentSpec> specs) {
            this.harness = Objects.requireNonNull(harness, "harness");
            this.specs = specs;
        }

        /** Concurrency, dry run, deadline, owner name. */
        public Builder options(WorkLoopOptions value) {
            this.options = Objects.requireNonNull(value, "options");
            return this;
        }

        /** How each issue's session is specified (default {@link AgentSpec#forIssue}). */
        public Builder specs(Function<Issue, AgentSpec> value) {
            this.specs = Objects.requireNonNull(value, "specs");
            return this;
        }

        /** Claims each issue before running it, so that loops sharing the claimer never take the same issue. */
        public Builder claimer(@Nullable IssueClaimer value) {
            this.claimer = value;
            return this;
        }

        /** Skips issues of projects the repository's configuration does not allow. */
        public Builder repository(@Nullable RepositoryConfig value) {
            this.repository = value;
            return this;
        }

        /** How long stopping an agent may take before its outcome says stopping failed (default 15 s). */
        public Builder stopTimeout(Duration value) {
            this.stopTimeout = Objects.requireNonNull(value, "stopTimeout");
            return this;
        }

        /**
         * When {@code signal} emits, every session in flight is stopped and ends as a
         * {@link FailureKind#CANCELLED} outcome (unlike cancelling the subscription, this still
         * reports the outcomes).
         */
        public Builder interruptOn(Publisher<?> signal) {
            this.interrupt = Objects.requireNonNull(signal, "signal");
            return this;
        }

        /** The clock outcomes are timed with. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Called (on the thread that started the process) each time an agent session has started;
         * for progress output. A listener that throws is logged and ignored.
         */
        public Builder onAgentStarted(Consumer<AgentStarted> listener) {
            this.onStarted = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The loop. */
        public WorkLoop build() {
            return new WorkLoop(this);
        }
    }
}
