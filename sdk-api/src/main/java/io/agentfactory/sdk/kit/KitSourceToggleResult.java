package io.agentfactory.sdk.kit;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * KitSourceToggleResult is the response from POST /api/daemon/kit-
 * sources/&lt;name&gt;/{enable,disable}.
 *
 * @param source the {@code source} field
 * @param message the {@code message} field
 */
public record KitSourceToggleResult(
        KitRegistrySource source,
        @OmitEmpty String message) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public KitSourceToggleResult {
        source = source == null ? KitRegistrySource.empty() : source;
        message = Copies.text(message);
    }
}
