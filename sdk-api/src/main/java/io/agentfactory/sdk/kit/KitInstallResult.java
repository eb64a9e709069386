package io.agentfactory.sdk.kit;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * The result of POST /api/daemon/kits/&lt;id&gt;/install.
 *
 * @param kit the installed kit.
 * @param message A human-readable note from the daemon.
 */
public record KitInstallResult(
        Kit kit,
        @OmitEmpty String message) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public KitInstallResult {
        kit = kit == null ? Kit.empty() : kit;
        message = Copies.text(message);
    }
}
