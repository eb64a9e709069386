package io.agentfactory.sdk.codeintel;

import java.util.List;

/**
 * The answer to a {@link SymbolQuery}. When any symbol's name equals the query, only exact matches
 * are returned, and {@link #truncatedExactMatches()} says how many more exact matches the limit cut.
 *
 * @param hits the hits, by score descending, then name, file path and line
 * @param truncatedExactMatches how many exact matches were cut by the limit (0 when none)
 */
public record SymbolSearchResult(List<SymbolHit> hits, int truncatedExactMatches) {

    /** Copies the list. */
    public SymbolSearchResult {
        hits = List.copyOf(hits);
        if (truncatedExactMatches < 0) {
            throw new IllegalArgumentException("truncatedExactMatches must be >= 0");
        }
    }
}
