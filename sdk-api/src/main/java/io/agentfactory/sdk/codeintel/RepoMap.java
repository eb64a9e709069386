package io.agentfactory.sdk.codeintel;

import java.util.List;
import java.util.Objects;

/**
 * The repository map: the most important files first, each with its declarations.
 *
 * @param entries the files by rank, highest first; equal ranks by path
 * @param rootHash the Merkle root hash of the indexed tree the map was computed from
 * @param files how many files the index holds (all of them were ranked, whatever the query's filter)
 */
public record RepoMap(List<RepoMapEntry> entries, String rootHash, int files) {

    /** Copies the list; rejects nulls. */
    public RepoMap {
        Objects.requireNonNull(rootHash, "rootHash");
        entries = List.copyOf(entries);
    }
}
