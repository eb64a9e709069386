package io.agentfactory.sdk.reactor.codeintel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.codeintel.ChangeDescription;
import io.agentfactory.sdk.codeintel.DiffLimits;
import io.agentfactory.sdk.codeintel.DiffSource;
import io.agentfactory.sdk.codeintel.GatePolicy;
import io.agentfactory.sdk.codeintel.GateRequest;
import io.agentfactory.sdk.codeintel.GateVerdict;
import io.agentfactory.sdk.error.DiffTooLargeException;
import io.agentfactory.sdk.error.DiffUnavailableException;
import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.error.MalformedDiffException;
import io.agentfactory.sdk.error.NotAuthenticatedException;

/**
 * The gate's reactive entry point: the reference's report fixtures, its strict-mode table restated on
 * our sources, and the streaming bounds (a 100 MB diff read in bounded memory, on the parallel scheduler).
 */
class ArchitectureGateTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant NOW = Instant.parse("2026-12-03T06:00:00Z");
    private static final String PATCH = "diff --git a/src/auth/login.ts b/src/auth/login.ts\n@@ -0,0 +1 @@\n"
            + "+const r: Result<User, Error> = ok(user)\n";

    /** A source from fixed parts; {@code lines} may fail. */
    private record Source(ChangeDescription change, Flux<String> diff) implements DiffSource {
        @Override
        public Mono<ChangeDescription> describe() {
            return Mono.just(change);
        }

        @Override
        public Flux<String> lines() {
            return diff;
        }
    }

    private static ChangeDescription pr(int number, String title, OptionalInt files) {
        return new ChangeDescription("github.com/org/repo", number, title, "", files);
    }

    private static Flux<String> text(String diff) {
        return Flux.fromArray(diff.split("\n"));
    }

    private static GateVerdict judge(DiffSource source, GateRequest request) {
        return ArchitectureGate.evaluate(source, request, Clock.fixed(NOW, ZoneOffset.UTC)).block(WAIT);
    }

    @Test
    void aCleanChangeIsNotGated() {
        GateVerdict v = judge(new Source(pr(1, "chore: readme", OptionalInt.empty()), Flux.empty()),
                GateRequest.of(GatePolicy.defaults()));

        assertThat(v.gated()).isFalse();
        assertThat(v.mode()).isEqualTo("native-diff-only");
        assertThat(v.hasCriticalDrift()).isFalse();
        assertThat(v.observations()).isEmpty();
        assertThat(v.change().repository()).isEqualTo("github.com/org/repo");
        assertThat(v.assessedAt()).isEqualTo(NOW);
        assertThat(v.summary()).isEqualTo("No architectural signals detected in the diff. Native diff-only mode (no LLM).");
    }

    @Test
    void aNormativeCriterionGatesTheDefaultPolicy() {
        GateVerdict v = judge(new Source(pr(5, "feat: add convention", OptionalInt.empty()), Flux.empty()),
                GateRequest.of(GatePolicy.parse("")).withAcceptanceCriteria(List.of("The endpoint must return 200 OK")));

        assertThat(v.gated()).isTrue();
        assertThat(v.summary()).isEqualTo("1 diff signal(s) detected (0 patterns, 1 conventions, 0 decisions). Native "
                + "diff-only mode — LLM-backed drift assessment (layer 2) is not part of this SDK. Change is BLOCKED by "
                + "gate policy: no-severity-high.");
    }

    @Test
    void strictModeAsTheReferencePinsIt() {
        GateRequest strict = GateRequest.of(GatePolicy.defaults()).requiringDiff();
        OptionalInt one = OptionalInt.of(1);

        // complete diff: the real patch reaches the analysis
        assertThat(judge(new Source(pr(7, "Change", one), text(PATCH)), strict).observations()).hasSize(2);
        // failed patches: the source's own error
        StepVerifier.create(ArchitectureGate.evaluate(new Source(pr(7, "Change", one), Flux.error(
                new DiffUnavailableException("patch download failed", null))), strict))
                .expectErrorMessage("patch download failed").verify(WAIT);
        // empty patches, and a patch of another file than the list has
        StepVerifier.create(ArchitectureGate.evaluate(new Source(pr(7, "Change", one), Flux.empty()), strict))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DiffUnavailableException.class)
                        .hasMessage("patch sections (0) do not match the changed-file list (1)"))
                .verify(WAIT);
        StepVerifier.create(ArchitectureGate.evaluate(new Source(pr(7, "Change", OptionalInt.of(2)), text(PATCH)), strict))
                .expectError(DiffUnavailableException.class).verify(WAIT);
        // an authentication failure of the description is the source's error in either mode
        DiffSource unauthenticated = new DiffSource() {
            @Override
            public Mono<ChangeDescription> describe() {
                return Mono.error(new NotAuthenticatedException(new io.agentfactory.sdk.error.HttpError("GET", "/x", 401,
                        "authentication required", null, java.util.Map.of())));
            }

            @Override
            public Flux<String> lines() {
                return Flux.error(new AssertionError("not asked for"));
            }
        };
        StepVerifier.create(ArchitectureGate.evaluate(unauthenticated, strict)).expectError(NotAuthenticatedException.class)
                .verify(WAIT);
        StepVerifier.create(ArchitectureGate.evaluate(unauthenticated, GatePolicy.defaults()))
                .expectError(NotAuthenticatedException.class).verify(WAIT);
    }

    @Test
    void lenientModeWarnsOfAMismatchButTooLargeAndMalformedDiffsAlwaysFail() {
        GateVerdict v = judge(new Source(pr(7, "Change", OptionalInt.of(3)), text(PATCH)), GateRequest.of(GatePolicy.defaults()));
        assertThat(v.warnings()).containsExactly("patch sections (1) do not match the changed-file list (3)");
        assertThat(v.observations()).hasSize(2);

        StepVerifier.create(ArchitectureGate.evaluate(new Source(pr(7, "", OptionalInt.empty()),
                text("diff --git a/x b/x\n@@ nope\n")), GatePolicy.defaults()))
                .expectError(MalformedDiffException.class).verify(WAIT);
        StepVerifier.create(ArchitectureGate.evaluate(new Source(pr(7, "", OptionalInt.empty()), text(PATCH)),
                GateRequest.of(GatePolicy.defaults()).withLimits(new DiffLimits(10, 10, 10))))
                .expectError(DiffTooLargeException.class).verify(WAIT);
    }

    @Test
    void nullArgumentsAreInvalidArguments() {
        StepVerifier.create(ArchitectureGate.evaluate(null, GatePolicy.defaults())).expectError(InvalidArgumentException.class)
                .verify(WAIT);
        StepVerifier.create(ArchitectureGate.evaluate(new Source(pr(1, "", OptionalInt.empty()), Flux.empty()),
                (GatePolicy) null)).expectError(InvalidArgumentException.class).verify(WAIT);
    }

    /**
     * 100 MB of diff generated line by line as it is asked for: read to the end within a line limit, on the
     * parallel scheduler, with prefetch-bounded memory (no line is kept; the sections are few).
     */
    @Test
    void aHundredMegabyteDiffStreamsThroughInBoundedMemory() {
        long target = 100L << 20;
        String added = "+" + "x".repeat(60) + " interface Foo {";
        AtomicLong produced = new AtomicLong();
        Flux<String> lines = Flux.generate(() -> 0L, (n, sink) -> {
            if (produced.get() >= target) {
                sink.complete();
                return n;
            }
            String line = n % 1_000_000 == 0 ? "diff --git a/src/core/f" + n + ".ts b/src/core/f" + n + ".ts"
                    : n % 1_000_000 == 1 ? "@@ -0,0 +1,999998 @@" : added;
            produced.addAndGet(line.length() + 1);
            sink.next(line);
            return n + 1;
        });
        long before = usedHeap();

        GateVerdict v = judge(new Source(pr(9, "", OptionalInt.empty()), lines), GateRequest.of(GatePolicy.defaults()).withLimits(new DiffLimits(200L << 20, 1024, 100)));

        assertThat(produced.get()).isGreaterThanOrEqualTo(target);
        assertThat(v.files()).hasSizeGreaterThan(1).allSatisfy(f -> assertThat(f.additions()).isPositive());
        assertThat(v.observations()).extracting(o -> o.title()).containsExactly("Domain layer pattern",
                "TypeScript interface-first typing");
        // The reader holds counts, not lines: far less than the 100 MB read stays reachable.
        assertThat(usedHeap() - before).isLessThan(64L << 20);

        // And within the default 64 MiB limit the same stream is a typed error, not an OOM.
        produced.set(0);
        StepVerifier.create(ArchitectureGate.evaluate(new Source(pr(9, "", OptionalInt.empty()), lines),
                GatePolicy.defaults())).expectError(DiffTooLargeException.class).verify(WAIT);
    }

    @Test
    void theDiffIsReadOnTheParallelScheduler() {
        AtomicReference<String> thread = new AtomicReference<>();
        Flux<String> diff = text(PATCH);
        ArchitectureGate.observe(pr(1, "", OptionalInt.empty()), diff.map(l -> l), GateRequest.of(GatePolicy.defaults()))
                .doOnNext(o -> thread.set(Thread.currentThread().getName())).block(WAIT);

        assertThat(thread.get()).startsWith("parallel-");
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
