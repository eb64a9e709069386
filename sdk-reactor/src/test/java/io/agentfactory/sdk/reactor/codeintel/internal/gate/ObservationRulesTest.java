package io.agentfactory.sdk.reactor.codeintel.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.codeintel.ChangeDescription;
import io.agentfactory.sdk.codeintel.DiffLimits;
import io.agentfactory.sdk.codeintel.DiffObservation;
import io.agentfactory.sdk.codeintel.ObservationKind;

/** The first layer's observation rules on small diffs, restating the reference's fixtures and pinning exact payloads. */
class ObservationRulesTest {

    private static ChangeDescription pr(int number, String title, String body) {
        return new ChangeDescription("github.com/org/repo", number, title, body, OptionalInt.empty());
    }

    /** A minimal git section for each path adding {@code added} lines. */
    private static DiffReader.Reading diff(String... pathsAndAddedLines) {
        DiffReader reader = new DiffReader(DiffLimits.DEFAULTS);
        for (int i = 0; i < pathsAndAddedLines.length; i += 2) {
            String path = pathsAndAddedLines[i];
            String[] added = pathsAndAddedLines[i + 1].split("\n");
            reader.accept("diff --git a/" + path + " b/" + path);
            reader.accept("--- a/" + path);
            reader.accept("+++ b/" + path);
            reader.accept("@@ -0,0 +1," + added.length + " @@");
            for (String line : added) {
                reader.accept("+" + line);
            }
        }
        return reader.finish();
    }

    private static List<DiffObservation> observe(ChangeDescription change, DiffReader.Reading reading, List<String> ac) {
        return ObservationRules.observe(change, reading, ac, "project");
    }

    @Test
    void zonesOfTheChangedPathsInTableOrderWithExactPayloads() {
        List<DiffObservation> obs = observe(pr(42, "feat: add auth middleware", ""), diff(
                "src/auth/middleware.go", "package auth",
                "src/auth/jwt.go", "package auth",
                "src/api/routes.go", "package api"), List.of());

        assertThat(obs).extracting(DiffObservation::title).containsExactly("Auth layer pattern", "API layer pattern");
        DiffObservation auth = obs.get(0);
        assertThat(auth.kind()).isEqualTo(ObservationKind.PATTERN);
        assertThat(auth.description()).isEqualTo(
                "Files in the auth layer zone were modified in PR #42: src/auth/middleware.go, src/auth/jwt.go.");
        assertThat(auth.paths()).containsExactly("src/auth/middleware.go", "src/auth/jwt.go");
        assertThat(auth.tags()).containsExactly("auth", "inferred", "pr-analysis");
        assertThat(auth.confidence()).isCloseTo(0.41, within(1e-9));
        assertThat(obs.get(1).confidence()).isCloseTo(0.38, within(1e-9));
        assertThat(auth.scope()).isEqualTo("project");
    }

    @Test
    void aZoneOfManyFilesShowsThreeListsFiveAndCapsItsConfidence() {
        String[] args = new String[16];
        for (int i = 0; i < 8; i++) {
            args[2 * i] = "src/db/m" + i + ".sql";
            args[2 * i + 1] = "x";
        }
        List<DiffObservation> obs = observe(pr(3, "", ""), diff(args), List.of());

        assertThat(obs).hasSize(1);
        assertThat(obs.get(0).title()).isEqualTo("Database layer pattern");
        assertThat(obs.get(0).description()).isEqualTo(
                "Files in the database layer zone were modified in PR #3: src/db/m0.sql, src/db/m1.sql, src/db/m2.sql (+5 more).");
        assertThat(obs.get(0).paths()).hasSize(5);
        assertThat(obs.get(0).confidence()).isEqualTo(0.55);
    }

    @Test
    void aZoneIsADirectoryNameNotAFileNameAndAPathMayFallInSeveral() {
        List<DiffObservation> obs = observe(pr(1, "", ""), diff("auth.go", "x", "src/api/tests/x.go", "y"), List.of());

        assertThat(obs).extracting(DiffObservation::title).containsExactly("API layer pattern", "Test layer pattern");
    }

    @Test
    void aLocalChangeSaysSoInsteadOfPrZero() {
        List<DiffObservation> obs = observe(ChangeDescription.local("/repo"), diff("src/ui/a.tsx", "x"), List.of());

        assertThat(obs.get(0).description()).isEqualTo("Files in the ui layer zone were modified in this change: src/ui/a.tsx.");
    }

    @Test
    void conventionsFromAddedLinesWithUpToThreeExamples() {
        List<DiffObservation> obs = observe(pr(7, "refactor: add result type", ""), diff(
                "a.ts", "export type MyResult = Result<string, Error>;\nconst x = Result<number, string>;",
                "b.ts", "const r: Result<User, Error> = ok(user)",
                "c.ts", "let q: Result<A,B>",
                "d.ts", "let z: Result<C,D>"), List.of());

        DiffObservation result = obs.stream().filter(o -> o.kind() == ObservationKind.CONVENTION).findFirst().orElseThrow();
        assertThat(result.title()).isEqualTo("Result<T, E> error handling");
        assertThat(result.description()).isEqualTo("Code uses Result<T, E> pattern for error propagation instead of throwing.");
        assertThat(result.paths()).containsExactly("a.ts", "b.ts", "c.ts");
        assertThat(result.confidence()).isEqualTo(0.55);
    }

    @Test
    void everyConventionSignalWithItsConfidence() {
        List<DiffObservation> obs = observe(pr(1, "", ""), diff("x.ts", String.join("\n",
                "async function f() { await g() }",
                "interface User {",
                "export const Thing = 1",
                "describe('x', () => {",
                "expect(() => f()).toThrow()")), List.of());

        assertThat(obs).extracting(DiffObservation::title, DiffObservation::confidence).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Async/await concurrency", 0.40),
                org.assertj.core.groups.Tuple.tuple("TypeScript interface-first typing", 0.45),
                org.assertj.core.groups.Tuple.tuple("Named exports convention", 0.40),
                org.assertj.core.groups.Tuple.tuple("Vitest/Jest test structure", 0.50),
                org.assertj.core.groups.Tuple.tuple("Explicit error assertion testing", 0.45));
    }

    @Test
    void awaitBeforeAsyncOnALineIsNoAsyncAwaitSignal() {
        assertThat(observe(pr(1, "", ""), diff("x", "await x; async"), List.of())).isEmpty();
        assertThat(observe(pr(1, "", ""), diff("x", "asyncish awaiting"), List.of())).isEmpty();
    }

    @Test
    void removedAndContextLinesShowNoConvention() {
        DiffReader reader = new DiffReader(DiffLimits.DEFAULTS);
        for (String line : List.of("diff --git a/x.ts b/x.ts", "--- a/x.ts", "+++ b/x.ts", "@@ -1,2 +1,1 @@",
                "-interface Old {", " describe('kept', f)", "diff --git a/y.ts b/y.ts", "@@ -1 +1 @@", "-a", "+b")) {
            reader.accept(line);
        }
        assertThat(observe(pr(1, "", ""), reader.finish(), List.of())).isEmpty();
    }

    @Test
    void decisionsFromTitleAndBody() {
        List<DiffObservation> obs = observe(pr(5, "chore: chose drizzle over prisma for edge runtime",
                "We chose drizzle over prisma because of edge runtime support. Migrated from jest to vitest, "
                        + "and replaced moment with dayjs for dates."), diff(), List.of());

        assertThat(obs).extracting(DiffObservation::title).containsExactly("drizzle chosen over prisma",
                "Migration from jest to vitest", "dayjs replaces moment");
        assertThat(obs).extracting(DiffObservation::chosen).containsExactly("drizzle", "vitest", "dayjs");
        assertThat(obs).extracting(DiffObservation::description).containsExactly(
                "chose drizzle over prisma (inferred from PR title/body)",
                "Migration from jest to vitest (inferred from PR title/body)",
                "Replaced moment with dayjs (inferred from PR title/body)");
        assertThat(obs).allSatisfy(o -> {
            assertThat(o.kind()).isEqualTo(ObservationKind.DECISION);
            assertThat(o.confidence()).isEqualTo(0.60);
        });
    }

    @Test
    void decisionVariantsAreCaseInsensitive() {
        assertThat(observe(pr(1, "Switched to Postgres instead of MySQL", ""), diff(), List.of()))
                .extracting(DiffObservation::title).containsExactly("Postgres chosen over MySQL");
        assertThat(observe(pr(1, "MIGRATION redux TO zustand", ""), diff(), List.of()))
                .extracting(DiffObservation::title).containsExactly("Migration from redux to zustand");
    }

    @Test
    void acceptanceCriteriaNormativeOrNotAndShortOnesSkipped() {
        List<DiffObservation> obs = observe(pr(3, "feat: AC test", ""), diff(),
                List.of("must return 200 OK on success", "short", "  - [ ] the page shows a banner  "));

        assertThat(obs).hasSize(2);
        DiffObservation must = obs.get(0);
        assertThat(must.kind()).isEqualTo(ObservationKind.CONVENTION);
        assertThat(must.confidence()).isEqualTo(0.65);
        assertThat(must.description()).isEqualTo("Acceptance criterion from PR #3: must return 200 OK on success");
        assertThat(must.paths()).containsExactly("PR #3");
        DiffObservation banner = obs.get(1);
        assertThat(banner.kind()).isEqualTo(ObservationKind.PATTERN);
        assertThat(banner.confidence()).isEqualTo(0.50);
        assertThat(banner.title()).isEqualTo("the page shows a banner");
        assertThat(banner.tags()).containsExactly("ac", "pr-analysis");
        assertThat(banner.paths()).isEmpty();
    }

    @Test
    void acceptanceCriterionTitlesAreStrippedAndCappedByCodePoints() {
        assertThat(ObservationRules.acTitle("- must not exceed limits")).isEqualTo("must not exceed limits");
        String long100 = "x".repeat(100);
        assertThat(ObservationRules.acTitle(long100)).isEqualTo("x".repeat(77) + "...");
        String emoji = "\uD83D\uDE00".repeat(90);
        String title = ObservationRules.acTitle(emoji);
        assertThat(title.codePointCount(0, title.length())).isEqualTo(80);
        assertThat(title).endsWith("\uD83D\uDE00...");
        // 10 bytes of UTF-8 but 5 characters: kept, as the reference counts bytes.
        assertThat(observe(pr(1, "", ""), diff(), List.of("\u00e9\u00e9\u00e9\u00e9\u00e9"))).hasSize(1);
    }

    @Test
    void anEmptyChangeHasNoObservations() {
        assertThat(observe(pr(1, "chore: update readme", ""), diff(), List.of())).isEmpty();
    }
}
