package io.agentfactory.sdk.reactor.codeintel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import io.agentfactory.sdk.codeintel.CodeMatch;
import io.agentfactory.sdk.codeintel.CodeSearchHit;
import io.agentfactory.sdk.codeintel.Rescorer;
import io.agentfactory.sdk.reactor.codeintel.internal.RescorerEndpoint;

/**
 * Rescoring by Cohere's rerank ({@code POST /v2/rerank}, {@code Authorization: Bearer <key>}, body
 * {@code model, query, documents, top_n} with {@code top_n} = the number of candidates): each
 * candidate's score becomes its {@code relevance_score} ({@link CodeMatch#RERANKED}).
 *
 * <p>Unlike the reference, an answer that does not score every candidate exactly once is refused
 * as a whole ({@code ResponseDecodeException}) instead of mixing relevance scores with the scores
 * of the candidates it left out. Other errors: the SDK's HTTP status exceptions,
 * {@code RequestTimeoutException}, {@code TransportException}. The key goes only into
 * {@code Authorization}, never into a log, an error or {@link #toString()}.
 */
public final class CohereRescorer implements Rescorer, AutoCloseable {

    private final RescorerOptions options;
    private final RescorerEndpoint endpoint;

    private CohereRescorer(RescorerOptions options) {
        this.options = options;
        this.endpoint = RescorerEndpoint.open(options, "agentfactory-cohere");
    }

    /** A Cohere rescorer; it holds a connection pool until {@link #close()}. */
    public static CohereRescorer create(RescorerOptions options) {
        return new CohereRescorer(Objects.requireNonNull(options, "options"));
    }

    /** A Cohere rescorer on the public endpoint with {@code apiKey}. */
    public static CohereRescorer of(String apiKey) {
        return create(RescorerOptions.cohere(apiKey));
    }

    @Override
    public Mono<List<Double>> rescore(String query, List<CodeSearchHit> candidates) {
        Objects.requireNonNull(query, "query");
        List<CodeSearchHit> hits = List.copyOf(candidates);
        if (hits.isEmpty()) {
            return Mono.just(List.of());
        }
        return Mono.defer(() -> {
            List<String> documents = new ArrayList<>(hits.size());
            for (CodeSearchHit hit : hits) {
                documents.add(Rescorer.candidateText(hit));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("model", options.model());
            body.put("query", query);
            body.put("documents", documents);
            body.put("top_n", documents.size());
            int expected = documents.size();
            return endpoint.post(body, tree -> readScores(tree, expected));
        });
    }

    /** The relevance scores of a response, by index; throws when any index is missing, repeated or bad. */
    static List<Double> readScores(JsonNode tree, int expected) {
        JsonNode results = tree == null ? null : tree.get("results");
        if (results == null || !results.isArray()) {
            throw new IllegalArgumentException("rerank answer has no results array");
        }
        if (results.size() != expected) {
            throw new IllegalArgumentException("rerank answer scores " + results.size() + " of " + expected + " documents");
        }
        Double[] scores = new Double[expected];
        boolean[] seen = new boolean[expected];
        for (JsonNode result : results) {
            int i = RescorerEndpoint.index(result, seen, "rerank answer", "a result");
            JsonNode score = result.get("relevance_score");
            if (score == null || !score.isNumber() || !Double.isFinite(score.asDouble())) {
                throw new IllegalArgumentException("rerank answer has no finite relevance_score for index " + i);
            }
            scores[i] = score.asDouble();
        }
        return List.of(scores);
    }

    @Override
    public CodeMatch match() {
        return CodeMatch.RERANKED;
    }

    @Override
    public String name() {
        return "cohere";
    }

    /** Releases the connection pool; later calls fail with {@code ClientClosedException}. */
    @Override
    public void close() {
        endpoint.close();
    }

    @Override
    public String toString() {
        return "CohereRescorer[" + options.endpoint() + ", " + options.model() + "]";
    }
}
