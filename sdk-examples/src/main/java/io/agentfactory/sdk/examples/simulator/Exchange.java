package io.agentfactory.sdk.examples.simulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import io.agentfactory.sdk.reactor.internal.json.JsonCodec;

/**
 * One request as a route handler sees it: decoded path parameters and query, headers and the
 * whole (small) body.
 */
record Exchange(String method, String path, Map<String, String> pathParams, Map<String, List<String>> query,
        HttpHeaders headers, byte[] body) {

    /** The decoded path parameter {@code name} of the matched template. */
    String param(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no parameter " + name);
        }
        return value;
    }

    /** The first value of query parameter {@code name}, or {@code null}. */
    @Nullable String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of query parameter {@code name}, or {@code ""}. */
    String queryOrEmpty(String name) {
        String value = query(name);
        return value == null ? "" : value;
    }

    /**
     * The body decoded as {@code type}; an empty body reads as {@code {}}.
     *
     * @throws Rejection 400 (plain text, as the daemon answers) when the body is not valid JSON for the type
     */
    <T> T bodyAs(Class<T> type) {
        byte[] json = body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body;
        try {
            return JsonCodec.get().decode(json, type);
        }
        catch (JacksonException e) {
            throw Rejection.badRequestText("invalid request body: not a JSON " + type.getSimpleName());
        }
    }
}
