package io.agentfactory.sdk.codeintel;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where the architecture gate gets a change from (SPI): a description, and the unified diff in git's
 * format as lines. Implementations in the engine read a local repository (JGit) or a GitHub pull request
 * (REST). Each subscription fetches anew; cancelling releases what the fetch holds.
 */
public interface DiffSource {

    /** The change's description; fails with a typed error when it cannot be had. */
    Mono<ChangeDescription> describe();

    /**
     * The unified diff, one line per element without its terminator ({@code \n} or {@code \r\n}). Lines
     * longer than the source's line limit arrive cut to it; a diff over its size limit fails with
     * {@link io.agentfactory.sdk.error.DiffTooLargeException}.
     */
    Flux<String> lines();
}
