package io.agentfactory.sdk.codeintel;

import java.util.List;
import java.util.Objects;

/**
 * One file of the repository map.
 *
 * @param filePath the path relative to the repository root, with {@code /} separators
 * @param rank the file's PageRank score over the import graph (damping 0.85; dangling files' rank is
 *        not redistributed, so the ranks of a map need not sum to 1)
 * @param symbols the file's declarations, in source order
 */
public record RepoMapEntry(String filePath, double rank, List<RepoMapSymbol> symbols) {

    /** Copies the list; rejects nulls. */
    public RepoMapEntry {
        Objects.requireNonNull(filePath, "filePath");
        symbols = List.copyOf(symbols);
    }
}
