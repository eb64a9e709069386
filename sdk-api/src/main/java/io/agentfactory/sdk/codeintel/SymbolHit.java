package io.agentfactory.sdk.codeintel;

import java.util.Objects;

/**
 * One symbol found by name.
 *
 * @param symbol the symbol
 * @param score exact 10, prefix 5, contains 2, subsequence 0.5; times 1.5 when exported
 * @param match how the name matched
 */
public record SymbolHit(Symbol symbol, double score, SymbolMatch match) {

    /** Rejects nulls. */
    public SymbolHit {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(match, "match");
    }
}
