package io.agentfactory.sdk.codeintel;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * A second opinion on the head of a {@link CodeQuery}'s BM25 ranking: given the query and the
 * best candidates in their current order, gives one new score per candidate. The engine re-sorts
 * by those scores (ties keep the previous order) and leaves the rest of the ranking untouched.
 *
 * <p>Implementations usually call a network service (embeddings, a cross-encoder). They must not
 * block, should fail rather than guess (a failed or late stage keeps the previous order, so a
 * partial answer is worse than none), and must never put a credential in an error message.
 * Rescoring is off unless configured; see the implementation module for the Voyage and Cohere
 * rescorers.
 */
public interface Rescorer {

    /**
     * Scores the candidates.
     *
     * @param query the query text as the caller gave it
     * @param candidates the candidates in their current order, never empty
     * @return exactly one finite score per candidate, in the candidates' order (higher is better);
     *         any other answer, an error or an empty {@code Mono} keeps the previous order
     */
    Mono<List<Double>> rescore(String query, List<CodeSearchHit> candidates);

    /** How the hits this stage reorders are labelled. */
    default CodeMatch match() {
        return CodeMatch.RERANKED;
    }

    /** A short name for logs, for example {@code "voyage"}. */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * The text a rescorer sends for a candidate: the signature, the documentation,
     * {@code "<kind> <name>"} and the file path, each on its own line, empty parts left out.
     */
    static String candidateText(CodeSearchHit hit) {
        Symbol symbol = hit.symbol();
        StringBuilder text = new StringBuilder(128);
        if (!symbol.signature().isEmpty()) {
            text.append(symbol.signature()).append('\n');
        }
        if (!symbol.documentation().isEmpty()) {
            text.append(symbol.documentation()).append('\n');
        }
        text.append(symbol.kind().wireName()).append(' ').append(symbol.name());
        if (!symbol.filePath().isEmpty()) {
            text.append('\n').append(symbol.filePath());
        }
        return text.toString();
    }
}
