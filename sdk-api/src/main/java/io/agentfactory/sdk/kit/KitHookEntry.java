package io.agentfactory.sdk.kit;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * KitHookEntry is one OS-keyed hook overlay inside KitHooks.OS.
 *
 * @param postAcquire the {@code postAcquire} field
 * @param preRelease the {@code preRelease} field
 */
public record KitHookEntry(
        @OmitEmpty String postAcquire,
        @OmitEmpty String preRelease) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public KitHookEntry {
        postAcquire = Copies.text(postAcquire);
        preRelease = Copies.text(preRelease);
    }
}
