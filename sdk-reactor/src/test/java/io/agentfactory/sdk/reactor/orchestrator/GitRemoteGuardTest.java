package io.agentfactory.sdk.reactor.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.error.ProjectNotAllowedException;
import io.agentfactory.sdk.error.RepositoryMismatchException;
import io.agentfactory.sdk.repoconfig.PackageManager;
import io.agentfactory.sdk.repoconfig.RepositoryConfig;
import io.agentfactory.sdk.reactor.internal.orchestrator.GitCommand;

/** The remote guard on real git repositories ({@code git init}, {@code git remote add}), and the project guard. */
class GitRemoteGuardTest {

    private static final String EXPECTED = "github.com/org/my-repo";

    @TempDir
    Path dir;

    private Path repoWithOrigin(String remote) {
        GitCommand.run(dir, "init", "-q").block(Duration.ofSeconds(30));
        GitCommand.run(dir, "remote", "add", "origin", remote).block(Duration.ofSeconds(30));
        return dir;
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://github.com/org/my-repo.git", "git@github.com:org/my-repo.git",
            "ssh://git@github.com:22/org/my-repo.git", "https://GITHUB.com/org/my-repo"})
    void theSameRepositoryPasses(String remote) {
        StepVerifier.create(GitRemoteGuard.verify(repoWithOrigin(remote), EXPECTED)).verifyComplete();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://github.com/org/other-repo.git", "https://github.com/org/my-repo-fork.git",
            "https://github.com.evil.example/org/my-repo.git", "https://evil.example/github.com/org/my-repo.git",
            "https://github.com/org/my-repo/extra.git", "git@evil.example:github.com/org/my-repo.git",
            "/srv/mirror/github.com/org/my-repo.git"})
    void hostileRemotesAreRefused(String remote) {
        StepVerifier.create(GitRemoteGuard.verify(repoWithOrigin(remote), EXPECTED))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RepositoryMismatchException.class)
                        .hasMessageStartingWith("repository mismatch: expected \"github.com/org/my-repo\" but git remote is"))
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void aShortPatternIsNotARepository() {
        StepVerifier.create(GitRemoteGuard.verify(repoWithOrigin("https://github.com/org/my-repo.git"), "org"))
                .expectError(InvalidArgumentException.class)
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void aTokenInTheRemoteNeverReachesTheError() {
        StepVerifier.create(GitRemoteGuard.verify(
                        repoWithOrigin("https://x-access-token:ghp_secret123@github.com/org/other.git"), EXPECTED))
                .expectErrorSatisfies(e -> {
                    assertThat(e).hasMessageNotContaining("ghp_secret123").hasMessageContaining("github.com/org/other.git");
                    assertThat(((RepositoryMismatchException) e).remote()).isEqualTo("https://github.com/org/other.git");
                })
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void aRepositoryWithoutOriginCannotBeValidated() {
        GitCommand.run(dir, "init", "-q").block(Duration.ofSeconds(30));

        StepVerifier.create(GitRemoteGuard.verify(dir, EXPECTED))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RepositoryMismatchException.class)
                        .hasMessageStartingWith("repository validation failed: could not get git remote URL "
                                + "(expected \"github.com/org/my-repo\"): "))
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void theGitRootIsFoundFromASubdirectory() throws Exception {
        repoWithOrigin("https://github.com/org/my-repo.git");
        Path sub = Files.createDirectories(dir.resolve("a/b"));

        assertThat(GitRemoteGuard.gitRoot(sub).block(Duration.ofSeconds(30)).toRealPath()).isEqualTo(dir.toRealPath());
        StepVerifier.create(GitRemoteGuard.gitRoot(Files.createTempDirectory("not-a-repo")))
                .expectError(InvalidArgumentException.class)
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void projectsComeFromTheArgumentOrTheAllowList() {
        RepositoryConfig config = new RepositoryConfig("v1", RepositoryConfig.KIND, "", List.of("Alpha", "Beta"),
                Map.of(), List.of(), PackageManager.UNSET, "", "", "", "");

        assertThat(ProjectGuard.projectsToRun("Alpha", config)).containsExactly("Alpha");
        assertThat(ProjectGuard.projectsToRun(null, config)).containsExactly("Alpha", "Beta");
        assertThat(ProjectGuard.projectsToRun("Anything", null)).containsExactly("Anything");
        assertThatThrownBy(() -> ProjectGuard.projectsToRun("NotAllowed", config))
                .isInstanceOf(ProjectNotAllowedException.class)
                .hasMessage("project \"NotAllowed\" is not in allowedProjects");
        assertThatThrownBy(() -> ProjectGuard.projectsToRun(" ", null)).isInstanceOf(ProjectNotAllowedException.class)
                .hasMessageStartingWith("no project specified");
    }
}
