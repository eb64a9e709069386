package io.agentfactory.sdk.reactor.internal.queue;

import reactor.core.publisher.Mono;

/**
 * Runs between an edit's reads and its script: nothing in production; in tests, a deterministic
 * interleaving (a worker's write, a killed server) at exactly that point. Not API.
 */
@FunctionalInterface
public interface EditHook {

    /** No interleaving. */
    EditHook NONE = (operation, id) -> Mono.empty();

    /**
     * @param operation {@code drop}, {@code requeue}, {@code retry}, {@code priority}, {@code dequeue}
     * @param id the session id or PR number edited
     */
    Mono<Void> beforeWrite(String operation, String id);
}
