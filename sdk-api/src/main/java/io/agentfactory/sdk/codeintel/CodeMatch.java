package io.agentfactory.sdk.codeintel;

/** Why a {@link CodeSearchHit} ranks where it does. */
public enum CodeMatch {
    /** The symbol's name equals the query (case-insensitive): the BM25 score times 3. */
    EXACT_NAME,
    /** The symbol's name contains the query (case-insensitive): the BM25 score times 1.5. */
    NAME_CONTAINS,
    /** The plain BM25 score. */
    BM25,
    /**
     * Reordered by embeddings: {@code 0.45 · minmax(cosine) + 0.55 · minmax(previous score)} over the
     * rescored head (a constant column normalises to zeros).
     */
    HYBRID,
    /** Reordered by a reranker; the score is its relevance score. */
    RERANKED
}
