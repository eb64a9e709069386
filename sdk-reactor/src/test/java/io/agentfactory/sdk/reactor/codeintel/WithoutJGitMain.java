package io.agentfactory.sdk.reactor.codeintel;

import java.nio.file.Path;
import java.time.Duration;

import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import io.agentfactory.sdk.codeintel.GatePolicy;
import io.agentfactory.sdk.codeintel.GateVerdict;
import io.agentfactory.sdk.error.DiffUnavailableException;

/**
 * Run in a JVM without JGit on the class path ({@link WithoutJGitTest}): the GitHub source and the gate
 * work, and a JGit source fails with a typed error instead of a {@link NoClassDefFoundError}. Prints
 * {@code OK <files> <observations>}; exits non-zero on any failure.
 */
final class WithoutJGitMain {

    private WithoutJGitMain() {
    }

    public static void main(String[] args) {
        String diff = "diff --git a/src/auth/login.ts b/src/auth/login.ts\n@@ -0,0 +1 @@\n+const r: Result<A, B> = x\n";
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> request.requestHeaders().get("Accept").contains("diff")
                        ? response.header("Content-Type", "application/vnd.github.v3.diff").sendString(
                                reactor.core.publisher.Mono.just(diff))
                        : response.header("Content-Type", "application/json").sendString(reactor.core.publisher.Mono
                                .just("{\"title\":\"t\",\"body\":\"\",\"changed_files\":1}")))
                .bindNow();
        try (GitHubDiffSource github = GitHubDiffSource.create(GitHubDiffOptions.of("t0ken")
                .withBaseUrl("http://127.0.0.1:" + server.port()))) {
            if (JGitDiffSource.available()) {
                throw new IllegalStateException("JGit is on the class path");
            }
            GateVerdict verdict = ArchitectureGate.evaluate(github.pullRequest("org", "repo", 1), GatePolicy.defaults())
                    .block(Duration.ofSeconds(20));
            try {
                JGitDiffSource.workingTree(Path.of(".")).lines().blockLast(Duration.ofSeconds(20));
                throw new IllegalStateException("a JGit source read without JGit");
            }
            catch (DiffUnavailableException expected) {
                System.out.println("OK " + verdict.files().size() + " " + verdict.observations().size() + " "
                        + expected.getMessage());
            }
        }
        finally {
            server.disposeNow();
        }
    }
}
