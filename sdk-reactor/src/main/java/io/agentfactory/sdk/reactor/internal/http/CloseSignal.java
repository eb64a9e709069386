package io.agentfactory.sdk.reactor.internal.http;

import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import io.agentfactory.sdk.error.ClientClosedException;

/**
 * Whether a client was closed, and the cut of its calls: a call made after {@link #close()}
 * fails at once, a call in flight at that moment is cancelled (releasing its connection) and
 * fails, both with {@link ClientClosedException}. Thread-safe. Not API.
 */
final class CloseSignal {

    private final Sinks.Empty<Void> closed = Sinks.empty();
    private volatile boolean isClosed;

    /** Marks the client closed and cuts the calls in flight. Idempotent. */
    void close() {
        isClosed = true;
        closed.tryEmitEmpty();
    }

    /** Whether {@link #close()} was called. */
    boolean closed() {
        return isClosed;
    }

    /** {@code call}, failing with {@link ClientClosedException} when made after, or cut by, {@link #close()}. */
    <T> Flux<T> guard(Route route, Flux<T> call) {
        return Flux.defer(() -> {
            if (isClosed) {
                return Flux.error(new ClientClosedException(route.method(), route.path()));
            }
            AtomicBoolean cut = new AtomicBoolean();
            return call.takeUntilOther(closed.asMono().thenReturn(Boolean.TRUE).doOnNext(x -> cut.set(true)))
                    .concatWith(Mono.defer(() -> cut.get()
                            ? Mono.error(new ClientClosedException(route.method(), route.path()))
                            : Mono.empty()));
        });
    }
}
