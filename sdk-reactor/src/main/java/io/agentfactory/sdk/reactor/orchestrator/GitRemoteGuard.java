package io.agentfactory.sdk.reactor.orchestrator;

import java.nio.file.Path;
import java.util.Optional;

import reactor.core.publisher.Mono;

import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.error.RepositoryMismatchException;
import io.agentfactory.sdk.reactor.internal.orchestrator.GitCommand;
import io.agentfactory.sdk.reactor.internal.orchestrator.GitRemoteUrl;

/**
 * Checks that a working tree is the repository the work is meant for, by its {@code origin}
 * remote ({@code git remote get-url origin}, run with the real {@code git} on the bounded-elastic
 * scheduler). Both sides are parsed — {@code https://}, {@code ssh://}, scp-like
 * {@code git@host:org/repo}, or {@code host/org/repo} — and compared exactly: the host
 * case-insensitively, the path case-sensitively, {@code .git}, user info and port ignored. Unlike
 * the reference's substring test, {@code github.com/org/repo} does not accept
 * {@code github.com/org/repo-fork}, {@code github.com.evil.example/org/repo} or
 * {@code evil.example/github.com/org/repo}.
 */
public final class GitRemoteGuard {

    private GitRemoteGuard() {
    }

    /**
     * Completes when {@code gitRoot}'s origin is {@code expected}.
     *
     * @return fails with {@link RepositoryMismatchException} when it is not, or when the remote
     *         cannot be read; with {@link InvalidArgumentException} when {@code expected} is not a
     *         repository address
     */
    public static Mono<Void> verify(Path gitRoot, String expected) {
        return Mono.defer(() -> {
            GitRemoteUrl want = GitRemoteUrl.parseExpected(expected).orElseThrow(() -> new InvalidArgumentException(
                    "repository \"" + GitRemoteUrl.withoutUserInfo(expected)
                            + "\" is not a repository address (want host/owner/name or a git URL)"));
            return GitCommand.run(gitRoot, "remote", "get-url", "origin")
                    .onErrorMap(IllegalStateException.class, e -> new RepositoryMismatchException(want.toString(), "",
                            "repository validation failed: could not get git remote URL (expected \"" + want
                                    + "\"): " + e.getMessage()))
                    .flatMap(remote -> {
                        Optional<GitRemoteUrl> have = GitRemoteUrl.parse(remote);
                        if (have.isPresent() && have.get().equals(want)) {
                            return Mono.<Void>empty();
                        }
                        String shown = GitRemoteUrl.withoutUserInfo(remote);
                        return Mono.error(new RepositoryMismatchException(want.toString(), shown,
                                "repository mismatch: expected \"" + want + "\" but git remote is \"" + shown
                                        + "\"; refusing to proceed"));
                    });
        });
    }

    /** Whether two repository addresses name the same repository by the rules above. */
    public static boolean sameRepository(String a, String b) {
        Optional<GitRemoteUrl> x = GitRemoteUrl.parseExpected(a);
        return x.isPresent() && x.equals(GitRemoteUrl.parseExpected(b));
    }

    /**
     * The top of the working tree containing {@code dir} ({@code git rev-parse --show-toplevel}).
     *
     * @return fails with {@link InvalidArgumentException} when {@code dir} is not in a git working tree
     */
    public static Mono<Path> gitRoot(Path dir) {
        return GitCommand.run(dir, "rev-parse", "--show-toplevel")
                .map(Path::of)
                .onErrorMap(IllegalStateException.class,
                        e -> new InvalidArgumentException("resolve git root: " + e.getMessage()));
    }
}
