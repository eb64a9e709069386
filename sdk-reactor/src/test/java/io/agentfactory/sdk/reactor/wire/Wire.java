package io.agentfactory.sdk.reactor.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import io.agentfactory.sdk.reactor.internal.json.JsonCodec;
import io.agentfactory.sdk.reactor.testing.Fixtures;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire tests' view of the production codec ({@link JsonCodec#get()}): decode fixtures or
 * inline JSON, encode values, and compare what is written with what a server sent.
 */
final class Wire {

    private static final JsonCodec CODEC = JsonCodec.get();

    private Wire() {
    }

    /** Decodes fixture {@code name} as {@code type}. */
    static <T> T decodeFixture(String name, Class<T> type) {
        return CODEC.decode(Fixtures.bytes(name), type);
    }

    /** Decodes a bare-array fixture as a list of {@code element}. */
    static <T> List<T> decodeArrayFixture(String name, Class<T> element) {
        return decodeArray(Fixtures.text(name), element);
    }

    /** Decodes inline JSON as {@code type}. */
    static <T> T decode(String json, Class<T> type) {
        return CODEC.decode(json.getBytes(StandardCharsets.UTF_8), type);
    }

    /** Decodes an inline JSON array as a list of {@code element}, as a bare-array route does. */
    static <T> List<T> decodeArray(String json, Class<T> element) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return CODEC.decode(bytes, 0, bytes.length, CODEC.listOf(element));
    }

    /** The exact JSON the codec writes for {@code value}. */
    static String encode(Object value) {
        return CODEC.encodeToString(value);
    }

    /** {@code json} as a tree. */
    static JsonNode tree(String json) {
        return CODEC.mapper().readTree(json);
    }

    /** The fixture as compact JSON: same keys, same order, same numbers as the file. */
    static String compactFixture(String name) {
        return compact(Fixtures.text(name));
    }

    /** {@code json} without insignificant whitespace, keys and numbers as written. */
    static String compact(String json) {
        return CODEC.mapper().writeValueAsString(tree(json));
    }

    /**
     * Asserts that encoding {@code decoded} gives back exactly what the server sent: every key, in
     * the same order, with the same values. Proves no field was lost, renamed or added.
     */
    static void assertEncodesBackTo(String fixture, Object decoded) {
        assertThat(encode(decoded)).isEqualTo(compactFixture(fixture));
    }

    /** Decodes {@code json} as {@code type}, encodes the result and asserts the JSON is unchanged. */
    static <T> T assertRoundTrip(String json, Class<T> type) {
        T decoded = decode(json, type);
        assertThat(encode(decoded)).isEqualTo(compact(json));
        return decoded;
    }

    /** The fixture with the value at {@code pointer} (JSON Pointer) replaced by the string {@code value}. */
    static String withString(String fixture, String pointer, String value) {
        JsonNode root = tree(Fixtures.text(fixture));
        JsonPointer path = JsonPointer.compile(pointer);
        JsonNode parent = root.at(path.head());
        String last = path.last().getMatchingProperty();
        if (parent instanceof ArrayNode array) {
            array.set(path.last().getMatchingIndex(), array.stringNode(value));
        }
        else {
            ((ObjectNode) parent).put(last, value);
        }
        return CODEC.mapper().writeValueAsString(root);
    }

    /**
     * The fixture with unknown fields of every JSON kind (string, number, boolean, null, object,
     * array) added to every object at every depth, except under {@code mapKeys}: the keys whose
     * value is a map on the Java side (free-form objects, string maps), where entries are data.
     */
    static String withUnknownFieldsEverywhere(String fixture, String... mapKeys) {
        JsonNode root = tree(Fixtures.text(fixture));
        addUnknownFields(root, Set.of(mapKeys));
        return CODEC.mapper().writeValueAsString(root);
    }

    private static void addUnknownFields(JsonNode node, Set<String> mapKeys) {
        if (node instanceof ObjectNode object) {
            for (String key : List.copyOf(object.propertyNames())) {
                if (!mapKeys.contains(key)) {
                    addUnknownFields(object.get(key), mapKeys);
                }
            }
            object.put("addedInAFutureRelease", "x");
            object.put("futureCount", 7);
            object.put("futureRatio", 0.25);
            object.put("futureFlag", true);
            object.putNull("futureNothing");
            object.putObject("futureObject").put("nested", "y").putArray("deeper").add(1).addObject().put("z", false);
            object.putArray("futureList").add("a").addObject().put("b", 2);
        }
        else if (node instanceof ArrayNode array) {
            array.forEach(element -> addUnknownFields(element, mapKeys));
        }
    }
}
