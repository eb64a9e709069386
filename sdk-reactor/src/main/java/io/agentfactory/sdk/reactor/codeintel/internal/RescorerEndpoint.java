package io.agentfactory.sdk.reactor.codeintel.internal;

import java.net.URI;
import java.util.Map;
import java.util.function.Function;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

import io.agentfactory.sdk.reactor.codeintel.RescorerOptions;
import io.agentfactory.sdk.reactor.internal.http.HttpPipeline;
import io.agentfactory.sdk.reactor.internal.http.Redaction;
import io.agentfactory.sdk.reactor.internal.http.Route;
import io.agentfactory.sdk.reactor.internal.json.JsonCodec;

/**
 * The one HTTP endpoint of a rescoring service: the SDK's pipeline to the endpoint's origin, with
 * {@code Authorization: Bearer <key>} on every request and the key redacted from every message, and
 * its path. A call is a JSON {@code POST} whose answer is read as a tree. Not API.
 */
public final class RescorerEndpoint implements AutoCloseable {

    private final HttpPipeline pipeline;
    private final String path;
    /** Built here, on the caller's thread: its deserializer is resolved once, never on an event loop. */
    private final ObjectReader trees = JsonCodec.get().readerFor(JsonCodec.get().typeOf(JsonNode.class));

    private RescorerEndpoint(HttpPipeline pipeline, String path) {
        this.pipeline = pipeline;
        this.path = path;
    }

    /** The endpoint of {@code options}; {@code name} names its connection pool. */
    public static RescorerEndpoint open(RescorerOptions options, String name) {
        URI uri = URI.create(options.endpoint());
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String bearer = "Bearer " + options.apiKey();
        HttpPipeline pipeline = HttpPipeline.create(uri.getScheme() + "://" + uri.getRawAuthority(), options.transport(),
                (route, headers) -> headers.set(HttpHeaderNames.AUTHORIZATION, bearer), Redaction.of(options.apiKey()),
                name);
        return new RescorerEndpoint(pipeline, path);
    }

    /** The path the calls go to (for error messages). */
    public String path() {
        return path;
    }

    /**
     * Posts {@code body} as JSON and reads the answer with {@code read}; a {@code read} failure
     * (any runtime exception) is a {@code ResponseDecodeException}, as the pipeline maps it.
     */
    public <T> Mono<T> post(Map<String, Object> body, Function<JsonNode, T> read) {
        return pipeline.exchange(() -> Route.post(path).json(body),
                (bytes, length) -> read.apply(trees.readValue(bytes, 0, length)));
    }

    /**
     * The {@code index} field of one item of an answer of {@code expected} items, checked: an
     * integer in {@code [0, expected)} not seen before ({@code seen[i]} is set here).
     *
     * @param answer names the answer in messages, e.g. {@code "rerank answer"}
     * @param anItem names one of its items, e.g. {@code "a result"}
     * @throws IllegalArgumentException when the index is missing, not such an integer, or repeated
     */
    public static int index(JsonNode item, boolean[] seen, String answer, String anItem) {
        JsonNode index = item.get("index");
        if (index == null || !index.isIntegralNumber() || !index.canConvertToInt() || index.asInt() < 0
                || index.asInt() >= seen.length) {
            throw new IllegalArgumentException(answer + " has " + anItem + " without a valid index");
        }
        int i = index.asInt();
        if (seen[i]) {
            throw new IllegalArgumentException(answer + " repeats index " + i);
        }
        seen[i] = true;
        return i;
    }

    /** Releases the connection pool; later calls fail with {@code ClientClosedException}. */
    @Override
    public void close() {
        pipeline.close();
    }
}
