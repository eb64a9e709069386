package io.agentfactory.sdk.reactor.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.AgentHarnessUnavailableException;
import io.agentfactory.sdk.error.NotAuthenticatedException;
import io.agentfactory.sdk.error.HttpError;
import io.agentfactory.sdk.orchestrator.AgentHarness;
import io.agentfactory.sdk.orchestrator.AgentStarted;
import io.agentfactory.sdk.orchestrator.DispatchOutcome;
import io.agentfactory.sdk.orchestrator.DispatchStatus;
import io.agentfactory.sdk.orchestrator.FailureKind;
import io.agentfactory.sdk.orchestrator.Issue;
import io.agentfactory.sdk.orchestrator.WorkLoopOptions;
import io.agentfactory.sdk.orchestrator.WorkLoopSummary;
import io.agentfactory.sdk.repoconfig.PackageManager;
import io.agentfactory.sdk.repoconfig.RepositoryConfig;

/** The work loop with real agent processes ({@link FakeAgent}). */
class WorkLoopTest {

    @TempDir
    Path dir;

    private static List<Issue> issues(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> Issue.of("id-" + i, "ENG-" + i, "Issue " + i, "Alpha"))
                .collect(Collectors.toList());
    }

    private CountingHarness harness(String scenario) {
        return new CountingHarness(AgentHarnesses.claude(ProcessHarnessTest.options(scenario).build()).block());
    }

    private WorkLoop.Builder loop(AgentHarness harness, int max) {
        return WorkLoop.builder(Mono.just(harness), dir).options(WorkLoopOptions.defaults().withMaxInFlight(max));
    }

    @Test
    void neverMoreThanMaxInFlightAndEveryIssueGetsAnOutcome() throws Exception {
        Path gates = Files.createDirectories(dir.resolve("gates"));
        CountingHarness harness = harness("gate:" + gates);
        List<DispatchOutcome> outcomes = new CopyOnWriteArrayList<>();
        List<AgentStarted> startedEvents = new CopyOnWriteArrayList<>();
        Disposable run = loop(harness, 3).onAgentStarted(startedEvents::add).build().run(Flux.fromIterable(issues(10)))
                .subscribe(outcomes::add);

        List<String> started = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            while (started.size() < Math.min(i + 3, 10)) {
                String id = harness.started.poll(60, TimeUnit.SECONDS);
                assertThat(id).as("agent %d started", started.size() + 1).isNotNull();
                started.add(id);
            }
            assertThat(harness.inFlight.get()).isLessThanOrEqualTo(3);
            Files.createFile(gates.resolve(started.get(i)));
        }
        Flux.interval(Duration.ofMillis(20)).filter(t -> outcomes.size() == 10).blockFirst(Duration.ofSeconds(60));

        assertThat(outcomes).hasSize(10).allMatch(o -> o.status() == DispatchStatus.COMPLETED);
        assertThat(outcomes).extracting(o -> o.issue().id()).containsExactlyInAnyOrderElementsOf(started);
        assertThat(outcomes).allMatch(o -> o.message().equals("gate " + o.issue().id()) && o.exitCode() == 0);
        assertThat(harness.maxInFlight.get()).isEqualTo(3);
        assertThat(harness.spawns.get()).isEqualTo(10);
        assertThat(startedEvents).hasSize(10).allMatch(e -> e.harness().equals("claude") && e.pid().isPresent());
        assertThat(run.isDisposed()).isTrue();
    }

    @Test
    void cancellingMidRunLeavesNoChildProcessAlive() throws Exception {
        CountingHarness harness = harness("hang");
        Disposable run = loop(harness, 3).build().run(Flux.fromIterable(issues(5))).subscribe();
        List<Long> pids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            assertThat(harness.started.poll(60, TimeUnit.SECONDS)).isNotNull();
            pids.add(harness.pids.poll(10, TimeUnit.SECONDS));
        }
        assertThat(pids).allMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));

        run.dispose();

        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(20, TimeUnit.SECONDS).join());
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        }
        assertThat(harness.spawns.get()).isEqualTo(3);
    }

    @Test
    void aDispatchPastItsDeadlineIsStoppedThenReportedTimedOut() {
        CountingHarness harness = harness("hang");
        WorkLoop loop = WorkLoop.builder(Mono.just(harness), dir)
                .options(WorkLoopOptions.defaults().withDispatchDeadline(Duration.ofSeconds(3))).build();

        DispatchOutcome outcome = loop.run(Flux.fromIterable(issues(1))).blockLast(Duration.ofSeconds(60));

        assertThat(outcome.status()).isEqualTo(DispatchStatus.FAILED);
        assertThat(outcome.failure()).isEqualTo(FailureKind.TIMED_OUT);
        assertThat(outcome.message()).isEqualTo("timed out after PT3S");
        long pid = harness.pids.peek();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(harness.inFlight.get()).isZero();
    }

    @Test
    void anInterruptStopsEveryAgentAndReportsEachAsCancelled() throws Exception {
        CountingHarness harness = harness("hang");
        Sinks.One<Boolean> interrupt = Sinks.one();
        WorkLoop loop = loop(harness, 3).interruptOn(interrupt.asMono()).build();
        List<DispatchOutcome> outcomes = new CopyOnWriteArrayList<>();
        Mono<WorkLoopSummary> summary = loop.runToSummary(Flux.fromIterable(issues(3))).cache();
        summary.subscribe();
        for (int i = 0; i < 3; i++) {
            assertThat(harness.started.poll(60, TimeUnit.SECONDS)).isNotNull();
        }

        interrupt.tryEmitValue(true);

        WorkLoopSummary result = summary.block(Duration.ofSeconds(60));
        outcomes.addAll(result.outcomes());
        assertThat(outcomes).hasSize(3).allMatch(o -> o.failure() == FailureKind.CANCELLED
                && o.message().equals("dispatch canceled"));
        assertThat(result.failed()).isEqualTo(3);
        assertThat(harness.inFlight.get()).isZero();
    }

    @Test
    void aDryRunSkipsEveryIssueAndStartsNothing() {
        AtomicBoolean resolved = new AtomicBoolean();
        WorkLoop loop = WorkLoop.builder(Mono.fromSupplier(() -> {
                    resolved.set(true);
                    return (AgentHarness) null;
                }), dir).options(WorkLoopOptions.defaults().withDryRun(true)).build();

        WorkLoopSummary summary = loop.runToSummary(Flux.fromIterable(issues(2))).block(Duration.ofSeconds(10));

        assertThat(summary.outcomes()).extracting(DispatchOutcome::status, DispatchOutcome::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DispatchStatus.SKIPPED, "dry run"),
                        org.assertj.core.groups.Tuple.tuple(DispatchStatus.SKIPPED, "dry run"));
        assertThat(summary.skipped()).isEqualTo(2);
        assertThat(resolved).isFalse();
    }

    @Test
    void anIssueOfAProjectOutsideTheAllowListIsSkippedNotRun() {
        CountingHarness harness = harness("success");
        RepositoryConfig config = new RepositoryConfig("v1", RepositoryConfig.KIND, "", List.of("AllowedProject"),
                Map.of(), List.of(), PackageManager.UNSET, "", "", "", "");
        Issue allowed = Issue.of("a", "ENG-1", "ok", "AllowedProject");
        Issue refused = Issue.of("b", "ENG-2", "no", "NotAllowed");

        List<DispatchOutcome> outcomes = loop(harness, 3).repository(config).build()
                .run(Flux.just(allowed, refused)).collectList().block(Duration.ofSeconds(60));

        assertThat(outcomes).filteredOn(o -> o.issue().equals(refused)).singleElement()
                .satisfies(o -> {
                    assertThat(o.status()).isEqualTo(DispatchStatus.SKIPPED);
                    assertThat(o.message()).isEqualTo("project \"NotAllowed\" is not in allowedProjects");
                });
        assertThat(outcomes).filteredOn(o -> o.issue().equals(allowed)).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo(DispatchStatus.COMPLETED));
        assertThat(harness.spawns.get()).isEqualTo(1);
    }

    @Test
    void twoLoopsSharingAClaimerNeverTakeTheSameIssue() {
        CountingHarness harness = harness("success");
        InProcessIssueClaimer claims = new InProcessIssueClaimer();
        WorkLoop a = loop(harness, 2).claimer(claims).options(WorkLoopOptions.defaults().withOwner("a")).build();
        WorkLoop b = loop(harness, 2).claimer(claims).options(WorkLoopOptions.defaults().withOwner("b")).build();
        List<Issue> backlog = issues(4);

        List<DispatchOutcome> outcomes = Flux.merge(a.run(Flux.fromIterable(backlog)), b.run(Flux.fromIterable(backlog)))
                .collectList().block(Duration.ofSeconds(120));

        assertThat(outcomes).hasSize(8);
        for (Issue issue : backlog) {
            assertThat(outcomes).filteredOn(o -> o.issue().equals(issue)).extracting(DispatchOutcome::status)
                    .containsExactlyInAnyOrder(DispatchStatus.COMPLETED, DispatchStatus.SKIPPED);
        }
        assertThat(outcomes).filteredOn(o -> o.status() == DispatchStatus.SKIPPED)
                .allMatch(o -> o.message().equals("claimed by another loop"));
        assertThat(harness.spawns.get()).isEqualTo(4);
        assertThat(backlog).allMatch(claims::isClaimed);
    }

    @Test
    void aFailedDispatchFreesItsClaimForARetry() {
        InProcessIssueClaimer claims = new InProcessIssueClaimer();
        Issue issue = issues(1).get(0);

        DispatchOutcome failed = loop(harness("is-error"), 1).claimer(claims).build().run(Flux.just(issue))
                .blockLast(Duration.ofSeconds(60));

        assertThat(failed.failure()).isEqualTo(FailureKind.AGENT_FAILED);
        assertThat(claims.isClaimed(issue)).isFalse();
    }

    @Test
    void anUnavailableHarnessIsAnErrorBeforeAnyIssueIsRead() {
        AtomicBoolean read = new AtomicBoolean();
        WorkLoop loop = WorkLoop.builder(Mono.error(new AgentHarnessUnavailableException("claude",
                "claude provider unavailable: claude not found on PATH", null)), dir).build();

        StepVerifier.create(loop.run(Flux.fromIterable(issues(1)).doOnSubscribe(s -> read.set(true))))
                .expectError(AgentHarnessUnavailableException.class)
                .verify(Duration.ofSeconds(10));
        assertThat(read).isFalse();
    }

    @Test
    void aFailingIssueSourceEndsTheRunAfterTheDispatchesInFlight() {
        CountingHarness harness = harness("success");
        NotAuthenticatedException unauthorized = new NotAuthenticatedException(new HttpError("POST", "/graphql", 401,
                "", null, Map.of()));

        StepVerifier.create(loop(harness, 3).build().run(Flux.concat(Flux.fromIterable(issues(1)),
                        Flux.error(unauthorized))))
                .assertNext(o -> assertThat(o.status()).isEqualTo(DispatchStatus.COMPLETED))
                .expectErrorSatisfies(e -> assertThat(e).isSameAs(unauthorized))
                .verify(Duration.ofSeconds(60));
    }

    @Test
    void anAgentThatCannotStartIsAFailedOutcome() {
        CountingHarness harness = harness("success");
        WorkLoop loop = WorkLoop.builder(Mono.just(harness), dir.resolve("missing-directory")).build();

        DispatchOutcome outcome = loop.run(Flux.fromIterable(issues(1))).blockLast(Duration.ofSeconds(60));

        assertThat(outcome.failure()).isEqualTo(FailureKind.SPAWN_FAILED);
        assertThat(outcome.message()).startsWith("spawn failed: claude could not be started");
    }
}
