package io.agentfactory.sdk.reactor.internal.configfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.error.ConfigFileException;
import io.agentfactory.sdk.error.MalformedYamlException;
import io.agentfactory.sdk.reactor.internal.configfile.YamlNode.Entry;
import io.agentfactory.sdk.reactor.internal.configfile.YamlNode.Mapping;
import io.agentfactory.sdk.reactor.internal.configfile.YamlNode.Scalar;
import io.agentfactory.sdk.reactor.internal.configfile.YamlNode.Sequence;

class YamlDocumentTest {

    @Test
    void keysKeepTheirLinesAndDocumentOrder() {
        Mapping root = root("""
                # comment
                b: 1

                a: two
                """);

        assertThat(root.entries()).extracting(Entry::key, Entry::line).containsExactly(
                tuple("b", 2), tuple("a", 4));
    }

    @Test
    void plainNullFormsAreNullButAQuotedNullIsAString() {
        Mapping root = root("""
                tilde: ~
                word: null
                nothing:
                tagged: !!null x
                quoted: "null"
                """);

        assertThat(root.entries()).extracting(e -> ((Scalar) e.value()).text())
                .containsExactly(null, null, null, null, "null");
    }

    @Test
    void anEmptyDocumentHasNoTopLevelMapping() {
        assertThat(YamlDocument.parse("f.yaml", "").rootMapping()).isEmpty();
        assertThat(YamlDocument.parse("f.yaml", "# only a comment\n").rootMapping()).isEmpty();
        assertThat(YamlDocument.parse("f.yaml", "---\n...\n").rootMapping()).isEmpty();
    }

    @Test
    void aTopLevelListIsNotAMapping() {
        YamlDocument yaml = YamlDocument.parse("f.yaml", "- a\n");

        assertThatThrownBy(yaml::rootMapping)
                .isExactlyInstanceOf(ConfigFileException.class)
                .hasMessage("f.yaml:1: the document must be a mapping, not a list");
    }

    @Test
    void aDuplicateKeyIsMalformedAtItsLine() {
        assertThatThrownBy(() -> YamlDocument.parse("f.yaml", "kind: A\nother: 1\nkind: B\n"))
                .isInstanceOf(MalformedYamlException.class)
                .hasMessage("f.yaml:3: duplicate key kind");
    }

    @Test
    void aSecondDocumentIsMalformed() {
        assertThatThrownBy(() -> YamlDocument.parse("f.yaml", "a: 1\n---\nb: 2\n"))
                .isInstanceOf(MalformedYamlException.class)
                .hasMessage("f.yaml:2: holds more than one YAML document");
    }

    @Test
    void aMappingAsAKeyIsMalformed() {
        assertThatThrownBy(() -> YamlDocument.parse("f.yaml", "? {a: 1}\n: x\n"))
                .isInstanceOf(MalformedYamlException.class)
                .hasMessageContaining("a key must be a string");
    }

    @Test
    void nestingToTheLimitIsAccepted() {
        int depth = YamlDocument.MAX_DEPTH;
        YamlDocument yaml = YamlDocument.parse("f.yaml", "[".repeat(depth) + "]".repeat(depth));

        assertThat(yaml).isNotNull();
    }

    @Test
    void nestingBeyondTheLimitIsMalformedAndNeverOverflowsTheStack() {
        int depth = 100_000;

        assertThatThrownBy(() -> YamlDocument.parse("f.yaml", "[".repeat(depth) + "]".repeat(depth)))
                .isInstanceOf(MalformedYamlException.class)
                .hasMessage("f.yaml:1: nests deeper than 64 levels");
    }

    @Test
    void anAliasSharesTheAnchoredNodeInsteadOfCopyingIt() {
        Mapping root = root("""
                base: &base [a, b]
                copy: *base
                """);

        assertThat(root.get("copy").orElseThrow().value()).isSameAs(root.get("base").orElseThrow().value());
    }

    @Test
    void anAliasBombIsNeitherExpandedNorRefusedWhileUnderTheAliasLimit() {
        // The "billion laughs": each level lists the previous one 9 times (72 aliases in all).
        StringBuilder bomb = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 8; level++) {
            bomb.append("l").append(level).append(": &l").append(level).append(" [")
                    .append(String.join(", ", Collections.nCopies(9, "*l" + (level - 1)))).append("]\n");
        }

        Mapping root = root(bomb.toString());

        List<YamlNode> top = ((Sequence) root.get("l8").orElseThrow().value()).items();
        assertThat(top).hasSize(9).allSatisfy(item -> assertThat(item).isSameAs(root.get("l7").orElseThrow().value()));
    }

    @Test
    void moreAliasesThanTheLimitAreMalformed() {
        String yaml = "a: &a x\nlist: [" + String.join(", ", Collections.nCopies(101, "*a")) + "]\n";

        assertThatThrownBy(() -> YamlDocument.parse("f.yaml", yaml))
                .isInstanceOf(MalformedYamlException.class)
                .hasMessage("f.yaml:2: uses more than 100 aliases");
    }

    @Test
    void anAliasToItsOwnEnclosingCollectionIsMalformed() {
        assertThatThrownBy(() -> YamlDocument.parse("f.yaml", "a: &loop [x, *loop]\n"))
                .isInstanceOf(MalformedYamlException.class)
                .hasMessageContaining("alias *loop refers to no complete anchored node");
    }

    @Test
    void aSyntaxErrorNamesItsLine() {
        assertThatThrownBy(() -> YamlDocument.parse("f.yaml", "a: 1\nb: [1, 2\n"))
                .isInstanceOfSatisfying(MalformedYamlException.class, e -> assertThat(e.line()).hasValue(3))
                .hasMessageContaining("while parsing a flow sequence");
    }

    @Test
    void textListsRejectAnItemThatIsNotAString() {
        YamlDocument yaml = YamlDocument.parse("f.yaml", "names:\n  - a\n  - [b]\n");
        Mapping root = yaml.rootMapping().orElseThrow();

        assertThatThrownBy(() -> yaml.texts(root, "names"))
                .isExactlyInstanceOf(ConfigFileException.class)
                .hasMessage("f.yaml:3: names[1] must be a string, not a list");
    }

    private static Mapping root(String text) {
        return YamlDocument.parse("f.yaml", text).rootMapping().orElseThrow();
    }
}
