package io.agentfactory.sdk.workarea;

import java.util.List;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * One repository leaf of a session-root workarea, as the V1 projection lists it. Secret-free:
 * remote credentials never appear here.
 *
 * @param name the repository's name in the session
 * @param leaf the leaf directory under the workarea root
 * @param path the leaf's absolute path
 * @param role the leaf's role (for example {@code primary})
 * @param authority who governs the leaf
 * @param requestedRef the ref the session asked for
 * @param resolvedRef the commit the ref resolved to
 * @param sourceDigest the digest of the leaf's source
 * @param sparsePaths the sparse-checkout paths, when sparse
 */
public record WorkareaRepository(
        String name,
        String leaf,
        @OmitEmpty String path,
        String role,
        String authority,
        @OmitEmpty String requestedRef,
        @OmitEmpty String resolvedRef,
        @OmitEmpty String sourceDigest,
        @OmitEmpty List<String> sparsePaths) {

    /** Normalizes absent values: strings to {@code ""}, lists to empty unmodifiable copies. */
    public WorkareaRepository {
        name = Copies.text(name);
        leaf = Copies.text(leaf);
        path = Copies.text(path);
        role = Copies.text(role);
        authority = Copies.text(authority);
        requestedRef = Copies.text(requestedRef);
        resolvedRef = Copies.text(resolvedRef);
        sourceDigest = Copies.text(sourceDigest);
        sparsePaths = Copies.list(sparsePaths);
    }
}
