package io.agentfactory.sdk.reactor.internal.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import io.netty.handler.codec.http.HttpMethod;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.netty.NettyOutbound;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientRequest;

/**
 * A pipeline's request senders, one per HTTP method, each built once with the one send handler:
 * Reactor Netty copies the client's whole configuration for {@code request(method)}, for
 * {@code uri(…)} and for {@code send(…)}; built this way a request costs only the copy for its
 * {@code uri}. What differs per request — its headers and body — reaches the shared handler as a
 * {@link RequestWriter} in the exchange's subscriber context ({@link #writing}). Thread-safe. Not API.
 */
final class RequestSenders {

    /** Writes one request's headers and body once it has a connection; Reactor Netty may call it again on its own retry. */
    @FunctionalInterface
    interface RequestWriter {
        Publisher<Void> write(HttpClientRequest request, NettyOutbound outbound);
    }

    /** The context key: private, so nothing else in a caller's context can be taken for a writer. */
    private static final Object KEY = new Object();

    private static final BiFunction<HttpClientRequest, NettyOutbound, Publisher<Void>> SEND =
            (request, outbound) -> request.currentContextView().<RequestWriter>get(KEY).write(request, outbound);

    private final HttpClient http;
    private final ConcurrentHashMap<String, HttpClient.ResponseReceiver<?>> byMethod = new ConcurrentHashMap<>(8);

    RequestSenders(HttpClient http) {
        this.http = http;
    }

    /**
     * The sender of {@code method} to {@code uri} (a path and query); the exchange built on it must
     * be wrapped by {@link #writing}.
     */
    HttpClient.ResponseReceiver<?> to(String method, String uri) {
        HttpClient.ResponseReceiver<?> sender = byMethod.get(method);
        if (sender == null) {
            sender = byMethod.computeIfAbsent(method, m -> http.request(HttpMethod.valueOf(m)).send(SEND));
        }
        return sender.uri(uri);
    }

    /** {@code exchange}, whose request is written by {@code writer}. */
    static <T> Flux<T> writing(Flux<T> exchange, RequestWriter writer) {
        return exchange.contextWrite(context -> context.put(KEY, writer));
    }
}
