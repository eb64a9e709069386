package io.agentfactory.sdk.kit;

import java.util.Map;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * KitHooks carries the [provide.hooks] lifecycle scripts from a kit manifest (005:216-223).
 * PostAcquire/PreRelease are the generic single-command forms; OS holds the OS-keyed overlay
 * ([provide.hooks.os.&lt;os&gt;]). Most-specific (OS-keyed) wins at compose time.
 *
 * @param postAcquire the {@code postAcquire} field
 * @param preRelease the {@code preRelease} field
 * @param os the {@code os} field
 */
public record KitHooks(
        @OmitEmpty String postAcquire,
        @OmitEmpty String preRelease,
        @OmitEmpty Map<String, KitHookEntry> os) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public KitHooks {
        postAcquire = Copies.text(postAcquire);
        preRelease = Copies.text(preRelease);
        os = Copies.map(os);
    }
}
