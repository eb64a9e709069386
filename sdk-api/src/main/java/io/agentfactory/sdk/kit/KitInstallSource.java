package io.agentfactory.sdk.kit;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * KitInstallSource identifies where the daemon should fetch a kit from at install time. The wire
 * shape is anchored in ADR-2026-05-07-daemon-http-control-api.md § D6 (Wave 12 amendment). Wave 12
 * ships only `kind: "git"`; the remaining federation kinds (`tessl`, `agentskills`) return
 * ErrKitSourceFederationUnimplemented in the registry. The descriptor list returned by
 * /api/daemon/kit-sources continues to surface them so operators can see the federation order, but
 * Install against them is unimplemented.
 *
 * @param kind selects the fetcher. Wave 12: "git" only.
 * @param url the fetcher-specific source URL (e.g., a git remote).
 * @param ref the optional git ref (branch/tag/commit). Default: HEAD.
 * @param manifestPath the optional path inside the source to the kit manifest. Default: registry walks the source root for *.kit.toml.
 */
public record KitInstallSource(
        String kind,
        String url,
        @OmitEmpty String ref,
        @OmitEmpty String manifestPath) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public KitInstallSource {
        kind = Copies.text(kind);
        url = Copies.text(url);
        ref = Copies.text(ref);
        manifestPath = Copies.text(manifestPath);
    }
}
