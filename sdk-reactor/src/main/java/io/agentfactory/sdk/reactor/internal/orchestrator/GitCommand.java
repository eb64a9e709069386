package io.agentfactory.sdk.reactor.internal.orchestrator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs one short {@code git} command in a directory on the bounded-elastic scheduler and gives its
 * trimmed standard output; a failure (git missing, non-zero exit, no answer in time) is an
 * {@link IllegalStateException} naming git's own message. Output is read up to 64 KiB. Not API.
 */
public final class GitCommand {

    private static final int MAX_OUTPUT = 64 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private GitCommand() {
    }

    /** {@code git -C <dir> <args…>}'s standard output, trimmed. */
    public static Mono<String> run(Path dir, String... args) {
        return Mono.fromCallable(() -> {
            List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("GIT_TERMINAL_PROMPT", "0");
            builder.redirectErrorStream(false);
            Process process;
            try {
                process = builder.start();
            }
            catch (IOException e) {
                throw new IllegalStateException("git is not available: " + e.getMessage(), e);
            }
            try (InputStream out = process.getInputStream(); InputStream err = process.getErrorStream()) {
                process.getOutputStream().close();
                String stdout = new String(out.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8);
                String stderr = new String(err.readNBytes(4096), StandardCharsets.UTF_8).strip();
                if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("git " + args[0] + " did not finish in " + TIMEOUT);
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(stderr.isEmpty() ? "git exited with " + process.exitValue()
                            : stderr);
                }
                return stdout.strip();
            }
            catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running git", e);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
