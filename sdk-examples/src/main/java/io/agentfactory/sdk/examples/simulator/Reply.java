package io.agentfactory.sdk.examples.simulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import io.agentfactory.sdk.reactor.internal.json.JsonCodec;

/**
 * One answer of a simulated service: status, headers and either a whole body or a stream of body
 * chunks produced on demand. JSON bodies are always written by the SDK's own {@link JsonCodec}, so
 * the wire matches what the SDK's types encode to.
 */
record Reply(int status, Map<String, String> headers, byte[] body, @Nullable Flux<byte[]> stream) {

    static final String JSON = "application/json";
    static final String NDJSON = "application/x-ndjson";
    static final String TEXT = "text/plain; charset=utf-8";

    /** 200 with {@code value} encoded as JSON. */
    static Reply json(Object value) {
        return json(200, value);
    }

    /** {@code status} with {@code value} encoded as JSON. */
    static Reply json(int status, @Nullable Object value) {
        return new Reply(status, Map.of("Content-Type", JSON), JsonCodec.get().encode(value), null);
    }

    /** {@code status} with {@code {"error": message}}. */
    static Reply error(int status, String message) {
        return json(status, Map.of("error", message));
    }

    /** {@code status} with {@code {"error": message, ...extra}} in that order. */
    static Reply error(int status, String message, Map<String, ?> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.putAll(extra);
        return json(status, body);
    }

    /** {@code status} with a plain-text body ending in a newline, as the daemon's text errors. */
    static Reply text(int status, String text) {
        return new Reply(status, Map.of("Content-Type", TEXT), (text + "\n").getBytes(StandardCharsets.UTF_8), null);
    }

    /** 200 {@code application/x-ndjson}, the body streamed from {@code chunks} as they are requested. */
    static Reply ndjson(Flux<byte[]> chunks) {
        return new Reply(200, Map.of("Content-Type", NDJSON), new byte[0], chunks);
    }

    /** A copy with one more header. */
    Reply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Reply(status, Map.copyOf(copy), body, stream);
    }

    /** A copy with a {@code Retry-After} header when {@code retryAfter} has a value. */
    Reply withRetryAfter(RetryAfter retryAfter) {
        return retryAfter.value().map(value -> withHeader("Retry-After", value)).orElse(this);
    }
}
