package io.agentfactory.sdk.kit;

/**
 * KitManifestEnvelope wraps the full manifest returned by GET /api/daemon/kits/&lt;id&gt;.
 *
 * @param kit the {@code kit} field
 */
public record KitManifestEnvelope(
        KitManifest kit) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public KitManifestEnvelope {
        kit = kit == null ? KitManifest.empty() : kit;
    }
}
