package io.agentfactory.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.agentfactory.sdk.error.NotAuthenticatedException;
import io.agentfactory.sdk.examples.simulator.AgentFactorySimulator;
import io.agentfactory.sdk.reactor.config.DaemonYamlFiles;

/**
 * How an example finds its services: the simulator by default; "real" services when flags or
 * environment variables name them (here a separately started simulator plays the real services).
 */
class ExampleServicesTest {

    private AgentFactorySimulator real;

    @BeforeEach
    void startRealServices() {
        real = AgentFactorySimulator.builder().coordinatorToken("rsk_example").start();
    }

    @AfterEach
    void stopRealServices() {
        real.close();
    }

    @Test
    void withoutFlagsOrEnvironmentTheExamplesGetTheSimulatorAndATemporaryDaemonYaml() {
        Path directory;
        try (ExampleServices services = ExampleServices.connect(ExampleArguments.none(), Map.of())) {
            assertThat(services.simulator()).isPresent();
            assertThat(services.mayChangeServices()).isTrue();
            assertThat(services.daemonReadsDaemonYaml()).isTrue();
            assertThat(DaemonYamlFiles.read(services.daemonYaml()).projects()).hasSize(3);
            assertThat(services.daemon().getStatus().block().projectsAllowed()).isEqualTo(3);
            directory = services.daemonYaml().getParent();
        }
        assertThat(directory).doesNotExist();
    }

    @Test
    void aCoordinatorUrlAndTokenFromTheEnvironmentSelectRealServices() {
        Map<String, String> environment = Map.of(ExampleServices.ENV_COORDINATOR_URL, real.coordinatorBaseUrl(),
                ExampleServices.ENV_TOKEN, "rsk_example", "DONMAI_DAEMON_URL", real.daemonBaseUrl());

        try (ExampleServices services = ExampleServices.connect(ExampleArguments.none(), environment)) {
            assertThat(services.simulator()).isEmpty();
            assertThat(services.coordinator().getStats().block().workersOnline()).isEqualTo(3);
            assertThat(services.daemon().getStatus().block().machineId()).isEqualTo("mac-studio-berlin");
            assertThat(services.description()).contains(real.coordinatorBaseUrl(), real.daemonBaseUrl())
                    .doesNotContain("rsk_example");
        }
    }

    @Test
    void flagsWinOverTheEnvironment() {
        Map<String, String> environment = Map.of(ExampleServices.ENV_COORDINATOR_URL, "http://127.0.0.1:1",
                ExampleServices.ENV_TOKEN, "rsk_wrong");
        ExampleArguments arguments = ExampleArguments.parse("--coordinator-url", real.coordinatorBaseUrl(),
                "--token", "rsk_example", "--daemon-url", real.daemonBaseUrl());

        try (ExampleServices services = ExampleServices.connect(arguments, environment)) {
            assertThat(services.coordinator().getStats().block().workersOnline()).isEqualTo(3);
        }
    }

    @Test
    void withoutTheTokenTheRealCoordinatorRefusesWithATypedError() {
        ExampleArguments arguments = ExampleArguments.parse("--coordinator-url", real.coordinatorBaseUrl());

        try (ExampleServices services = ExampleServices.connect(arguments, Map.of())) {
            assertThatThrownBy(() -> services.coordinator().getStats().block()).isInstanceOf(NotAuthenticatedException.class);
        }
    }

    @Test
    void realServicesAreChangedOnlyWithAllowChanges() {
        ExampleArguments cautious = ExampleArguments.parse("--daemon-url", real.daemonBaseUrl());
        ExampleArguments allowed = ExampleArguments.parse("--daemon-url", real.daemonBaseUrl(), "--allow-changes");

        try (ExampleServices services = ExampleServices.connect(cautious, Map.of())) {
            assertThat(services.mayChangeServices()).isFalse();
        }
        try (ExampleServices services = ExampleServices.connect(allowed, Map.of())) {
            assertThat(services.mayChangeServices()).isTrue();
        }
    }

    @Test
    void aDaemonNamedAloneLeavesNoCoordinatorAndSaysWhichFlagIsMissing() {
        try (ExampleServices services = ExampleServices.connect(ExampleArguments.none(),
                Map.of("DONMAI_DAEMON_PORT", portOf(real.daemonBaseUrl())))) {
            assertThat(services.hasCoordinator()).isFalse();
            assertThat(services.daemon().getStatus().block().machineId()).isEqualTo("mac-studio-berlin");
            assertThatIllegalStateException().isThrownBy(services::coordinator)
                    .withMessageContaining("--coordinator-url").withMessageContaining(ExampleServices.ENV_COORDINATOR_URL);
        }
    }

    @Test
    void theSimulatorSwitchWinsOverAnEnvironmentNamingRealServices() {
        try (ExampleServices services = ExampleServices.connect(ExampleArguments.parse("--simulator"),
                Map.of(ExampleServices.ENV_COORDINATOR_URL, real.coordinatorBaseUrl()))) {
            assertThat(services.simulator()).isPresent();
        }
    }

    @Test
    void aGivenDaemonYamlIsTheOneTheSimulatedDaemonReadsAndIsKept(@TempDir Path directory) throws Exception {
        Path yaml = directory.resolve("daemon.yaml");
        Files.writeString(yaml, "projects:\n  - repository: github.com/acme/only-one\n");

        try (ExampleServices services = ExampleServices.connect(ExampleArguments.parse("--daemon-yaml", yaml.toString()),
                Map.of())) {
            assertThat(services.daemonYaml()).isEqualTo(yaml);
            assertThat(services.daemon().getStatus().block().projectsAllowed()).isEqualTo(1);
        }
        assertThat(yaml).exists();
    }

    @Test
    void withTheSimulatorTheDaemonYamlVariableIsIgnoredSoARealConfigIsNeverEdited(@TempDir Path directory) {
        Path real = directory.resolve("daemon.yaml");

        try (ExampleServices services = ExampleServices.connect(ExampleArguments.none(),
                Map.of("DONMAI_DAEMON_YAML", real.toString()))) {
            assertThat(services.simulator()).isPresent();
            assertThat(services.daemonYaml()).isNotEqualTo(real);
        }
    }

    @Test
    void againstRealServicesATemporaryDaemonYamlIsEditedUnlessOneIsNamed(@TempDir Path directory) {
        try (ExampleServices services = ExampleServices.connect(ExampleArguments.parse("--daemon-url", real.daemonBaseUrl()),
                Map.of())) {
            assertThat(services.daemonReadsDaemonYaml()).isFalse();
            assertThat(services.daemonYaml()).exists();
        }
        Path named = directory.resolve("daemon.yaml");
        try (ExampleServices services = ExampleServices.connect(ExampleArguments.parse("--daemon-url", real.daemonBaseUrl()),
                Map.of("DONMAI_DAEMON_YAML", named.toString()))) {
            assertThat(services.daemonYaml()).isEqualTo(named);
            assertThat(services.daemonReadsDaemonYaml()).isTrue();
        }
    }

    private static String portOf(String baseUrl) {
        return baseUrl.substring(baseUrl.lastIndexOf(':') + 1);
    }
}
