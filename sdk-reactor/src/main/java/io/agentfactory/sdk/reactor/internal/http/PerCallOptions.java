package io.agentfactory.sdk.reactor.internal.http;

import io.netty.handler.codec.http.HttpHeaders;

import io.agentfactory.sdk.reactor.RequestOptions;

/** What a call's {@link RequestOptions} change on its requests: headers, and which may be retried. Not API. */
final class PerCallOptions {

    private PerCallOptions() {
    }

    /** Adds the extra headers, and the idempotency key on mutating routes. */
    static void apply(RequestOptions options, Route route, HttpHeaders headers) {
        options.headers().forEach(headers::set);
        if (route.mutating()) {
            options.idempotencyKey().ifPresent(key -> headers.set(RequestOptions.IDEMPOTENCY_KEY_HEADER, key));
        }
    }

    /** Whether {@code route} may be sent again: a GET, or a mutating route carrying an idempotency key. */
    static boolean retryable(RequestOptions options, Route route) {
        return route.idempotent() || route.mutating() && options.idempotencyKey().isPresent();
    }
}
