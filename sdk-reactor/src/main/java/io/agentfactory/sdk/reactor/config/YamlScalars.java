package io.agentfactory.sdk.reactor.config;

import java.math.BigInteger;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Looking up and reading nodes the way the daemon's reader (Go yaml.v3) decodes them into its
 * structs: merge keys ({@code <<}) supply keys a mapping does not have itself; a null scalar is
 * the zero value of a string or int field; an int is a YAML 1.2 core integer ({@code 42},
 * {@code -1}, {@code 0o17}, {@code 0x1F}, not quoted) that fits 32 bits.
 */
final class YamlScalars {

    private YamlScalars() {
    }

    /** The tuple under scalar key {@code key} in the mapping itself, or {@code null}. */
    static @Nullable NodeTuple find(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (key.equals(keyOf(tuple)) && !isMergeKey(tuple.getKeyNode())) {
                return tuple;
            }
        }
        return null;
    }

    /**
     * The value under {@code key} as yaml.v3 reads it: the mapping's own, else the first found
     * through its merge keys ({@code <<: *base} or {@code <<: [*a, *b]}), depth first, in order.
     */
    static @Nullable Node lookup(MappingNode mapping, String key) {
        NodeTuple own = find(mapping, key);
        return own != null ? own.getValueNode() : inherited(mapping, key);
    }

    /** The value under {@code key} that the mapping's merge keys supply, or {@code null}. */
    static @Nullable Node inherited(MappingNode mapping, String key) {
        return inherited(mapping, key, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static @Nullable Node inherited(MappingNode mapping, String key, Set<Node> visited) {
        if (!visited.add(mapping)) {
            return null; // a merge cycle, or a base already searched
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (!isMergeKey(tuple.getKeyNode())) {
                continue;
            }
            List<Node> bases = tuple.getValueNode() instanceof SequenceNode list ? list.getValue()
                    : List.of(tuple.getValueNode());
            for (Node base : bases) {
                if (base instanceof MappingNode baseMapping) {
                    NodeTuple own = find(baseMapping, key);
                    Node found = own != null ? own.getValueNode() : inherited(baseMapping, key, visited);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    /** Whether a key is the plain {@code <<} of a merge. */
    static boolean isMergeKey(Node key) {
        return key instanceof ScalarNode scalar && scalar.getScalarStyle() == ScalarStyle.PLAIN
                && "<<".equals(scalar.getValue());
    }

    /** The text of a tuple's scalar key ({@code ""} for a non-scalar key, which the loader refuses anyway). */
    static String keyOf(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode key ? key.getValue() : "";
    }

    /** Whether the node is a null scalar ({@code ~}, {@code null} or nothing). */
    static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /** A scalar's text ({@code ""} for null), or {@code null} when the node is a collection. */
    static @Nullable String text(Node node) {
        if (!(node instanceof ScalarNode scalar)) {
            return null;
        }
        return isNull(node) ? "" : scalar.getValue();
    }

    /** A scalar's integer ({@code 0} for null), or {@code null} when it is not a 32-bit integer. */
    static @Nullable Integer integer(Node node) {
        if (isNull(node)) {
            return 0;
        }
        if (!(node instanceof ScalarNode scalar) || !node.getTag().equals(Tag.INT)) {
            return null;
        }
        String text = scalar.getValue();
        if (significantDigits(text) > MAX_INT_DIGITS) {
            return null; // checked before parsing: BigInteger takes quadratic time on a million digits
        }
        try {
            BigInteger value;
            if (text.startsWith("0x")) {
                value = new BigInteger(text.substring(2), 16);
            }
            else if (text.startsWith("0o")) {
                value = new BigInteger(text.substring(2), 8);
            }
            else {
                value = new BigInteger(text);
            }
            return value.intValueExact();
        }
        catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** The most significant digits a 32-bit integer has in any base the core schema allows (octal: 11). */
    private static final int MAX_INT_DIGITS = 11;

    /** The digits of an integer's text after its sign, base prefix and leading zeros. */
    private static int significantDigits(String text) {
        int start = 0;
        if (text.startsWith("-") || text.startsWith("+")) {
            start = 1;
        }
        if (text.startsWith("0x", start) || text.startsWith("0o", start)) {
            start += 2;
        }
        while (start < text.length() - 1 && text.charAt(start) == '0') {
            start++;
        }
        return text.length() - start;
    }

    /** A plain string scalar; the emitter quotes it when plain would read as another type. */
    static ScalarNode string(String value, ScalarStyle style) {
        return new ScalarNode(Tag.STR, value, style);
    }

    /** An explicit null, to override a value a merge key would supply. */
    static ScalarNode nullValue() {
        return new ScalarNode(Tag.NULL, "null", ScalarStyle.PLAIN);
    }

    /** A plain integer scalar. */
    static ScalarNode integer(int value) {
        return new ScalarNode(Tag.INT, Integer.toString(value), ScalarStyle.PLAIN);
    }

    /** A plain key scalar. */
    static ScalarNode key(String name) {
        return string(name, ScalarStyle.PLAIN);
    }
}
