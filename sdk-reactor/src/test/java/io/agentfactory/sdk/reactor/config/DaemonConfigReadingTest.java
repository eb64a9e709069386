package io.agentfactory.sdk.reactor.config;

import static io.agentfactory.sdk.reactor.config.ConfigFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.agentfactory.sdk.daemon.DaemonConfig;
import io.agentfactory.sdk.error.ConfigFileException;

/** The daemon's endpoint from daemon.yaml: top-level host and port (the reference's DaemonConfig). */
class DaemonConfigReadingTest {

    @TempDir
    Path dir;

    @Test
    void missingFileGivesTheDefaultEndpoint() {
        assertThat(DaemonYamlFiles.readDaemonConfig(dir.resolve("daemon.yaml")).baseUrl())
                .isEqualTo("http://127.0.0.1:7734");
    }

    @Test
    void missingKeysGiveTheDefaults() {
        Path file = write(dir.resolve("daemon.yaml"), "machine: {id: m1}\n");

        assertThat(DaemonYamlFiles.readDaemonConfig(file)).isEqualTo(DaemonConfig.defaults());
    }

    @Test
    void hostAndPortAreRead() {
        Path file = write(dir.resolve("daemon.yaml"), "host: \"::1\"\nport: 9000\n");

        assertThat(DaemonYamlFiles.readDaemonConfig(file).baseUrl()).isEqualTo("http://[::1]:9000");
    }

    @Test
    void portThatIsNotANumberNamesTheFileAndLine() {
        Path file = write(dir.resolve("daemon.yaml"), "host: localhost\nport: http\n");

        assertThatThrownBy(() -> DaemonYamlFiles.readDaemonConfig(file))
                .isInstanceOfSatisfying(ConfigFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(OptionalInt.of(2));
                    assertThat(e).hasMessage(file + ":2: port must be an integer");
                });
    }

    @Test
    void portOutOfRangeIsRefused() {
        Path file = write(dir.resolve("daemon.yaml"), "port: 70000\n");

        assertThatThrownBy(() -> DaemonYamlFiles.readDaemonConfig(file))
                .isInstanceOf(ConfigFileException.class)
                .hasMessage(file + ":1: port must be between 1 and 65535");
    }

    @Test
    void sectionsTheEndpointDoesNotUseAreNotValidated() {
        Path file = write(dir.resolve("daemon.yaml"), "port: 7800\nprojects: not-a-list\n");

        assertThat(DaemonYamlFiles.readDaemonConfig(file)).isEqualTo(new DaemonConfig("127.0.0.1", 7800));
    }
}
