package io.agentfactory.sdk.reactor.config;

import static io.agentfactory.sdk.reactor.config.ConfigFiles.bytes;
import static io.agentfactory.sdk.reactor.config.ConfigFiles.names;
import static io.agentfactory.sdk.reactor.config.ConfigFiles.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.agentfactory.sdk.config.CapacityConfig;
import io.agentfactory.sdk.config.DaemonYAML;
import io.agentfactory.sdk.config.ProjectEntry;
import io.agentfactory.sdk.error.ConfigFileException;
import io.agentfactory.sdk.error.InvalidArgumentException;

/** Bad or hostile input gives a typed error naming the file and line, and nothing is written. */
class BadInputTest {

    @TempDir
    Path dir;

    /**
     * @param name what is wrong
     * @param content the file
     * @param line the 1-based line the error must name, 0 when the parser cannot know it
     * @param message a part of the message
     */
    record BadInput(String name, byte[] content, int line, String message) {

        static BadInput of(String name, String content, int line, String message) {
            return new BadInput(name, content.getBytes(StandardCharsets.UTF_8), line, message);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadInput> badInputs() {
        return Stream.of(
                BadInput.of("malformed YAML", "machine:\n\tid: m1\n", 2, "not valid YAML"),
                BadInput.of("top level is a list", "- a\n- b\n", 1, "the top level must be a mapping"),
                BadInput.of("top level is a scalar", "just some text\n", 1, "the top level must be a mapping"),
                BadInput.of("projects is a mapping", "machine: {}\nprojects:\n  repository: github.com/foo/bar\n", 3,
                        "projects must be a list"),
                BadInput.of("a project is a scalar", "projects:\n  - github.com/foo/bar\n", 2,
                        "projects[0] must be a mapping"),
                BadInput.of("a project without repository",
                        "projects:\n  - id: a\n    repository: github.com/a/a\n  - id: b\n    cloneStrategy: full\n", 4,
                        "projects[1] has no repository"),
                BadInput.of("a repository that is a list", "projects:\n  - repository: [a, b]\n", 2,
                        "projects[0].repository must be a string"),
                BadInput.of("a credential helper that is a scalar",
                        "projects:\n  - repository: a\n    credentialHelper: ssh\n", 3,
                        "projects[0].credentialHelper must be a mapping"),
                BadInput.of("non-numeric capacity", "capacity:\n  maxConcurrentSessions: four\n", 2,
                        "capacity.maxConcurrentSessions must be an integer"),
                BadInput.of("fractional capacity", "capacity:\n  poolMaxDiskGb: 1.5\n", 2,
                        "capacity.poolMaxDiskGb must be an integer"),
                BadInput.of("quoted capacity", "capacity:\n  poolMaxDiskGb: \"50\"\n", 2,
                        "capacity.poolMaxDiskGb must be an integer"),
                BadInput.of("capacity beyond 32 bits", "capacity:\n  poolMaxDiskGb: 99999999999\n", 2,
                        "capacity.poolMaxDiskGb must be an integer"),
                BadInput.of("capacity is a scalar", "capacity: 4\n", 1, "capacity must be a mapping"),
                BadInput.of("duplicate key", "machine:\n  id: a\n  id: b\n", 3, "duplicate key 'id'"),
                BadInput.of("two documents", "machine: {}\n---\nprojects: []\n", 2, "not valid YAML"),
                BadInput.of("non-scalar key", "? [a, b]\n: c\n", 0, "not valid YAML"),
                BadInput.of("alias bomb", aliasBomb(), 7, "aliases"),
                BadInput.of("nesting deeper than 64", "a: " + "[".repeat(100) + "]".repeat(100) + "\n", 1,
                        "nested deeper than 64"),
                new BadInput("larger than 1 MiB", oversized(), 0, "larger than 1048576 bytes"),
                new BadInput("not UTF-8", new byte[] {'a', ':', ' ', (byte) 0xff, '\n'}, 0, "not valid UTF-8"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void readNamesTheFileAndTheLine(BadInput input) throws IOException {
        Path file = Files.write(dir.resolve("daemon.yaml"), input.content());

        assertThatThrownBy(() -> DaemonYamlFiles.read(file)).isInstanceOfSatisfying(ConfigFileException.class, e -> {
            assertThat(e.file()).isEqualTo(file.toString());
            assertThat(e.line()).isEqualTo(input.line() == 0 ? OptionalInt.empty() : OptionalInt.of(input.line()));
            assertThat(e.getMessage()).startsWith(file.toString()).contains(input.message());
            assertThat(e.isRetryable()).isFalse();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void updateFailsAndLeavesTheFileUntouched(BadInput input) throws IOException {
        Path file = Files.write(dir.resolve("daemon.yaml"), input.content());

        assertThatThrownBy(() -> DaemonYamlFiles.update(file,
                config -> config.addOrUpdateProject(project("github.com/foo/new"))))
                .isInstanceOf(ConfigFileException.class);

        assertThat(bytes(file)).isEqualTo(input.content());
        assertThat(names(dir)).containsExactly("daemon.yaml", "daemon.yaml.lock");
    }

    @Test
    void writeRefusesABlankRepositoryBeforeTouchingAnything() {
        Path file = dir.resolve("sub/daemon.yaml");
        DaemonYAML config = new DaemonYAML(List.of(project("github.com/foo/bar"), project(" ")), CapacityConfig.empty());

        assertThatThrownBy(() -> DaemonYamlFiles.write(file, config))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("projects[1].repository is blank");
        assertThat(names(dir)).isEmpty();
    }

    @Test
    void updateProducingABlankRepositoryWritesNothing() {
        Path file = ConfigFiles.write(dir.resolve("daemon.yaml"), "projects: []\n");

        assertThatThrownBy(() -> DaemonYamlFiles.update(file, config -> config.addOrUpdateProject(
                new ProjectEntry("x", "", null, null)))).isInstanceOf(InvalidArgumentException.class);
        assertThat(ConfigFiles.text(file)).isEqualTo("projects: []\n");
    }

    @Test
    void failingChangeWritesNothing() {
        Path file = ConfigFiles.write(dir.resolve("daemon.yaml"), "projects: []\n");
        IllegalStateException failure = new IllegalStateException("the change failed");

        assertThatThrownBy(() -> DaemonYamlFiles.update(file, config -> {
            throw failure;
        })).isSameAs(failure);
        assertThat(ConfigFiles.text(file)).isEqualTo("projects: []\n");
    }

    /** Nine levels of nine aliases each: 81 aliases to collections, 9^9 leaves if expanded. */
    private static String aliasBomb() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (char level = 'b'; level <= 'j'; level++) {
            String previous = "*" + (char) (level - 1);
            yaml.append(level).append(": &").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, previous))).append("]\n");
        }
        return yaml.toString();
    }

    private static byte[] oversized() {
        byte[] content = new byte[YamlDocument.MAX_BYTES + 1];
        java.util.Arrays.fill(content, (byte) '#');
        return content;
    }
}
