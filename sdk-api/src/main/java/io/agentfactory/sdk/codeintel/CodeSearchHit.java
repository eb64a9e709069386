package io.agentfactory.sdk.codeintel;

import java.util.Objects;

/**
 * One symbol found by a {@link CodeQuery}. Hits come by score descending, then file path, then line,
 * then name.
 *
 * @param symbol the symbol
 * @param score the Okapi BM25 score (k1 = 1.5, b = 0.75) after the name boost of {@link #match()}
 * @param match the boost applied
 */
public record CodeSearchHit(Symbol symbol, double score, CodeMatch match) {

    /** Rejects nulls. */
    public CodeSearchHit {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(match, "match");
    }
}
