package io.agentfactory.sdk.reactor.internal.json;

import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.core.JacksonException;

/**
 * The JSON half of a client's warm-up: builds the shared mapper and, for each record type a common
 * route answers, its reader and deserializers (Jackson caches them in the mapper, so the route's
 * own reader later finds them built), then decodes one empty object with it so that the parser and
 * the record's creator have run once. CPU and class loading only, no network. Not API.
 */
public final class JsonWarmup {

    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);

    private JsonWarmup() {
    }

    /** Prepares the readers of {@code types}; blocking (class loading reads jars): call off the event loops. */
    public static void prepare(List<Class<?>> types) {
        JsonCodec codec = JsonCodec.get();
        for (Class<?> type : types) {
            try {
                codec.readerFor(codec.typeOf(type)).readValue(EMPTY_OBJECT);
            }
            catch (JacksonException refused) {
                // A type that refuses an empty object still had its reader, deserializers and the
                // parser prepared, which is all a warm-up is for; the route decodes real bodies.
            }
        }
    }
}
