package io.agentfactory.sdk.reactor.internal.queue;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.agentfactory.sdk.queue.ValueProblem;

/**
 * The JSON of queue rows as trees: read with exact numbers (integers of any size, decimals as
 * {@code BigDecimal} with their scale), patched field by field and written back with every other
 * field in its place. Not API.
 */
public final class QueueJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    static {
        // Jackson builds and caches its tree (de)serializers under a lock on first use; doing it here,
        // once, keeps that lock off the event loops where rows are decoded (BlockHound flags the wait).
        MAPPER.writeValueAsBytes(MAPPER.readTree("{\"a\":[1,1.5,\"x\",true,null,{}]}"));
    }

    private QueueJson() {
    }

    /** A decoded row: the object, or why there is none. */
    public record Row(@Nullable ObjectNode object, @Nullable ValueProblem problem) {
    }

    /** Decodes {@code bytes} stored at {@code where} as a JSON object. */
    public static Row read(String where, byte[] bytes) {
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        }
        catch (JacksonException e) {
            return new Row(null, new ValueProblem(where, ValueProblem.Kind.UNREADABLE_JSON,
                    "not valid JSON: " + e.getOriginalMessage()));
        }
        if (node instanceof ObjectNode object) {
            return new Row(object, null);
        }
        return new Row(null, new ValueProblem(where, ValueProblem.Kind.NOT_AN_OBJECT,
                "a JSON " + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT))
                        + ", not an object"));
    }

    /** The object as UTF-8 JSON. */
    public static byte[] write(JsonNode node) {
        return MAPPER.writeValueAsBytes(node);
    }

    /** A new empty object. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code bytes} as UTF-8 text. */
    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The string field {@code name}, {@code null} when absent or not a string. */
    public static @Nullable String string(@Nullable ObjectNode object, String name) {
        JsonNode v = object == null ? null : object.get(name);
        return v != null && v.isString() ? v.asString() : null;
    }

    /** The numeric field {@code name} as a long, {@code null} when absent or not a number. */
    public static @Nullable Long integer(@Nullable ObjectNode object, String name) {
        JsonNode v = object == null ? null : object.get(name);
        return v != null && v.isNumber() ? v.asLong() : null;
    }

    /** The numeric field {@code name} as a double, {@code null} when absent or not a number. */
    public static @Nullable Double decimal(@Nullable ObjectNode object, String name) {
        JsonNode v = object == null ? null : object.get(name);
        return v != null && v.isNumber() ? v.asDouble() : null;
    }

    /**
     * "Now" in the unit a row already uses for its timestamps: milliseconds when {@code updatedAt} (or
     * else {@code createdAt}) looks like epoch milliseconds, seconds when it looks like epoch seconds,
     * milliseconds (the newer writers' unit) when the row has neither.
     */
    public static long nowInRowUnit(ObjectNode row, long nowMillis) {
        Long sample = integer(row, "updatedAt");
        if (sample == null) {
            sample = integer(row, "createdAt");
        }
        boolean seconds = sample != null && sample < 100_000_000_000L;
        return seconds ? nowMillis / 1000 : nowMillis;
    }
}
