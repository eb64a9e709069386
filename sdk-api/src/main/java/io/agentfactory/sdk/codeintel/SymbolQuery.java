package io.agentfactory.sdk.codeintel;

import java.util.Objects;
import java.util.Set;

import io.agentfactory.sdk.error.InvalidArgumentException;

/**
 * A search for symbols by name.
 *
 * @param query the name or part of it; matched case-insensitively as exact, prefix, substring or in-order subsequence
 * @param maxResults at most this many hits; {@code 0} means the default (5, or 20 when exact matches exist)
 * @param kinds only these kinds; empty means all
 * @param filePattern only files matching this glob ({@code *.go}, {@code src/**}, or a path/basename glob); {@code ""} means all
 */
public record SymbolQuery(String query, int maxResults, Set<SymbolKind> kinds, String filePattern) {

    /**
     * Checks the query.
     *
     * @throws InvalidArgumentException when the query is blank or {@code maxResults} is negative
     */
    public SymbolQuery {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(filePattern, "filePattern");
        kinds = Set.copyOf(kinds);
        if (query.isBlank()) {
            throw new InvalidArgumentException("query is required for a symbol search");
        }
        if (maxResults < 0) {
            throw new InvalidArgumentException("maxResults must be >= 0: " + maxResults);
        }
    }

    /** A search for {@code query} with the default limit, all kinds and all files. */
    public static SymbolQuery of(String query) {
        return new SymbolQuery(query, 0, Set.of(), "");
    }
}
