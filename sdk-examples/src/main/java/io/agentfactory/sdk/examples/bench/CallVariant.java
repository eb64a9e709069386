package io.agentfactory.sdk.examples.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.ObjectReader;

import io.agentfactory.sdk.reactor.internal.json.JsonCodec;

/**
 * One way of making a call, for the {@link ClosedLoop} driver: the SDK, or a baseline a user might
 * write instead. Every variant decodes the body into the same SDK records with the SDK's one JSON
 * configuration (then {@code result} picks what the SDK's method returns), so they differ only in
 * the HTTP path.
 */
interface CallVariant extends AutoCloseable {

    /** The SDK itself. */
    String SDK = "SDK";
    /** Reactor Netty {@code GET} + Jackson decode: the floor of overhead. */
    String RAW_NETTY = "raw Reactor Netty";
    /** The JDK {@code HttpClient} ({@code sendAsync}) + Jackson decode: what users would otherwise write. */
    String JDK = "JDK HttpClient";

    /** How the variant is named in the report. */
    String name();

    /** One call; nothing happens until subscription. */
    Mono<?> call();

    /** Releases the variant's connections. */
    @Override
    void close();

    /** A variant making {@code call}, whose {@code close} closes {@code resources}. */
    static CallVariant of(String name, Supplier<Mono<?>> call, AutoCloseable resources) {
        return new CallVariant() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Mono<?> call() {
                return call.get();
            }

            @Override
            public void close() {
                try {
                    resources.close();
                }
                catch (Exception e) {
                    throw new IllegalStateException("could not close " + name, e);
                }
            }
        };
    }

    /**
     * Reactor Netty on its default event loops (the SDK's too) with a pool as large as the SDK's:
     * {@code responseSingle} aggregates the body, Jackson decodes it.
     */
    static <T> CallVariant rawNetty(String baseUrl, String path, Class<T> type, Function<? super T, ?> result,
            int maxConnections) {
        ObjectReader reader = readerFor(type);
        ConnectionProvider pool = ConnectionProvider.builder("bench-raw-netty")
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1)
                .build();
        HttpClient http = HttpClient.create(pool).baseUrl(baseUrl);
        return of(RAW_NETTY, () -> http.get()
                .uri(path)
                .responseSingle((response, body) -> response.status().code() == 200 ? body.asByteArray()
                        : Mono.error(new IllegalStateException("HTTP " + response.status().code())))
                .map(bytes -> result.apply(reader.<T>readValue(bytes))), pool::dispose);
    }

    /** The JDK {@code HttpClient} (HTTP/1.1, default executor), {@code sendAsync} into a byte array, Jackson decodes it. */
    static <T> CallVariant jdk(String baseUrl, String path, Class<T> type, Function<? super T, ?> result) {
        ObjectReader reader = readerFor(type);
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "application/json")
                .build();
        return of(JDK, () -> Mono.fromFuture(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode());
                    }
                    return result.apply(reader.<T>readValue(response.body()));
                }),
                // JDK 17's HttpClient has no close(): its connections go when it is collected.
                () -> { });
    }

    private static ObjectReader readerFor(Class<?> type) {
        return JsonCodec.get().readerFor(JsonCodec.get().typeOf(type));
    }
}
