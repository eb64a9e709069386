package io.agentfactory.sdk.kit;

import java.util.List;

import io.agentfactory.sdk.internal.Copies;

/**
 * ListKitSourcesResponse matches GET /api/daemon/kit-sources.
 *
 * @param sources the {@code sources} field
 */
public record ListKitSourcesResponse(
        List<KitRegistrySource> sources) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public ListKitSourcesResponse {
        sources = Copies.list(sources);
    }
}
