package io.agentfactory.sdk.reactor.codeintel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.codeintel.ChangeDescription;
import io.agentfactory.sdk.codeintel.ChangeKind;
import io.agentfactory.sdk.codeintel.ChangedFile;
import io.agentfactory.sdk.codeintel.DiffLimits;
import io.agentfactory.sdk.codeintel.DiffObservation;
import io.agentfactory.sdk.codeintel.GatePolicy;
import io.agentfactory.sdk.codeintel.GateRequest;
import io.agentfactory.sdk.codeintel.GateVerdict;
import io.agentfactory.sdk.error.DiffTooLargeException;
import io.agentfactory.sdk.error.DiffUnavailableException;
import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.reactor.internal.orchestrator.GitCommand;

/** The JGit diff source on real repositories made with the git CLI, checked against {@code git diff}'s own output. */
class JGitDiffSourceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0, 1, 2, 3};

    @TempDir
    Path repo;

    private String git(String... args) {
        String[] all = new String[args.length + 8];
        System.arraycopy(new String[] {"-c", "user.name=Gate Test", "-c", "user.email=gate@test.invalid", "-c",
                "diff.noprefix=false", "-c", "diff.mnemonicPrefix=false"}, 0, all, 0, 8);
        System.arraycopy(args, 0, all, 8, args.length);
        return GitCommand.run(repo, all).block(WAIT);
    }

    private void write(String path, String text) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @BeforeEach
    void baseCommit() throws IOException {
        git("init", "-q");
        write("src/auth/login.ts", "export function login() {}\n");
        write("src/db/schema.ts", "export const schema = 1\n");
        write("docs/old.txt", "a file that will be renamed\nwith two lines\n");
        write("bin/run.sh", "#!/bin/sh\necho run\n");
        Files.write(repo.resolve("assets/logo.png").getParent() == null ? repo : Files.createDirectories(repo.resolve("assets"))
                .resolve("logo.png"), PNG);
        git("add", "-A");
        git("commit", "-qm", "base");
    }

    private void headCommit() throws IOException {
        write("src/auth/login.ts", "export function login() {}\nconst r: Result<User, Error> = ok(user)\n");
        Files.delete(repo.resolve("src/db/schema.ts"));
        git("mv", "docs/old.txt", "docs/new.txt");
        write("src/api/routes.ts", "export const Router = {}\r\nit('routes', () => {})\r\n");
        Files.setPosixFilePermissions(repo.resolve("bin/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        byte[] png = Arrays.copyOf(PNG, PNG.length + 1);
        Files.write(repo.resolve("assets/logo.png"), png);
        write("notes.txt", "no newline at the end");
        git("add", "-A");
        git("commit", "-qm", "head");
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }

    private static final List<ChangedFile> HEAD_FILES = List.of(
            new ChangedFile("assets/logo.png", "assets/logo.png", ChangeKind.MODIFIED, true, false, 0, 0),
            new ChangedFile("bin/run.sh", "bin/run.sh", ChangeKind.MODIFIED, false, true, 0, 0),
            new ChangedFile("docs/new.txt", "docs/old.txt", ChangeKind.RENAMED, false, false, 0, 0),
            new ChangedFile("notes.txt", "notes.txt", ChangeKind.ADDED, false, false, 1, 0),
            new ChangedFile("src/api/routes.ts", "src/api/routes.ts", ChangeKind.ADDED, false, false, 2, 0),
            new ChangedFile("src/auth/login.ts", "src/auth/login.ts", ChangeKind.MODIFIED, false, false, 1, 0),
            new ChangedFile("src/db/schema.ts", "src/db/schema.ts", ChangeKind.DELETED, false, false, 0, 1));

    @Test
    void aRangeReadsAsGitDiffDoesAndIsJudged() throws IOException {
        headCommit();
        JGitDiffSource source = JGitDiffSource.range(repo, "HEAD~1", "HEAD");

        GateVerdict verdict = ArchitectureGate.evaluate(source, GateRequest.of(GatePolicy.parse("max:3")).requiringDiff())
                .block(WAIT);

        assertThat(verdict.files()).isEqualTo(HEAD_FILES);
        assertThat(verdict.change()).isEqualTo(new ChangeDescription(repo.toRealPath().toString(), 0, "", "",
                OptionalInt.of(7)));
        assertThat(verdict.observations()).extracting(DiffObservation::title).containsExactly("Auth layer pattern",
                "Database layer pattern", "API layer pattern", "Result<T, E> error handling", "Named exports convention",
                "Vitest/Jest test structure");
        assertThat(verdict.gated()).isTrue();
        assertThat(verdict.summary()).endsWith("Change is BLOCKED by gate policy: max:3.");

        // The same reading from the git CLI's diff: the same sections, the same observations.
        String cli = git("diff", "--binary", "-M", "HEAD~1", "HEAD");
        GateRequest request = GateRequest.of(GatePolicy.defaults());
        List<DiffObservation> fromCli = ArchitectureGate.observe(ChangeDescription.local("x"), Flux.fromIterable(lines(cli)),
                request).block(WAIT);
        List<DiffObservation> fromJGit = ArchitectureGate.observe(ChangeDescription.local("x"), source.lines(), request)
                .block(WAIT);
        assertThat(fromJGit).isEqualTo(fromCli).isNotEmpty();
        GateVerdict cliVerdict = ArchitectureGate.evaluate(new FixedSource(lines(cli)), request).block(WAIT);
        assertThat(cliVerdict.files()).isEqualTo(HEAD_FILES);
    }

    @Test
    void theWorkingTreeAgainstHeadIncludesUntrackedButNotIgnoredFiles() throws IOException {
        write(".gitignore", "build/\n");
        git("add", ".gitignore");
        git("commit", "-qm", "ignore");
        write("src/auth/login.ts", "export function login() {}\nasync function f() { await g() }\n");
        write("src/ui/new.tsx", "export function Banner() {}\n");
        write("build/out.js", "ignored\n");

        GateVerdict verdict = ArchitectureGate.evaluate(JGitDiffSource.workingTree(repo), GateRequest.of(
                GatePolicy.defaults()).requiringDiff()).block(WAIT);

        assertThat(verdict.files()).containsExactly(
                new ChangedFile("src/auth/login.ts", "src/auth/login.ts", ChangeKind.MODIFIED, false, false, 1, 0),
                new ChangedFile("src/ui/new.tsx", "src/ui/new.tsx", ChangeKind.ADDED, false, false, 1, 0));
        assertThat(verdict.observations()).extracting(DiffObservation::title).containsExactly("Auth layer pattern",
                "UI layer pattern", "Async/await concurrency", "Named exports convention");

        // Tracked changes as `git diff HEAD` has them.
        GateVerdict cli = ArchitectureGate.evaluate(new FixedSource(lines(git("diff", "HEAD"))), GatePolicy.defaults())
                .block(WAIT);
        assertThat(cli.files()).containsExactly(verdict.files().get(0));
    }

    @Test
    void missingRepositoriesAndRevisionsAreTypedErrors(@TempDir Path empty) {
        StepVerifier.create(JGitDiffSource.workingTree(empty).lines())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DiffUnavailableException.class)
                        .hasMessageEndingWith("is not inside a git repository"))
                .verify(WAIT);
        StepVerifier.create(JGitDiffSource.range(repo, "HEAD", "no-such-branch").describe())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DiffUnavailableException.class)
                        .hasMessage("no such revision: no-such-branch"))
                .verify(WAIT);
        for (String bad : new String[] {"", " ", "-p", "a\nb"}) {
            assertThatThrownBy(() -> JGitDiffSource.range(repo, bad, "HEAD")).isInstanceOf(InvalidArgumentException.class);
        }
    }

    @Test
    void moreFilesThanTheLimitIsATypedError() throws IOException {
        headCommit();
        StepVerifier.create(JGitDiffSource.range(repo, "HEAD~1", "HEAD", new DiffLimits(1 << 20, 1024, 6)).lines())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DiffTooLargeException.class)
                        .hasMessage("diff exceeds the limit of 6 files"))
                .verify(WAIT);
    }

    @Test
    void cancellingAfterTheFirstFileCompletesTheRead() throws IOException {
        headCommit();
        StepVerifier.create(JGitDiffSource.range(repo, "HEAD~1", "HEAD").lines().take(1))
                .expectNext("diff --git a/assets/logo.png b/assets/logo.png").verifyComplete();
        // The same source reads again in full after the cancelled read: nothing was left locked or half-open.
        assertThat(JGitDiffSource.range(repo, "HEAD~1", "HEAD").lines().filter(l -> l.startsWith("diff --git")).count()
                .block(WAIT)).isEqualTo(7);
    }

    /** A source of fixed lines, for the git CLI's output. */
    private record FixedSource(List<String> diff) implements io.agentfactory.sdk.codeintel.DiffSource {
        @Override
        public reactor.core.publisher.Mono<ChangeDescription> describe() {
            return reactor.core.publisher.Mono.just(ChangeDescription.local("cli"));
        }

        @Override
        public Flux<String> lines() {
            return Flux.fromIterable(diff);
        }
    }
}
