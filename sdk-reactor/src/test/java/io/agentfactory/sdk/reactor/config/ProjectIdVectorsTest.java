package io.agentfactory.sdk.reactor.config;

import static io.agentfactory.sdk.reactor.config.ConfigFiles.project;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.agentfactory.sdk.config.CapacityConfig;
import io.agentfactory.sdk.config.DaemonYAML;
import io.agentfactory.sdk.config.ProjectEntry;
import io.agentfactory.sdk.reactor.internal.json.JsonCodec;
import tools.jackson.databind.JsonNode;

/**
 * Every DeriveProjectID pair of {@code vectors.json} (a copy of the shared spec's file) through
 * the id derivation the writer and the reader use.
 */
class ProjectIdVectorsTest {

    @TempDir
    Path dir;

    /**
     * @param input the repository URL
     * @param output the id the reference derives
     */
    record Pair(String input, String output) {

        @Override
        public String toString() {
            return "'" + input + "' -> '" + output + "'";
        }
    }

    static Stream<Pair> pairs() {
        JsonNode vectors = JsonCodec.get().mapper().readTree(ConfigFiles.resource("vectors.json"));
        return vectors.get("deriveProjectId").get("pairs").valueStream()
                .map(pair -> new Pair(pair.get("input").asString(), pair.get("output").asString()));
    }

    /** The repositories a file can hold: the reader refuses a blank one, so the writer does too. */
    static Stream<Pair> writablePairs() {
        return pairs().filter(pair -> !pair.input().isBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void derivationOfTheWriterMatchesTheReference(Pair pair) {
        assertThat(DaemonYamlReader.withDerivedId(project(pair.input())).id()).isEqualTo(pair.output());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writablePairs")
    void writtenFileCarriesTheDerivedId(Pair pair) {
        Path file = dir.resolve("daemon.yaml");

        DaemonYamlFiles.write(file, new DaemonYAML(List.of(new ProjectEntry("", pair.input(), null, null)),
                CapacityConfig.empty()));

        assertThat(ConfigFiles.text(file)).startsWith("projects:\n  - id: " + pair.output() + "\n");
    }
}
