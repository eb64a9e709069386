package io.agentfactory.sdk.codeintel;

import java.util.Objects;

/**
 * One symbol found by a {@link CodeQuery}. Hits come by score descending, then file path, then line,
 * then name. When rescoring is configured, the rescored head comes first in its new order and the
 * rest keeps its BM25 order (so scores descend within each part, not across them).
 *
 * @param symbol the symbol
 * @param score the Okapi BM25 score (k1 = 1.5, b = 0.75) after the name boost of {@link #match()},
 *        or, for {@link CodeMatch#HYBRID} and {@link CodeMatch#RERANKED}, the score of the
 *        {@link Rescorer} that placed it
 * @param match the boost applied, or the rescoring stage that placed the hit
 */
public record CodeSearchHit(Symbol symbol, double score, CodeMatch match) {

    /** Rejects nulls. */
    public CodeSearchHit {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(match, "match");
    }
}
