package io.agentfactory.sdk.reactor.internal.http;

import java.util.List;

import io.netty.buffer.ByteBuf;

import tools.jackson.databind.JsonNode;

import io.agentfactory.sdk.reactor.internal.json.JsonCodec;

/**
 * Turns a complete 2xx JSON body into a value. Implementations throw Jackson exceptions; the
 * pipeline turns them into {@link io.agentfactory.sdk.error.ResponseDecodeException}. Decoders
 * build their Jackson reader on first use, so a client class holding them as constants can be
 * initialised before the dependency check ({@code DependencyRequirements}) has run. Not API.
 *
 * @param <T> the decoded type
 */
@FunctionalInterface
public interface ResponseDecoder<T> {

    /** Decodes {@code length} bytes of {@code body}; never returns {@code null}. */
    T decode(byte[] body, int length);

    /**
     * Decodes (and consumes) the readable bytes of {@code body}, which stays owned, and is released,
     * by the caller; never returns {@code null}. This copies them into an array for {@link #decode(byte[], int)};
     * the {@link #json} and {@link #list} decoders read the buffer itself.
     */
    default T decode(ByteBuf body) {
        int length = body.readableBytes();
        byte[] bytes = new byte[length];
        body.getBytes(body.readerIndex(), bytes);
        return decode(bytes, length);
    }

    /**
     * Whether decoding needs nothing built first. A decoder whose Jackson reader is not built yet
     * answers {@code false}: building it creates deserializers under Jackson's one cache lock (and
     * loads classes from jars), which must not happen on an event loop, where a second event loop
     * decoding at the same time would wait for the first.
     */
    default boolean prepared() {
        return true;
    }

    /** Builds what decoding needs; may block: called off the event loops, once, before the first request. */
    default void prepare() {
    }

    /** The body is a {@code type}. {@code null} is refused. */
    static <T> ResponseDecoder<T> json(Class<T> type) {
        LazyReader reader = new LazyReader(() -> JsonCodec.get().readerFor(JsonCodec.get().typeOf(type)));
        return new BufferReadingDecoder<>(reader, value -> nonNull(value, type));
    }

    /** The body is a JSON array of {@code element}; {@code null} is an empty list. */
    static <T> ResponseDecoder<List<T>> list(Class<T> element) {
        LazyReader reader = new LazyReader(() -> JsonCodec.get().readerFor(JsonCodec.get().listOf(element)));
        return new BufferReadingDecoder<List<T>>(reader, list -> list == null ? List.of() : list);
    }

    /**
     * The body is a {@code type}, either bare or wrapped as {@code {"<key>": value}} (servers
     * answer both shapes for some routes).
     */
    static <T> ResponseDecoder<T> bareOrWrapped(String key, Class<T> type) {
        return new ReaderDecoder<>(new LazyReader(() -> JsonCodec.get().readerFor(JsonCodec.get().typeOf(type)))) {
            @Override
            public T decode(byte[] body, int length) {
                JsonNode tree = JsonCodec.get().mapper().readTree(body, 0, length);
                JsonNode inner = tree != null && tree.isObject() && tree.size() == 1 && tree.get(key) != null
                        && tree.get(key).isObject() ? tree.get(key) : tree;
                return nonNull(reader.get().readValue(inner), type);
            }
        };
    }

    /** {@code value}, or an error naming {@code type} when it is JSON {@code null}. */
    static <T> T nonNull(T value, Class<?> type) {
        if (value == null) {
            throw new IllegalArgumentException("body is JSON null, expected " + type.getSimpleName());
        }
        return value;
    }
}
