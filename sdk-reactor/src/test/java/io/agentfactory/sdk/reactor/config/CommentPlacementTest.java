package io.agentfactory.sdk.reactor.config;

import static io.agentfactory.sdk.reactor.config.ConfigFiles.names;
import static io.agentfactory.sdk.reactor.config.ConfigFiles.project;
import static io.agentfactory.sdk.reactor.config.ConfigFiles.text;
import static io.agentfactory.sdk.reactor.config.ConfigFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.comments.CommentLine;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import io.agentfactory.sdk.config.CapacityConfig;
import io.agentfactory.sdk.config.DaemonYAML;
import io.agentfactory.sdk.config.ProjectEntry;
import io.agentfactory.sdk.error.ConfigFileException;

/**
 * Comments where snakeyaml-engine's emitter (or composer) cannot take them: after a value that
 * becomes a block, on a document marker, after an alias or a merge key. Every write goes through
 * the real file path and the result is read back.
 */
class CommentPlacementTest {

    private static final UnaryOperator<DaemonYAML> ADD = config -> config.addOrUpdateProject(project("github.com/a/b"));
    private static final UnaryOperator<DaemonYAML> CAPACITY = config -> config.withCapacity(new CapacityConfig(4, 5));
    private static final String ITEM = "id: a-b\n      repository: github.com/a/b\n      cloneStrategy: shallow\n";

    @TempDir
    Path dir;

    /**
     * @param before the file
     * @param change the update
     * @param after the file written
     */
    record Case(String name, String before, UnaryOperator<DaemonYAML> change, String after) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> naturalFiles() {
        return Stream.of(
                new Case("projects: # none yet", "projects: # none yet\n", ADD, "projects: # none yet\n    - " + ITEM),
                new Case("projects: [] # c", "projects: [] # c\n", ADD, "projects: # c\n    - " + ITEM),
                new Case("projects: ~ # c", "projects: ~ # c\n", ADD, "projects: # c\n    - " + ITEM),
                new Case("capacity: {} # c", "capacity: {} # c\n", CAPACITY,
                        "capacity: # c\n  maxConcurrentSessions: 4\n  poolMaxDiskGb: 5\n  workareaMaxDiskGb: 5\n"),
                new Case("... # end", "machine:\n  id: m1\n... # end\n", CAPACITY,
                        "machine:\n  id: m1\ncapacity:\n  maxConcurrentSessions: 4\n  poolMaxDiskGb: 5\n  workareaMaxDiskGb: 5\n... # end\n"),
                new Case("--- # start", "--- # start\nmachine:\n  id: m1\n", CAPACITY,
                        "--- # start\nmachine:\n  id: m1\ncapacity:\n  maxConcurrentSessions: 4\n  poolMaxDiskGb: 5\n  workareaMaxDiskGb: 5\n"),
                new Case("--- # start and ... # end", "--- # start\nmachine:\n  id: m1\n... # end\n", CAPACITY,
                        "--- # start\nmachine:\n  id: m1\ncapacity:\n  maxConcurrentSessions: 4\n  poolMaxDiskGb: 5\n  workareaMaxDiskGb: 5\n"
                                + "... # end\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("naturalFiles")
    void aCommentWhereTheEmitterCannotPutItMovesToWhereTheParserPutsIt(Case c) {
        Path file = write(dir.resolve("daemon.yaml"), c.before());

        DaemonYAML written = DaemonYamlFiles.update(file, c.change());

        assertThat(text(file)).isEqualTo(c.after());
        assertThat(DaemonYamlFiles.read(file)).isEqualTo(written);
    }

    @Test
    void removingTheLastProjectOfAFlowListWithACommentAndAddingOneAgainWorks() {
        Path file = write(dir.resolve("daemon.yaml"), "projects: [{repository: github.com/foo/bar}] # allow-list\n");

        DaemonYamlFiles.update(file, config -> new DaemonYAML(List.of(), config.capacity()));
        assertThat(text(file)).isEqualTo("projects: [] # allow-list\n");
        DaemonYamlFiles.update(file, ADD);

        assertThat(text(file)).isEqualTo("projects: # allow-list\n    - " + ITEM);
        assertThat(DaemonYamlFiles.read(file).projects()).singleElement()
                .satisfies(p -> assertThat(p.repository()).isEqualTo("github.com/a/b"));
    }

    @Test
    void commentsAfterAnAliasAndAMergeKeySurviveAWrite() {
        String aliases = "base: &b\n  x: 1\nother: *b # alias\nm:\n  <<: *b # merge\n  y: 2\n"
                + "s: &s v # anchor\nt: *s # scalar alias\nl:\n  - *s # in a list\n  - x\n";
        Path file = write(dir.resolve("daemon.yaml"), aliases);

        DaemonYamlFiles.update(file, CAPACITY);

        assertThat(text(file)).isEqualTo(aliases + "capacity:\n  maxConcurrentSessions: 4\n  poolMaxDiskGb: 5\n  workareaMaxDiskGb: 5\n");
    }

    @Test
    void aCommentAfterAnAliasInsideAProjectEntryTheUpdateRebuildsIsTheDocumentedLoss() {
        // The entry is edited through a copy (its mapping is shared through &e): the copy is a new
        // place, so the comment after the alias inside it is not written (package documentation).
        String before = "strategy: &s full\nprojects:\n  - repository: github.com/foo/bar\n    cloneStrategy: *s # shared\n";
        Path file = write(dir.resolve("daemon.yaml"), before);

        DaemonYamlFiles.update(file, config -> config.addOrUpdateProject(
                new ProjectEntry("", "github.com/foo/bar", null, null)));

        assertThat(text(file)).doesNotContain("# shared");
        assertThat(DaemonYamlFiles.read(file).projects()).singleElement()
                .satisfies(p -> assertThat(p.cloneStrategy().value()).isEmpty());
    }

    @Test
    void aCommentRightAfterTheOpeningBracketOfAFlowListIsReadAndKept() {
        // snakeyaml-engine's composer failed on it with a ClassCastException, on read and write alike
        Path file = write(dir.resolve("daemon.yaml"), "projects: [ # c\n  {repository: github.com/x/y}]\n");

        assertThat(DaemonYamlFiles.read(file).projects()).singleElement()
                .satisfies(p -> assertThat(p.repository()).isEqualTo("github.com/x/y"));
        DaemonYAML written = DaemonYamlFiles.update(file, ADD);

        assertThat(text(file)).isEqualTo("projects: [\n  # c\n{id: x-y, repository: github.com/x/y}, "
                + "{id: a-b, repository: github.com/a/b, cloneStrategy: shallow}]\n");
        assertThat(DaemonYamlFiles.read(file)).isEqualTo(written);
    }

    @Test
    void aCommentTheParserCannotReadIsATypedErrorAndTheFileIsUntouched() {
        // valid YAML that snakeyaml-engine 3.0.1's scanner refuses: a comment after an anchor
        String before = "base: &a # c\n  x: 1\n";
        Path file = write(dir.resolve("daemon.yaml"), before);

        assertThatThrownBy(() -> DaemonYamlFiles.update(file, ADD)).isInstanceOfSatisfying(ConfigFileException.class,
                e -> assertThat(e.line()).hasValue(2));

        assertThat(text(file)).isEqualTo(before);
        assertThat(names(dir)).containsExactly("daemon.yaml", "daemon.yaml.lock");
    }

    @Test
    void anEmitterFailureIsAConfigFileExceptionNamingTheFile() {
        YamlDocument document = YamlDocument.parse("/x/daemon.yaml", "a: 1\n".getBytes(StandardCharsets.UTF_8));
        MappingNode root = document.rootMapping();
        NodeTuple tuple = root.getValue().get(0);
        // nodes no file can produce (the loader refuses non-scalar keys): under a flow mapping as a
        // key, a block list with an end-of-line comment, which the emitter cannot place
        SequenceNode value = new SequenceNode(Tag.SEQ, new ArrayList<>(List.of(tuple.getValueNode())), FlowStyle.BLOCK);
        value.setInLineComments(List.of(new CommentLine(Optional.empty(), Optional.empty(), " c", CommentType.IN_LINE)));
        MappingNode key = new MappingNode(Tag.MAP, new ArrayList<>(List.of(tuple)), FlowStyle.FLOW);
        root.getValue().set(0, new NodeTuple(key, value));

        assertThatThrownBy(document::emit).isInstanceOfSatisfying(ConfigFileException.class, e -> {
            assertThat(e.file()).isEqualTo("/x/daemon.yaml");
            assertThat(e).hasMessageContaining("the YAML emitter failed");
        });
    }
}
