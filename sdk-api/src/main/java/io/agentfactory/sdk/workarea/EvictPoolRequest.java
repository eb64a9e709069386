package io.agentfactory.sdk.workarea;

import io.agentfactory.sdk.internal.Copies;

/**
 * EvictPoolRequest is the body for POST /api/daemon/pool/evict. Exactly one eviction selector must
 * be set.
 *
 * @param repoUrl restricts eviction to pool members cloned from this repository. Required — the daemon refuses a request that omits it.
 * @param olderThanSeconds evicts members whose LastAcquiredAt (or CreatedAt when never acquired) is older than this duration. Must be &gt; 0.
 */
public record EvictPoolRequest(
        String repoUrl,
        long olderThanSeconds) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public EvictPoolRequest {
        repoUrl = Copies.text(repoUrl);
    }
}
