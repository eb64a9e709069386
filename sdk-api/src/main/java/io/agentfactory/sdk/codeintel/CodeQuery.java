package io.agentfactory.sdk.codeintel;

import java.util.Objects;

import io.agentfactory.sdk.error.InvalidArgumentException;

/**
 * A full-text (BM25) search over the symbols' names, kinds, signatures, documentation and paths.
 *
 * @param query free text; tokenised like the documents (camelCase, snake_case and kebab-case are split)
 * @param maxResults at most this many hits; {@code 0} means 20
 * @param language only symbols of this language tag; {@code ""} means all
 */
public record CodeQuery(String query, int maxResults, String language) {

    /**
     * Checks the query.
     *
     * @throws InvalidArgumentException when the query is blank or {@code maxResults} is negative
     */
    public CodeQuery {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(language, "language");
        if (query.isBlank()) {
            throw new InvalidArgumentException("query is required for a code search");
        }
        if (maxResults < 0) {
            throw new InvalidArgumentException("maxResults must be >= 0: " + maxResults);
        }
    }

    /** A search for {@code query} over all languages with the default limit. */
    public static CodeQuery of(String query) {
        return new CodeQuery(query, 0, "");
    }
}
