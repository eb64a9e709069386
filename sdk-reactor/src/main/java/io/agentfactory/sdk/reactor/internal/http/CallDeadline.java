package io.agentfactory.sdk.reactor.internal.http;

import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.error.RequestTimeoutException;

/**
 * Bounds a whole call — attempts, waits between them, every byte of the body — by a total deadline
 * that fails it with a {@link RequestTimeoutException} (never a bare
 * {@link java.util.concurrent.TimeoutException}). Cancelling the call releases its connection. Not API.
 */
final class CallDeadline {

    private CallDeadline() {
    }

    static <T> Flux<T> bound(Flux<T> call, Duration deadline, String method, String path) {
        return Flux.defer(() -> {
            long end = System.nanoTime() + deadline.toNanos();
            // The first timer covers the wait for the first element; each next one what is left.
            return call.timeout(Mono.delay(deadline),
                    element -> Mono.delay(Duration.ofNanos(Math.max(0L, end - System.nanoTime()))),
                    Flux.error(() -> new RequestTimeoutException(method, path,
                            "no complete answer within the deadline of " + deadline.toMillis() + " ms", null)));
        });
    }
}
