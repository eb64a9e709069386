package io.agentfactory.sdk.codeintel;

import java.util.Objects;

/**
 * A declaration as the repository map lists it: the reference's compact {@code {name, kind, line}}.
 *
 * @param name the declared name
 * @param kind what it declares
 * @param line the 1-based line of the declaration
 */
public record RepoMapSymbol(String name, SymbolKind kind, int line) {

    /** Rejects nulls. */
    public RepoMapSymbol {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    /** The compact view of {@code symbol}. */
    public static RepoMapSymbol of(Symbol symbol) {
        return new RepoMapSymbol(symbol.name(), symbol.kind(), symbol.line());
    }
}
