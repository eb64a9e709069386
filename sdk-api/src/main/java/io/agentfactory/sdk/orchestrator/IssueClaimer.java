package io.agentfactory.sdk.orchestrator;

import reactor.core.publisher.Mono;

/**
 * Makes sure two work loops never take the same issue: a loop {@link #claim claims} an issue
 * before dispatching it and skips it when the claim is refused, and {@link #release settles} the
 * claim with the outcome. Implementations decide how long a claim lives (the in-process one keeps
 * completed issues claimed and frees the others for a retry).
 */
public interface IssueClaimer {

    /** Claims {@code issue} for {@code owner}; emits whether this owner now holds it. */
    Mono<Boolean> claim(Issue issue, String owner);

    /** Settles {@code owner}'s claim of {@code issue} after its dispatch ended as {@code outcome}. */
    Mono<Void> release(Issue issue, String owner, DispatchOutcome outcome);
}
