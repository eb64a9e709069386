package io.agentfactory.sdk.reactor.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.AgentHarnessUnavailableException;
import io.agentfactory.sdk.orchestrator.AgentEvent;
import io.agentfactory.sdk.orchestrator.AgentHarness;
import io.agentfactory.sdk.orchestrator.AgentOutcome;
import io.agentfactory.sdk.orchestrator.AgentSession;
import io.agentfactory.sdk.orchestrator.AgentSpec;
import io.agentfactory.sdk.orchestrator.FailureKind;
import io.agentfactory.sdk.orchestrator.HarnessChoice;
import io.agentfactory.sdk.orchestrator.Issue;

/**
 * The process harnesses against a real child process: {@link FakeAgent} run with this JDK's
 * {@code java}, speaking stream-json or app-server JSON-RPC, receiving exactly the composed
 * environment.
 */
class ProcessHarnessTest {

    /** The parent environment the reference's env_security_test uses, plus host provider keys. */
    static final Map<String, String> PARENT_ENV = Map.of("PATH", "/usr/bin:/bin", "ATTACH_TOKEN", "parent-secret",
            "ATTACH_TOKEN_FILE", "/parent/token", "ATTACH_URL", "wss://parent.invalid/v1/rooms/room-1",
            "ANTHROPIC_API_KEY", "host-key", "DONMAI_SESSION_SHIM_SOCKET", "/tmp/shim", "KEEP_ME", "kept",
            "EMPTY_VALUE", "");

    static final Issue ISSUE = Issue.of("issue-id", "ENG-42", "Fix the thing", "Alpha");
    private static final Duration STOP = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    static HarnessOptions.Builder options(String scenario) {
        return HarnessOptions.builder().claudeCommand(FakeAgent.command(scenario))
                .codexCommand(FakeAgent.command(scenario)).inheritedEnvironment(PARENT_ENV)
                .stopGrace(Duration.ofSeconds(2));
    }

    private AgentOutcome run(String scenario) {
        return run(AgentHarnesses.claude(options(scenario).build()));
    }

    private AgentOutcome run(Mono<AgentHarness> harness) {
        return harness.flatMap(h -> TerminalAwaiter.runSession(h.spawn(AgentSpec.forIssue(ISSUE, dir)), null,
                Mono.never(), STOP)).block(Duration.ofSeconds(60));
    }

    @Test
    void theChildGetsTheIssueVariablesAndNoRunnerOnlyKeys() {
        AgentOutcome outcome = run("success");

        assertThat(outcome.completed()).isTrue();
        assertThat(outcome.message()).isEqualTo("clean:issue-id:ENG-42");
        assertThat(outcome.sessionId()).startsWith("sess-");
        assertThat(outcome.exitCode()).isZero();
    }

    @Test
    void theChildReceivesExactlyTheComposedEnvironment() {
        AgentOutcome outcome = run("echo:ANTHROPIC_API_KEY,ATTACH_TOKEN,DONMAI_SESSION_SHIM_SOCKET,KEEP_ME,EMPTY_VALUE,"
                + "LINEAR_ISSUE_IDENTIFIER,HOME");

        assertThat(outcome.message()).isEqualTo("prompt=" + AgentSpec.forIssue(ISSUE, dir).prompt().length()
                + ";ANTHROPIC_API_KEY=<unset>;ATTACH_TOKEN=<unset>;DONMAI_SESSION_SHIM_SOCKET=<unset>;KEEP_ME=kept"
                + ";EMPTY_VALUE=;LINEAR_ISSUE_IDENTIFIER=ENG-42;HOME=<unset>");
    }

    @Test
    void anExplicitLayerMaySetABlocklistedKeyButNeverARunnerOnlyOne() {
        AgentSpec spec = new AgentSpec("prompt", "", dir, Map.of("ANTHROPIC_API_KEY", "explicit-key",
                "ATTACH_URL", "wss://explicit"));

        AgentOutcome outcome = AgentHarnesses.claude(options("echo:ANTHROPIC_API_KEY,ATTACH_URL").build())
                .flatMap(h -> TerminalAwaiter.runSession(h.spawn(spec), null, Mono.never(), STOP))
                .block(Duration.ofSeconds(60));

        assertThat(outcome.message()).isEqualTo("prompt=6;ANTHROPIC_API_KEY=explicit-key;ATTACH_URL=<unset>");
    }

    @Test
    void anExitWithoutAResultIsAFailureWithExitCodeAndStderr() {
        AgentOutcome outcome = run("no-result");

        assertThat(outcome.failure()).isEqualTo(FailureKind.STREAM_CLOSED);
        assertThat(outcome.message()).isEqualTo(
                "provider stream closed before terminal event (exit code 3): fatal: the agent crashed");
        assertThat(outcome.exitCode()).isEqualTo(3);
    }

    @Test
    void anErrorLineIsAFailure() {
        AgentOutcome outcome = run("error");

        assertThat(outcome.failure()).isEqualTo(FailureKind.AGENT_ERROR);
        assertThat(outcome.message()).isEqualTo("provider crashed (crashed)");
    }

    @Test
    void aResultWithIsErrorIsAFailure() {
        AgentOutcome outcome = run("is-error");

        assertThat(outcome.failure()).isEqualTo(FailureKind.AGENT_FAILED);
        assertThat(outcome.message()).isEqualTo("tests failed (error_during_execution)");
    }

    @Test
    void aContinuingErrorThenSuccessCompletes() {
        AgentOutcome outcome = run("continuing-error");

        assertThat(outcome.completed()).isTrue();
        assertThat(outcome.message()).isEqualTo("done after a continuing error");
    }

    @Test
    void outputThatIsNotJsonFailsTheStream() {
        AgentOutcome outcome = run("bad-json");

        assertThat(outcome.failure()).isEqualTo(FailureKind.STREAM_FAILED);
        assertThat(outcome.message()).contains("agent output line is not JSON").doesNotContain("this is not json");
    }

    @Test
    void aLineOverTheLimitFailsTheStream() {
        AgentOutcome outcome = run(AgentHarnesses.claude(options("long-line").maxLineBytes(1024).build()));

        assertThat(outcome.failure()).isEqualTo(FailureKind.STREAM_FAILED);
        assertThat(outcome.message()).contains("exceeds the limit of 1024 bytes");
    }

    @Test
    void cancellingStopsTheProcess() throws Exception {
        AgentHarness harness = AgentHarnesses.claude(options("hang").build()).block();
        AtomicReference<AgentSession> session = new AtomicReference<>();
        Sinks.One<AgentEvent> started = Sinks.one();

        var subscription = TerminalAwaiter.runSession(harness.spawn(AgentSpec.forIssue(ISSUE, dir))
                .map(s -> new ObservedSession(s, started)).doOnNext(session::set), null, Mono.never(), STOP).subscribe();
        started.asMono().block(Duration.ofSeconds(30));
        long pid = session.get().pid().getAsLong();
        assertThat(ProcessHandle.of(pid)).isPresent();

        subscription.dispose();

        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }

    @Test
    void anAgentIgnoringSigtermIsKilledAfterTheGracePeriod() {
        AgentHarness harness = AgentHarnesses.claude(options("stubborn").stopGrace(Duration.ofMillis(500)).build())
                .block();
        AtomicReference<AgentSession> session = new AtomicReference<>();

        AgentOutcome outcome = TerminalAwaiter.runSession(harness.spawn(AgentSpec.forIssue(ISSUE, dir))
                        .doOnNext(session::set), Duration.ofSeconds(3), Mono.never(), STOP)
                .block(Duration.ofSeconds(60));

        assertThat(outcome.failure()).isEqualTo(FailureKind.TIMED_OUT);
        assertThat(outcome.sessionId()).startsWith("sess-");
        assertThat(session.get().exitCode()).hasValue(137);
    }

    @Test
    void codexAppServerCompletesATurn() {
        AgentOutcome outcome = run(AgentHarnesses.codex(options("codex").build()));

        assertThat(outcome.completed()).isTrue();
        assertThat(outcome.message()).isEqualTo("codex got the prompt");
        assertThat(outcome.sessionId()).isEqualTo("thr_fake");
        assertThat(outcome.exitCode()).isZero();
    }

    @Test
    void aFailedCodexTurnIsAFailure() {
        AgentOutcome outcome = run(AgentHarnesses.codex(options("codex-fail").build()));

        assertThat(outcome.failure()).isEqualTo(FailureKind.AGENT_FAILED);
        assertThat(outcome.message()).isEqualTo("model refused (failed)");
    }

    @Test
    void anExplicitHarnessNeverFallsBack() throws IOException {
        Path bin = executable("codex");
        HarnessOptions onlyCodex = HarnessOptions.builder().inheritedEnvironment(Map.of("PATH", bin.toString())).build();

        StepVerifier.create(AgentHarnesses.resolve(HarnessChoice.CLAUDE, onlyCodex))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(AgentHarnessUnavailableException.class)
                        .hasMessage("claude provider unavailable: claude not found on PATH"))
                .verify();
    }

    @Test
    void autoPicksWhatIsOnPath() throws IOException {
        Path bin = executable("codex");
        HarnessOptions onlyCodex = HarnessOptions.builder().inheritedEnvironment(Map.of("PATH", bin.toString())).build();

        assertThat(AgentHarnesses.resolve(HarnessChoice.AUTO, onlyCodex).block().name()).isEqualTo("codex");

        executable("claude");
        assertThat(AgentHarnesses.resolve(HarnessChoice.AUTO, onlyCodex).block().name()).isEqualTo("claude");
    }

    @Test
    void autoWithNothingOnPathNamesBothAttempts() {
        HarnessOptions empty = HarnessOptions.builder().inheritedEnvironment(Map.of("PATH", dir.toString())).build();

        StepVerifier.create(AgentHarnesses.resolve(HarnessChoice.AUTO, empty))
                .expectErrorSatisfies(e -> assertThat(e).hasMessage("no provider available (tried: claude, codex): "
                        + "claude provider unavailable: claude not found on PATH; "
                        + "codex provider unavailable: codex not found on PATH"))
                .verify();
    }

    @Test
    void anUnsupportedHarnessNameFailsBeforeAnythingStarts() {
        assertThatThrownBy(() -> HarnessChoice.parse("nope")).hasMessageContaining("unsupported harness \"nope\"");
        assertThat(HarnessChoice.parse(" Auto ")).isEqualTo(HarnessChoice.AUTO);
        assertThat(HarnessChoice.parse(null)).isEqualTo(HarnessChoice.AUTO);
    }

    @Test
    void theClaudeCommandLineIsTheReferences() {
        AgentSpec spec = new AgentSpec("p", "be brief", dir, Map.of());

        assertThat(AgentHarnesses.claudeArguments(spec, HarnessOptions.builder()
                .claudeArguments(List.of("--model", "opus")).build())).containsExactly("-p", "--output-format",
                "stream-json", "--verbose", "--dangerously-skip-permissions", "--add-dir", dir.toString(),
                "--append-system-prompt", "be brief", "--model", "opus");
    }

    private Path executable(String name) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    /** Signals the first event, so a test knows the process is up. */
    private static final class ObservedSession extends ForwardingSession {
        private final Sinks.One<AgentEvent> started;

        ObservedSession(AgentSession delegate, Sinks.One<AgentEvent> started) {
            super(delegate);
            this.started = started;
        }

        @Override
        public reactor.core.publisher.Flux<AgentEvent> events() {
            return super.events().doOnNext(started::tryEmitValue);
        }
    }
}
