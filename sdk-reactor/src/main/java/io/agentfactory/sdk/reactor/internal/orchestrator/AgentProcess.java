package io.agentfactory.sdk.reactor.internal.orchestrator;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.orchestrator.AgentEvent;
import io.agentfactory.sdk.orchestrator.AgentSession;

/**
 * An agent session that is one child process: its standard output decoded by an
 * {@link AgentProtocol} into events (backpressured, on the I/O scheduler), its standard error
 * drained into a {@link BoundedTail}, its exit observed without blocking. {@link #stop()} sends
 * SIGTERM to the process and its descendants and SIGKILL after the grace period, timed by a
 * Reactor timer. Not API.
 */
public final class AgentProcess implements AgentSession {

    private static final Logger log = LoggerFactory.getLogger(AgentProcess.class);

    private final String harness;
    private final Process process;
    private final AgentProtocol protocol;
    private final AgentInput input;
    private final BoundedTail stderr;
    private final Duration grace;
    private final Scheduler io;
    private final int maxLineBytes;
    private final Mono<Integer> exit;
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final AtomicReference<Sinks.@Nullable Empty<Void>> stopping = new AtomicReference<>();

    private AgentProcess(String harness, Process process, AgentProtocol protocol, BoundedTail stderr,
            Duration grace, Scheduler io, int maxLineBytes) {
        this.harness = harness;
        this.process = process;
        this.protocol = protocol;
        this.input = new AgentInput(process.getOutputStream());
        this.stderr = stderr;
        this.grace = grace;
        this.io = io;
        this.maxLineBytes = maxLineBytes;
        // The JDK completes onExit on its process-reaper threads, whose stacks are small: move off them.
        this.exit = Mono.fromFuture(process.onExit(), true).map(Process::exitValue).publishOn(Schedulers.parallel())
                .cache();
    }

    /**
     * Wraps a started process: starts draining its standard error on {@code io}.
     *
     * @param stderrLimit the most standard-error bytes kept
     */
    public static AgentProcess started(String harness, Process process, AgentProtocol protocol, Duration grace,
            Scheduler io, int maxLineBytes, int stderrLimit) {
        BoundedTail tail = new BoundedTail(stderrLimit);
        AgentProcess session = new AgentProcess(harness, process, protocol, tail, grace, io, maxLineBytes);
        Mono.fromRunnable(() -> tail.drain(process.getErrorStream())).subscribeOn(io).subscribe();
        return session;
    }

    @Override
    public String harness() {
        return harness;
    }

    @Override
    public OptionalLong pid() {
        return OptionalLong.of(process.pid());
    }

    @Override
    public Flux<AgentEvent> events() {
        return Flux.defer(() -> {
            if (!subscribed.compareAndSet(false, true)) {
                return Flux.error(new InvalidArgumentException("an agent session's events may be subscribed once"));
            }
            return Mono.fromRunnable(() -> protocol.start(input))
                    .subscribeOn(io)
                    .thenMany(OutputLines.read(process.getInputStream(), maxLineBytes, io)
                            .concatMapIterable(line -> protocol.decode(line, input)));
        });
    }

    @Override
    public Mono<Integer> exit() {
        return exit;
    }

    @Override
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    @Override
    public String diagnostics() {
        return stderr.text();
    }

    /**
     * Closes the agent's input (inline: the pipe's buffer is always flushed, so closing never
     * writes), then waits the grace period for the agent to exit before stopping it.
     */
    @Override
    public Mono<Void> close() {
        return Mono.<Void>fromRunnable(input::close)
                .then(exit.timeout(grace, Schedulers.parallel()).then())
                .onErrorResume(TimeoutException.class, e -> stop());
    }

    /**
     * Stops the process once: the first call starts SIGTERM → grace → SIGKILL on its own
     * subscription, so cancelling a caller never aborts a kill half-way; every call completes when
     * the process has exited.
     */
    @Override
    public Mono<Void> stop() {
        return Mono.defer(() -> {
            Sinks.Empty<Void> done = Sinks.empty();
            if (stopping.compareAndSet(null, done)) {
                terminate().subscribe(null, e -> done.tryEmitEmpty(), done::tryEmitEmpty);
            }
            return stopping.get().asMono();
        });
    }

    /*
     * Signals are sent inline, never through a hop to the I/O scheduler: a pooled I/O thread may
     * still be blocked in a read of this very process's output, and a task queued behind that read
     * would wait for the exit it is meant to cause.
     */
    private Mono<Void> terminate() {
        return Mono.defer(() -> {
            if (!process.isAlive()) {
                return Mono.<Void>empty();
            }
            List<ProcessHandle> descendants = process.descendants().toList();
            log.debug("stopping {} (pid {}): SIGTERM, SIGKILL in {}", harness, process.pid(), grace);
            process.destroy();
            descendants.forEach(ProcessHandle::destroy);
            return exit.timeout(grace, Schedulers.parallel())
                    .onErrorResume(TimeoutException.class, e -> {
                        log.debug("{} (pid {}) still running after {}: SIGKILL", harness, process.pid(), grace);
                        process.destroyForcibly();
                        descendants.forEach(ProcessHandle::destroyForcibly);
                        return exit;
                    })
                    .then(Mono.fromRunnable(() -> descendants.stream().filter(ProcessHandle::isAlive)
                            .forEach(ProcessHandle::destroyForcibly)));
        }).then(Mono.fromRunnable(input::close));
    }
}
