package io.agentfactory.sdk.reactor.internal.configfile;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** A node of a parsed YAML document, with the 1-based line it starts on. Not API. */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    /** The 1-based line the node starts on. */
    int line();

    /** What the node is, for error messages: "a string", "a list", "a mapping", "empty". */
    String describe();

    /**
     * A scalar.
     *
     * @param text the scalar's text, {@code null} for a YAML null ({@code ~}, {@code null}, nothing)
     * @param line the 1-based line
     */
    record Scalar(@Nullable String text, int line) implements YamlNode {

        /** Whether this is a YAML null. */
        public boolean isNull() {
            return text == null;
        }

        @Override
        public String describe() {
            return text == null ? "empty" : "a string";
        }
    }

    /**
     * A sequence.
     *
     * @param items the items
     * @param line the 1-based line
     */
    record Sequence(List<YamlNode> items, int line) implements YamlNode {

        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A mapping whose keys are scalars, in document order, without duplicates.
     *
     * @param entries the entries
     * @param line the 1-based line
     */
    record Mapping(List<Entry> entries, int line) implements YamlNode {

        /** The entry for {@code key}, when present. */
        public Optional<Entry> get(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /**
     * One key of a mapping.
     *
     * @param key the key's text
     * @param line the 1-based line of the key
     * @param value the value
     */
    record Entry(String key, int line, YamlNode value) {
    }
}
