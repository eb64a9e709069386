package io.agentfactory.sdk.reactor.orchestrator;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;

import io.agentfactory.sdk.error.AgentHarnessUnavailableException;
import io.agentfactory.sdk.orchestrator.AgentHarness;
import io.agentfactory.sdk.orchestrator.AgentSpec;
import io.agentfactory.sdk.orchestrator.HarnessChoice;
import io.agentfactory.sdk.reactor.internal.orchestrator.ClaudeStreamJson;
import io.agentfactory.sdk.reactor.internal.orchestrator.CodexAppServer;
import io.agentfactory.sdk.reactor.internal.orchestrator.ProcessHarness;

/**
 * The process harnesses: Claude Code and Codex as child processes.
 *
 * <ul>
 * <li><b>claude</b>: {@code claude -p --output-format stream-json --verbose
 * --dangerously-skip-permissions --add-dir <cwd> [--append-system-prompt s] [extra arguments]}, the
 * prompt on standard input, stream-json lines on standard output.</li>
 * <li><b>codex</b>: {@code codex app-server}, JSON-RPC lines both ways (initialize, thread/start,
 * turn/start, notifications until turn/completed).</li>
 * </ul>
 *
 * The executable is resolved once, when the returned {@code Mono} is subscribed (on the I/O
 * scheduler): a bare name on the inherited {@code PATH}, a path as given. An explicit harness
 * never falls back to the other; {@link HarnessChoice#AUTO} takes claude, else codex.
 */
public final class AgentHarnesses {

    private AgentHarnesses() {
    }

    /**
     * The harness {@code choice} names.
     *
     * @return fails with an {@link AgentHarnessUnavailableException} when the CLI is not found:
     *         {@code claude provider unavailable: …}, or for auto {@code no provider available
     *         (tried: claude, codex): …; …}
     */
    public static Mono<AgentHarness> resolve(HarnessChoice choice, HarnessOptions options) {
        switch (choice) {
            case CLAUDE:
                return claude(options);
            case CODEX:
                return codex(options);
            default:
                return claude(options).onErrorResume(AgentHarnessUnavailableException.class,
                        first -> codex(options).onErrorMap(AgentHarnessUnavailableException.class,
                                second -> new AgentHarnessUnavailableException("auto",
                                        "no provider available (tried: claude, codex): " + first.getMessage() + "; "
                                                + second.getMessage(), second)));
        }
    }

    /** Claude Code ({@code stream-json}); fails when its command is not found or not executable. */
    public static Mono<AgentHarness> claude(HarnessOptions options) {
        return executable("claude", options.claudeCommand(), options).map(command -> new ProcessHarness("claude",
                command, spec -> claudeArguments(spec, options), spec -> new ClaudeStreamJson(spec.prompt()), options));
    }

    /** Codex ({@code app-server}); fails when its command is not found or not executable. */
    public static Mono<AgentHarness> codex(HarnessOptions options) {
        return executable("codex", options.codexCommand(), options).map(command -> new ProcessHarness("codex",
                command, spec -> List.of("app-server"),
                spec -> new CodexAppServer(spec.prompt(), spec.systemPromptAppend(), spec.workingDirectory()),
                options));
    }

    static List<String> claudeArguments(AgentSpec spec, HarnessOptions options) {
        List<String> args = new ArrayList<>(List.of("-p", "--output-format", "stream-json", "--verbose",
                "--dangerously-skip-permissions", "--add-dir", spec.workingDirectory().toString()));
        if (!spec.systemPromptAppend().isEmpty()) {
            args.add("--append-system-prompt");
            args.add(spec.systemPromptAppend());
        }
        args.addAll(options.claudeArguments());
        return args;
    }

    private static Mono<List<String>> executable(String harness, List<String> command, HarnessOptions options) {
        return Mono.fromCallable(() -> {
            Optional<Path> found = locate(command.get(0), options.inheritedEnvironment().getOrDefault("PATH", ""));
            if (found.isEmpty()) {
                throw new AgentHarnessUnavailableException(harness, harness + " provider unavailable: "
                        + command.get(0) + " not found" + (command.get(0).contains(File.separator) ? ""
                        : " on PATH"), null);
            }
            List<String> resolved = new ArrayList<>(command);
            resolved.set(0, found.get().toString());
            return List.copyOf(resolved);
        }).subscribeOn(options.ioScheduler());
    }

    /** {@code name} as an executable file: a path as given, a bare name on {@code path}. */
    static Optional<Path> locate(String name, String path) {
        try {
            if (name.contains(File.separator) || name.contains("/")) {
                Path p = Path.of(name);
                return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
            }
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        catch (InvalidPathException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
