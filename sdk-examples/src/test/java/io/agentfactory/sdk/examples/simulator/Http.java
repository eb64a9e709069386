package io.agentfactory.sdk.examples.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.netty.handler.codec.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

import io.agentfactory.sdk.reactor.internal.json.JsonCodec;

/**
 * A plain Reactor Netty client for driving the simulator in tests (the SDK's own clients are
 * tested against the simulator elsewhere). Blocks the test thread only.
 */
final class Http {

    /** A whole response. */
    record Response(int status, HttpHeaders headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String contentType() {
            return headers.get("Content-Type", "");
        }

        <T> T as(Class<T> type) {
            return JsonCodec.get().decode(body, type);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> asMap() {
            return JsonCodec.get().decode(body, Map.class);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String baseUrl;
    private final HttpClient client;

    Http(String baseUrl) {
        this(baseUrl, HttpClient.create());
    }

    Http(String baseUrl, HttpClient client) {
        this.baseUrl = baseUrl;
        this.client = client;
    }

    /** The same base URL, every request carrying {@code Authorization: Bearer <token>}. */
    Http withBearer(String token) {
        return new Http(baseUrl, client.headers(h -> h.set("Authorization", "Bearer " + token)));
    }

    Response get(String path) {
        return exchange(client.get().uri(baseUrl + path));
    }

    Response post(String path) {
        return exchange(client.post().uri(baseUrl + path));
    }

    Response post(String path, String json) {
        return exchange(client.headers(h -> h.set("Content-Type", "application/json"))
                .post().uri(baseUrl + path).send(ByteBufFlux.fromString(Mono.just(json))));
    }

    /** {@code value} encoded with the SDK's codec, as the SDK would send it. */
    Response post(String path, Object value) {
        return post(path, JsonCodec.get().encodeToString(value));
    }

    private static Response exchange(HttpClient.ResponseReceiver<?> request) {
        return request.responseSingle((response, body) -> body.asByteArray().defaultIfEmpty(new byte[0])
                        .map(bytes -> new Response(response.status().code(), response.responseHeaders(), bytes)))
                .block(TIMEOUT);
    }
}
