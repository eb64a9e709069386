package io.agentfactory.sdk.reactor;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import io.agentfactory.sdk.reactor.internal.http.RouteTemplateIndex;

/**
 * The route templates of the SDK's requests, for metrics that must not make one meter per id: a
 * path the SDK sent maps back to its template, ids masked ({@code /api/public/sessions/s-42/stop} →
 * {@code /api/public/sessions/{}/stop}). For a caller's Reactor Netty client:
 *
 * <pre>{@code
 * HttpClient http = HttpClient.create().metrics(true, RouteTemplates.uriTagValue());
 * TransportOptions.builder().httpClient(http).build();
 * }</pre>
 *
 * The SDK's own observations ({@link TransportOptions.Builder#observationRegistry}) carry the
 * template as their {@code route} key value already.
 */
public final class RouteTemplates {

    private RouteTemplates() {
    }

    /**
     * The template of a path the SDK sent (a query is ignored), empty for a path no SDK route
     * produced in this JVM.
     */
    public static Optional<String> templateOf(String path) {
        return RouteTemplateIndex.templateOf(Objects.requireNonNull(path, "path"));
    }

    /** Maps an SDK path to its template and leaves any other path as it is. */
    public static Function<String, String> uriTagValue() {
        return uriTagValue(Function.identity());
    }

    /** Maps an SDK path to its template, and any other path with {@code otherwise}. */
    public static Function<String, String> uriTagValue(Function<String, String> otherwise) {
        Objects.requireNonNull(otherwise, "otherwise");
        return path -> RouteTemplateIndex.templateOf(path).orElseGet(() -> otherwise.apply(path));
    }
}
