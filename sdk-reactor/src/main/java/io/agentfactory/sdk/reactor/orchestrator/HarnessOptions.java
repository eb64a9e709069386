package io.agentfactory.sdk.reactor.orchestrator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.reactor.internal.orchestrator.AgentIo;

/**
 * How the process harnesses start agent CLIs: the commands (looked up on {@code PATH} when a bare
 * name), the environment children inherit (filtered by {@link ChildEnvironment}), the grace period
 * between SIGTERM and SIGKILL, output limits, extra arguments, and the scheduler process I/O runs
 * on (each running agent holds two of its threads while its pipes are open). Immutable; {@link #toString()} shows no
 * environment values.
 */
public final class HarnessOptions {

    private final List<String> claudeCommand;
    private final List<String> codexCommand;
    private final List<String> claudeArguments;
    private final Map<String, String> inheritedEnvironment;
    private final @Nullable Set<String> blocklist;
    private final Duration stopGrace;
    private final int maxLineBytes;
    private final int maxStderrBytes;
    private final Scheduler ioScheduler;

    private HarnessOptions(Builder b) {
        this.claudeCommand = b.claudeCommand;
        this.codexCommand = b.codexCommand;
        this.claudeArguments = b.claudeArguments;
        this.inheritedEnvironment = b.inheritedEnvironment;
        this.blocklist = b.blocklist;
        this.stopGrace = b.stopGrace;
        this.maxLineBytes = b.maxLineBytes;
        this.maxStderrBytes = b.maxStderrBytes;
        this.ioScheduler = b.ioScheduler;
    }

    /** The defaults: {@code claude} and {@code codex} from {@code PATH}, this process's environment. */
    public static HarnessOptions defaults() {
        return builder().build();
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The command that starts Claude Code, before its arguments. */
    public List<String> claudeCommand() {
        return claudeCommand;
    }

    /** The command that starts Codex, before {@code app-server}. */
    public List<String> codexCommand() {
        return codexCommand;
    }

    /** Extra arguments for Claude Code ({@code --model}, {@code --max-turns}, …). */
    public List<String> claudeArguments() {
        return claudeArguments;
    }

    /** The environment children inherit, before filtering. */
    public Map<String, String> inheritedEnvironment() {
        return inheritedEnvironment;
    }

    /** The inherited keys to drop; {@code null} means {@link ChildEnvironment#DEFAULT_BLOCKLIST}. */
    public @Nullable Set<String> blocklist() {
        return blocklist;
    }

    /** How long an agent has to exit after SIGTERM (or after its input is closed) before SIGKILL. */
    public Duration stopGrace() {
        return stopGrace;
    }

    /** The longest output line accepted, in bytes. */
    public int maxLineBytes() {
        return maxLineBytes;
    }

    /** How many bytes of standard error are kept for failure messages. */
    public int maxStderrBytes() {
        return maxStderrBytes;
    }

    /** Where process I/O runs. */
    public Scheduler ioScheduler() {
        return ioScheduler;
    }

    @Override
    public String toString() {
        return "HarnessOptions[claude=" + claudeCommand + ", codex=" + codexCommand + ", inherited="
                + inheritedEnvironment.size() + " variables, stopGrace=" + stopGrace + ", maxLineBytes=" + maxLineBytes
                + "]";
    }

    /** Builds {@link HarnessOptions}. */
    public static final class Builder {

        private List<String> claudeCommand = List.of("claude");
        private List<String> codexCommand = List.of("codex");
        private List<String> claudeArguments = List.of();
        private Map<String, String> inheritedEnvironment = System.getenv();
        private @Nullable Set<String> blocklist;
        private Duration stopGrace = Duration.ofSeconds(10);
        private int maxLineBytes = 16 * 1024 * 1024;
        private int maxStderrBytes = 16 * 1024;
        private Scheduler ioScheduler = AgentIo.scheduler();

        private Builder() {
        }

        /**
         * The command starting Claude Code: a bare name is looked up on the inherited {@code PATH},
         * a path must be executable; further elements are passed before the harness's arguments.
         */
        public Builder claudeCommand(List<String> command) {
            this.claudeCommand = command(command);
            return this;
        }

        /** The command starting Codex, as {@link #claudeCommand}. */
        public Builder codexCommand(List<String> command) {
            this.codexCommand = command(command);
            return this;
        }

        /** Extra arguments for Claude Code. */
        public Builder claudeArguments(List<String> arguments) {
            this.claudeArguments = List.copyOf(arguments);
            return this;
        }

        /** The environment children inherit (default: this process's), filtered by the blocklist and runner-only rules. */
        public Builder inheritedEnvironment(Map<String, String> environment) {
            this.inheritedEnvironment = Map.copyOf(environment);
            return this;
        }

        /** The inherited keys to drop; {@code null} for the default list, empty for none. */
        public Builder blocklist(@Nullable Set<String> keys) {
            this.blocklist = keys == null ? null : Set.copyOf(keys);
            return this;
        }

        /**
         * The grace period between SIGTERM and SIGKILL.
         *
         * @throws InvalidArgumentException when not positive
         */
        public Builder stopGrace(Duration grace) {
            if (grace.isNegative() || grace.isZero()) {
                throw new InvalidArgumentException("stopGrace must be positive");
            }
            this.stopGrace = grace;
            return this;
        }

        /**
         * The longest output line accepted.
         *
         * @throws InvalidArgumentException when below 1 KiB
         */
        public Builder maxLineBytes(int bytes) {
            if (bytes < 1024) {
                throw new InvalidArgumentException("maxLineBytes must be at least 1024");
            }
            this.maxLineBytes = bytes;
            return this;
        }

        /**
         * How much standard error to keep.
         *
         * @throws InvalidArgumentException when negative
         */
        public Builder maxStderrBytes(int bytes) {
            if (bytes < 0) {
                throw new InvalidArgumentException("maxStderrBytes must not be negative");
            }
            this.maxStderrBytes = bytes;
            return this;
        }

        /**
         * Where process I/O runs. The default gives every blocking read a thread of its own; a
         * scheduler that queues tasks per thread (such as {@link Schedulers#boundedElastic()}) can
         * deadlock a stop behind a read left blocked by a cancelled subscription.
         */
        public Builder ioScheduler(Scheduler scheduler) {
            this.ioScheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** The options. */
        public HarnessOptions build() {
            return new HarnessOptions(this);
        }

        private static List<String> command(List<String> command) {
            if (command.isEmpty() || command.get(0).isBlank()) {
                throw new InvalidArgumentException("command must name an executable");
            }
            return List.copyOf(command);
        }
    }
}
