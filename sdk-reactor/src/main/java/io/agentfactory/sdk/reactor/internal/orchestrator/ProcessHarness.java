package io.agentfactory.sdk.reactor.internal.orchestrator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.error.AgentHarnessUnavailableException;
import io.agentfactory.sdk.orchestrator.AgentHarness;
import io.agentfactory.sdk.orchestrator.AgentSession;
import io.agentfactory.sdk.orchestrator.AgentSpec;
import io.agentfactory.sdk.reactor.orchestrator.ChildEnvironment;
import io.agentfactory.sdk.reactor.orchestrator.HarnessOptions;

/**
 * A harness that runs one child process per session: {@code executable + arguments(spec)}, in the
 * spec's working directory, with exactly the environment {@link ChildEnvironment} composes (the
 * inherited layer filtered, the spec's layer trusted), speaking {@code protocol(spec)}. The process
 * starts on the I/O scheduler. Not API.
 */
public final class ProcessHarness implements AgentHarness {

    private static final Logger log = LoggerFactory.getLogger(ProcessHarness.class);

    private final String name;
    private final List<String> executable;
    private final Function<AgentSpec, List<String>> arguments;
    private final Function<AgentSpec, AgentProtocol> protocol;
    private final HarnessOptions options;

    /**
     * @param name the harness's name
     * @param executable the resolved command (its first element an executable path)
     * @param arguments the arguments for a spec
     * @param protocol the protocol for a spec
     */
    public ProcessHarness(String name, List<String> executable, Function<AgentSpec, List<String>> arguments,
            Function<AgentSpec, AgentProtocol> protocol, HarnessOptions options) {
        this.name = name;
        this.executable = List.copyOf(executable);
        this.arguments = arguments;
        this.protocol = protocol;
        this.options = options;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Mono<AgentSession> spawn(AgentSpec spec) {
        return Mono.<AgentSession>fromCallable(() -> start(spec)).subscribeOn(options.ioScheduler());
    }

    private AgentSession start(AgentSpec spec) {
        List<String> command = new ArrayList<>(executable);
        command.addAll(arguments.apply(spec));
        List<String> env = ChildEnvironment.compose(options.inheritedEnvironment(), List.of(spec.environment()),
                options.blocklist());
        ProcessBuilder builder = new ProcessBuilder(command).directory(spec.workingDirectory().toFile());
        Map<String, String> childEnv = builder.environment();
        childEnv.clear();
        childEnv.putAll(ChildEnvironment.toMap(env));
        if (log.isDebugEnabled()) {
            log.debug("starting {} in {} with env {}", name, spec.workingDirectory(), ChildEnvironment.redactedForLog(env));
        }
        Process process;
        try {
            process = builder.start();
        }
        catch (IOException e) {
            throw new AgentHarnessUnavailableException(name, name + " could not be started: " + e.getMessage(), e);
        }
        return AgentProcess.started(name, process, protocol.apply(spec), options.stopGrace(), options.ioScheduler(),
                options.maxLineBytes(), options.maxStderrBytes());
    }

}
