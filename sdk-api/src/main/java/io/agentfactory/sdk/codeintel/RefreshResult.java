package io.agentfactory.sdk.codeintel;

import java.util.Objects;

/**
 * What one (incremental) index build did: the stats of the index now in use and how its files
 * were obtained. {@code added + modified} files were extracted; {@code unchanged} were kept from
 * the previous index (in memory or on disk) without extraction; {@code deleted} were dropped.
 *
 * @param stats the stats of the index now in use
 * @param added files not in the previous index, extracted
 * @param modified files whose git blob hash changed, re-extracted
 * @param deleted files of the previous index no longer found, dropped
 * @param unchanged files kept as they were, not extracted
 * @param rootHash the Merkle root hash of the indexed tree (40 hex digits)
 * @param saved whether the persisted index was written by this build
 */
public record RefreshResult(IndexStats stats, int added, int modified, int deleted, int unchanged, String rootHash,
        boolean saved) {

    /** Checks the components: non-null, counts not negative. */
    public RefreshResult {
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(rootHash, "rootHash");
        if (added < 0 || modified < 0 || deleted < 0 || unchanged < 0) {
            throw new IllegalArgumentException("negative count");
        }
    }

    /** How many files this build extracted ({@code added + modified}). */
    public int extracted() {
        return added + modified;
    }
}
