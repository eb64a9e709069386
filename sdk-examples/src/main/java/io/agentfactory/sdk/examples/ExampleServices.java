package io.agentfactory.sdk.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.config.DaemonYamlLocation;
import io.agentfactory.sdk.coordinator.CoordinatorClient;
import io.agentfactory.sdk.daemon.ControlTokenLocation;
import io.agentfactory.sdk.daemon.DaemonClient;
import io.agentfactory.sdk.daemon.DaemonConfig;
import io.agentfactory.sdk.examples.simulator.AgentFactorySimulator;
import io.agentfactory.sdk.reactor.config.DaemonYamlFiles;
import io.agentfactory.sdk.reactor.coordinator.CoordinatorClientOptions;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.reactor.daemon.DaemonClientOptions;
import io.agentfactory.sdk.reactor.daemon.ReactorDaemonClient;

/**
 * The coordinator, the daemon and the {@code daemon.yaml} an example works with: real services
 * when flags or environment variables name them, otherwise the embedded simulator.
 *
 * <table>
 * <caption>How the examples find the services</caption>
 * <tr><th>flag</th><th>environment variable</th><th>meaning</th></tr>
 * <tr><td>{@code --coordinator-url}</td><td>{@value #ENV_COORDINATOR_URL}</td><td>the coordinator's base URL</td></tr>
 * <tr><td>{@code --token}</td><td>{@value #ENV_TOKEN}</td><td>the coordinator bearer token</td></tr>
 * <tr><td>{@code --daemon-url}</td><td>{@code DONMAI_DAEMON_URL} (or {@code DONMAI_DAEMON_HOST} and
 * {@code DONMAI_DAEMON_PORT})</td><td>the daemon's base URL (default {@code http://127.0.0.1:7734})</td></tr>
 * <tr><td>{@code --control-token}</td><td>{@code DONMAI_CONTROL_TOKEN}</td><td>the daemon control token</td></tr>
 * <tr><td>{@code --daemon-yaml}</td><td>{@code DONMAI_DAEMON_YAML} (real services only)</td><td>the
 * daemon.yaml to edit (else a copy in a temporary directory)</td></tr>
 * </table>
 *
 * <p>Naming a coordinator or a daemon selects real services; {@code --simulator} forces the
 * simulator whatever the environment says. Against real services the examples that change the
 * daemon (pause, drain, kit install) run only with {@code --allow-changes}.
 *
 * <p>{@link #connect} and {@link #close} block (starting and stopping the simulator, reading
 * daemon.yaml): call them from {@code main} or a test, never from a reactive pipeline.
 */
public final class ExampleServices implements AutoCloseable {

    /** The variable naming the coordinator's base URL. */
    public static final String ENV_COORDINATOR_URL = "AGENTFACTORY_COORDINATOR_URL";
    /** The variable holding the coordinator bearer token. */
    public static final String ENV_TOKEN = "AGENTFACTORY_TOKEN";

    /** The repositories the simulated daemon's daemon.yaml allows at the start (the simulated org's projects). */
    static final List<String> SIMULATED_PROJECTS = List.of("github.com/acme/platform-api",
            "github.com/acme/web-console", "github.com/acme/billing-service");

    private final ExampleArguments arguments;
    private final @Nullable AgentFactorySimulator simulator;
    private final @Nullable ReactorCoordinatorClient coordinator;
    private final ReactorDaemonClient daemon;
    private final Path daemonYaml;
    private final boolean daemonYamlGiven;
    private final @Nullable Path temporaryDirectory;

    private ExampleServices(ExampleArguments arguments, @Nullable AgentFactorySimulator simulator,
            @Nullable ReactorCoordinatorClient coordinator, ReactorDaemonClient daemon, Path daemonYaml,
            boolean daemonYamlGiven, @Nullable Path temporaryDirectory) {
        this.arguments = arguments;
        this.simulator = simulator;
        this.coordinator = coordinator;
        this.daemon = daemon;
        this.daemonYaml = daemonYaml;
        this.daemonYamlGiven = daemonYamlGiven;
        this.temporaryDirectory = temporaryDirectory;
    }

    /**
     * Connects as {@code arguments} and {@code environment} say (see the class documentation).
     *
     * @throws IllegalArgumentException when a flag or variable holds an invalid value
     */
    public static ExampleServices connect(ExampleArguments arguments, Map<String, String> environment) {
        Optional<String> coordinatorUrl = arguments.value("coordinator-url")
                .or(() -> nonBlank(environment, ENV_COORDINATOR_URL));
        boolean daemonNamed = arguments.value("daemon-url").isPresent()
                || Stream.of(DaemonClientOptions.ENV_URL, DaemonClientOptions.ENV_HOST, DaemonClientOptions.ENV_PORT)
                        .anyMatch(name -> nonBlank(environment, name).isPresent());
        Optional<Path> flaggedYaml = arguments.value("daemon-yaml").map(Path::of);
        if (arguments.has("simulator") || coordinatorUrl.isEmpty() && !daemonNamed) {
            // Only an explicit flag: a DONMAI_DAEMON_YAML exported for a real daemon must not be edited by a demo.
            return simulated(AgentFactorySimulator.builder(), arguments, flaggedYaml.orElse(null));
        }
        Optional<Path> givenYaml = flaggedYaml.or(() -> nonBlank(environment, DaemonYamlLocation.ENV_VAR)
                .map(v -> DaemonYamlLocation.resolve(environment, System.getProperty("user.home", ""))));
        return real(arguments, environment, coordinatorUrl.orElse(null), givenYaml.orElse(null));
    }

    /**
     * Starts a simulator from {@code builder}, with a daemon whose allow-list is read from the
     * daemon.yaml the examples edit: {@code daemonYaml} when given, else a fresh one in a
     * temporary directory that {@link #close()} deletes.
     */
    static ExampleServices simulated(AgentFactorySimulator.Builder builder, ExampleArguments arguments,
            @Nullable Path daemonYaml) {
        Path temporary = null;
        Path yaml = daemonYaml;
        try {
            if (yaml == null) {
                temporary = Files.createTempDirectory("agentfactory-examples-");
                yaml = temporary.resolve("daemon.yaml");
                Files.writeString(yaml, simulatedDaemonYaml());
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a daemon.yaml for the simulator", e);
        }
        Path file = yaml;
        // Like a real install: the simulated daemon mints its control token file beside a fresh
        // daemon.yaml, and the daemon client reads it from there.
        Path tokenFile = temporary == null ? null : temporary.resolve("state").resolve(ControlTokenLocation.FILE_NAME);
        if (tokenFile != null) {
            builder.daemonControlTokenFile(tokenFile);
        }
        // The simulator reads the allow-list off its event loop, so a blocking file read is fine there.
        AgentFactorySimulator simulator = builder.daemonYaml(file).start();
        ReactorCoordinatorClient coordinator = ReactorCoordinatorClient.create(
                CoordinatorClientOptions.builder(simulator.coordinatorBaseUrl()).build());
        DaemonClientOptions daemonOptions = DaemonClientOptions.builder().baseUrl(simulator.daemonBaseUrl()).build();
        if (tokenFile != null) {
            daemonOptions = daemonOptions.withControlTokenFile(tokenFile).block(Duration.ofSeconds(30));
        }
        ReactorDaemonClient daemon = ReactorDaemonClient.create(daemonOptions);
        return new ExampleServices(arguments, simulator, coordinator, daemon, file, daemonYaml != null, temporary);
    }

    private static ExampleServices real(ExampleArguments arguments, Map<String, String> environment,
            @Nullable String coordinatorUrl, @Nullable Path givenYaml) {
        ReactorCoordinatorClient coordinator = null;
        if (coordinatorUrl != null) {
            String token = arguments.value("token").or(() -> nonBlank(environment, ENV_TOKEN)).orElse(null);
            coordinator = ReactorCoordinatorClient.create(
                    CoordinatorClientOptions.builder(coordinatorUrl).token(token).build());
        }
        // The daemon's host and port from its daemon.yaml, then DONMAI_* variables, then flags.
        DaemonConfig endpoint = givenYaml == null ? DaemonConfig.defaults() : DaemonYamlFiles.readDaemonConfig(givenYaml);
        DaemonClientOptions.Builder daemonOptions = DaemonClientOptions.builder(endpoint).environment(environment);
        arguments.value("daemon-url").ifPresent(daemonOptions::baseUrl);
        arguments.value("control-token").ifPresent(daemonOptions::controlToken);
        ReactorDaemonClient daemon = ReactorDaemonClient.create(daemonOptions.build());
        Path temporary = null;
        Path yaml = givenYaml;
        if (yaml == null) {
            try {
                temporary = Files.createTempDirectory("agentfactory-examples-");
                yaml = temporary.resolve("daemon.yaml");
                Files.writeString(yaml, simulatedDaemonYaml());
            }
            catch (IOException e) {
                daemon.close();
                if (coordinator != null) {
                    coordinator.close();
                }
                throw new UncheckedIOException("cannot prepare a daemon.yaml", e);
            }
        }
        return new ExampleServices(arguments, null, coordinator, daemon, yaml, givenYaml != null, temporary);
    }

    /** The flags the example was started with. */
    public ExampleArguments arguments() {
        return arguments;
    }

    /**
     * The coordinator client.
     *
     * @throws IllegalStateException when real services were chosen without naming a coordinator
     */
    public CoordinatorClient coordinator() {
        return coordinatorClient();
    }

    /** The options of the coordinator client, to build variants (a shorter timeout, no retries). */
    public CoordinatorClientOptions coordinatorOptions() {
        return coordinatorClient().options();
    }

    /** Whether a coordinator is configured (always with the simulator). */
    public boolean hasCoordinator() {
        return coordinator != null;
    }

    /** The daemon client. */
    public DaemonClient daemon() {
        return daemon;
    }

    /** The daemon.yaml the examples edit. */
    public Path daemonYaml() {
        return daemonYaml;
    }

    /**
     * Whether {@link #daemonYaml()} is the file the daemon reads: always with the simulator, and
     * against a real daemon when {@code --daemon-yaml} or {@code DONMAI_DAEMON_YAML} named it.
     */
    public boolean daemonReadsDaemonYaml() {
        return simulator != null || daemonYamlGiven;
    }

    /** The embedded simulator, when the examples run against it. */
    public Optional<AgentFactorySimulator> simulator() {
        return Optional.ofNullable(simulator);
    }

    /** Whether examples may change the services: always the simulator; real ones with {@code --allow-changes}. */
    public boolean mayChangeServices() {
        return simulator != null || arguments.has("allow-changes");
    }

    /**
     * Warms both clients up ({@code warmup()}: event loops, resolver, JSON readers; nothing is sent),
     * as a service does before it serves, so that the example's first call is not the one that
     * loads the HTTP stack.
     */
    public Mono<Void> warmup() {
        return coordinator == null ? daemon.warmup() : Mono.when(coordinator.warmup(), daemon.warmup());
    }

    /** Where the examples run, for a header line (never a token). */
    public String description() {
        if (simulator != null) {
            return "embedded simulator (coordinator " + simulator.coordinatorBaseUrl() + ", daemon "
                    + simulator.daemonBaseUrl() + ", seed " + simulator.seed() + ")";
        }
        return "real services (coordinator " + (coordinator == null ? "not configured" : coordinator.options().baseUrl())
                + ", daemon " + daemon.options().baseUrl() + ")";
    }

    /** Closes both clients and the simulator, and deletes the temporary daemon.yaml; blocks until done. */
    @Override
    public void close() {
        if (coordinator != null) {
            coordinator.close();
        }
        daemon.close();
        if (simulator != null) {
            simulator.close();
        }
        if (temporaryDirectory != null) {
            try (Stream<Path> files = Files.walk(temporaryDirectory)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
            catch (IOException e) {
                // A temporary directory left behind is not worth failing an example for.
            }
        }
    }

    @Override
    public String toString() {
        return "ExampleServices[" + description() + "]";
    }

    private ReactorCoordinatorClient coordinatorClient() {
        if (coordinator == null) {
            throw new IllegalStateException("no coordinator configured: pass --coordinator-url or set "
                    + ENV_COORDINATOR_URL);
        }
        return coordinator;
    }

    private static Optional<String> nonBlank(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** A daemon.yaml as a daemon writes it: keys the SDK does not model, comments, the allow-list, capacity. */
    private static String simulatedDaemonYaml() {
        StringBuilder yaml = new StringBuilder("""
                # Worker daemon configuration (written for the AgentFactory SDK examples).
                apiVersion: donmai.dev/v1
                machine:
                  id: mac-studio-berlin   # the machine the simulated daemon runs on
                  region: home-network
                orchestrator:
                  url: https://platform.example
                # Repositories this daemon accepts work for.
                projects:
                """);
        for (String repository : SIMULATED_PROJECTS) {
            yaml.append("  - repository: ").append(repository).append('\n')
                    .append("    cloneStrategy: shallow\n");
        }
        yaml.append("""
                capacity:
                  maxConcurrentSessions: 4
                  poolMaxDiskGb: 50
                """);
        return yaml.toString();
    }
}
