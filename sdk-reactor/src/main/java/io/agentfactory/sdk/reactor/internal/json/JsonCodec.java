package io.agentfactory.sdk.reactor.internal.json;

import java.util.LinkedHashMap;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON configuration of the SDK (sdk-api/CONTRACT.md §1): unknown fields ignored, absent fields
 * read as Go's zero values, properties written in the reference's field order, trailing garbage
 * after a document rejected. Thread-safe and shared.
 */
public final class JsonCodec {

    private static final JsonCodec INSTANCE = new JsonCodec();

    private final JsonMapper mapper;

    private JsonCodec() {
        this.mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                // Records created through one spread method handle per type (DirectCreators).
                .addModule(new DirectCreators())
                .build();
        // Jackson builds its tree and map (de)serializers under a lock on first use. Error answers,
        // GitHub diffs and stop receipts are read as trees, and may be the first JSON of a JVM read on
        // two event loops at once: building them here keeps that wait off the event loops.
        JsonNode tree = mapper.readTree("{\"a\":[1,1.5,\"x\",true,null,{\"b\":-1}]}");
        mapper.writeValueAsBytes(mapper.convertValue(tree, stringKeyedMap()));
    }

    /** The Java type of {@code LinkedHashMap<String, Object>}, the shape loose JSON objects are read as. */
    public JavaType stringKeyedMap() {
        return mapper.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class);
    }

    /** The shared codec. */
    public static JsonCodec get() {
        return INSTANCE;
    }

    /** The configured mapper. */
    public JsonMapper mapper() {
        return mapper;
    }

    /** The Java type of {@code List<element>}. */
    public JavaType listOf(Class<?> element) {
        return mapper.getTypeFactory().constructCollectionType(List.class, element);
    }

    /** The Java type of {@code type}. */
    public JavaType typeOf(Class<?> type) {
        return mapper.constructType(type);
    }

    /** A reader for {@code type}. */
    public ObjectReader readerFor(JavaType type) {
        return mapper.readerFor(type);
    }

    /**
     * Decodes {@code length} bytes of {@code bytes} from {@code offset} as {@code type}.
     *
     * @throws JacksonException when the bytes are not valid JSON for the type
     */
    public <T> T decode(byte[] bytes, int offset, int length, JavaType type) {
        return mapper.readerFor(type).readValue(bytes, offset, length);
    }

    /** Decodes a whole byte array as {@code type}. */
    public <T> T decode(byte[] bytes, Class<T> type) {
        return mapper.readValue(bytes, type);
    }

    /** Encodes {@code value} as UTF-8 JSON. */
    public byte[] encode(Object value) {
        return mapper.writeValueAsBytes(value);
    }

    /** Encodes {@code value} as a JSON string. */
    public String encodeToString(Object value) {
        return mapper.writeValueAsString(value);
    }
}
