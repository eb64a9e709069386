package io.agentfactory.sdk.workarea;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * WorkareaDiffEntry is a single per-path entry in a workarea diff. Hashes are SHA-256 over file
 * contents; missing for directories. Symlinks compared by target string.
 *
 * @param path the {@code path} field
 * @param status the {@code status} field
 * @param sizeA the {@code sizeA} field
 * @param sizeB the {@code sizeB} field
 * @param modeA the {@code modeA} field
 * @param modeB the {@code modeB} field
 * @param hashA the {@code hashA} field
 * @param hashB the {@code hashB} field
 */
public record WorkareaDiffEntry(
        String path,
        WorkareaDiffStatus status,
        @OmitEmpty long sizeA,
        @OmitEmpty long sizeB,
        @OmitEmpty String modeA,
        @OmitEmpty String modeB,
        @OmitEmpty String hashA,
        @OmitEmpty String hashB) implements WorkareaDiffEvent {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public WorkareaDiffEntry {
        path = Copies.text(path);
        status = status == null ? WorkareaDiffStatus.of("") : status;
        modeA = Copies.text(modeA);
        modeB = Copies.text(modeB);
        hashA = Copies.text(hashA);
        hashB = Copies.text(hashB);
    }
}
