package io.agentfactory.sdk.codeintel;

/** How a {@link SymbolHit}'s name matched the query (case-insensitive). */
public enum SymbolMatch {
    /** The name equals the query. */
    EXACT,
    /** The name starts with the query. */
    PREFIX,
    /** The name contains the query. */
    CONTAINS,
    /** The query's characters occur in the name in order. */
    SUBSEQUENCE
}
