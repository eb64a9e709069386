package io.agentfactory.sdk.reactor.codeintel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import io.agentfactory.sdk.codeintel.CodeMatch;
import io.agentfactory.sdk.codeintel.CodeSearchHit;
import io.agentfactory.sdk.codeintel.Rescorer;
import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.reactor.codeintel.internal.EmbeddingCache;
import io.agentfactory.sdk.reactor.codeintel.internal.HybridBlend;
import io.agentfactory.sdk.reactor.codeintel.internal.RescorerEndpoint;

/**
 * Rescoring by Voyage embeddings ({@code POST /v1/embeddings}, {@code Authorization: Bearer <key>}):
 * the query is embedded with {@code input_type "query"}, then the candidates not in the cache in
 * one batch with {@code input_type "document"}, both with {@code output_dimension} {@value #OUTPUT_DIMENSION};
 * each candidate's score becomes {@code 0.45 · minmax(cosine) + 0.55 · minmax(previous score)}
 * ({@link CodeMatch#HYBRID}). At most two calls per query; a bounded LRU cache (keyed
 * {@code "<input_type>:<sha256(text)>"}) keeps embeddings between queries, so a repeated query or
 * candidate is not sent again.
 *
 * <p>Errors: the SDK's HTTP status exceptions (401 {@code NotAuthenticatedException}, 429
 * {@code RateLimitedException}, 5xx {@code ServerErrorException}, …), {@code RequestTimeoutException},
 * {@code TransportException}, and {@code ResponseDecodeException} when the answer is not one finite
 * embedding of one dimension for every input index exactly once. The key goes only into
 * {@code Authorization}, never into a log, an error or {@link #toString()}.
 */
public final class VoyageRescorer implements Rescorer, AutoCloseable {

    /** The dimension asked for (Matryoshka truncation of voyage-code-3). */
    public static final int OUTPUT_DIMENSION = 256;
    /** The weight of the normalised cosine; the normalised previous score gets {@code 1 - ALPHA}. */
    public static final double ALPHA = 0.45;
    /** How many embeddings the cache keeps by default. */
    public static final int DEFAULT_CACHE_ENTRIES = 2048;

    private final RescorerOptions options;
    private final RescorerEndpoint endpoint;
    private final EmbeddingCache cache;

    private VoyageRescorer(RescorerOptions options, int cacheEntries) {
        this.options = options;
        this.endpoint = RescorerEndpoint.open(options, "agentfactory-voyage");
        this.cache = new EmbeddingCache(cacheEntries);
    }

    /** A Voyage rescorer with the default cache; it holds a connection pool until {@link #close()}. */
    public static VoyageRescorer create(RescorerOptions options) {
        return create(options, DEFAULT_CACHE_ENTRIES);
    }

    /**
     * A Voyage rescorer whose cache keeps at most {@code cacheEntries} embeddings (least recently
     * used dropped first; {@code 0} turns the cache off).
     *
     * @throws InvalidArgumentException when {@code cacheEntries} is negative
     */
    public static VoyageRescorer create(RescorerOptions options, int cacheEntries) {
        Objects.requireNonNull(options, "options");
        if (cacheEntries < 0) {
            throw new InvalidArgumentException("cacheEntries must be >= 0: " + cacheEntries);
        }
        return new VoyageRescorer(options, cacheEntries);
    }

    /** A Voyage rescorer on the public endpoint with {@code apiKey}. */
    public static VoyageRescorer of(String apiKey) {
        return create(RescorerOptions.voyage(apiKey));
    }

    @Override
    public Mono<List<Double>> rescore(String query, List<CodeSearchHit> candidates) {
        Objects.requireNonNull(query, "query");
        List<CodeSearchHit> hits = List.copyOf(candidates);
        if (hits.isEmpty()) {
            return Mono.just(List.of());
        }
        return Mono.defer(() -> {
            List<String> texts = new ArrayList<>(hits.size());
            for (CodeSearchHit hit : hits) {
                texts.add(Rescorer.candidateText(hit));
            }
            // One call after the other: a failed query embedding sends no documents.
            return embedQuery(query).flatMap(queryVector -> embedDocuments(texts)
                    .publishOn(Schedulers.parallel())
                    .map(documents -> score(hits, queryVector, documents)));
        });
    }

    private Mono<double[]> embedQuery(String query) {
        String key = EmbeddingCache.key("query", query);
        double[] cached = cache.get(key);
        if (cached != null) {
            return Mono.just(cached);
        }
        return embed(List.of(query), "query").map(vectors -> {
            cache.put(key, vectors.get(0));
            return vectors.get(0);
        });
    }

    private Mono<List<double[]>> embedDocuments(List<String> texts) {
        double[][] vectors = new double[texts.size()][];
        List<Integer> missing = new ArrayList<>();
        List<String> missingTexts = new ArrayList<>();
        List<String> keys = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String key = EmbeddingCache.key("document", texts.get(i));
            keys.add(key);
            double[] cached = cache.get(key);
            if (cached != null) {
                vectors[i] = cached;
            } else {
                missing.add(i);
                missingTexts.add(texts.get(i));
            }
        }
        if (missing.isEmpty()) {
            return Mono.just(List.of(vectors));
        }
        return embed(missingTexts, "document").map(fresh -> {
            for (int j = 0; j < missing.size(); j++) {
                int i = missing.get(j);
                vectors[i] = fresh.get(j);
                cache.put(keys.get(i), fresh.get(j));
            }
            return List.of(vectors);
        });
    }

    /** One embeddings call: one vector per input, in input order. */
    private Mono<List<double[]>> embed(List<String> inputs, String inputType) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", options.model());
        body.put("input", inputs);
        body.put("input_type", inputType);
        body.put("output_dimension", OUTPUT_DIMENSION);
        int expected = inputs.size();
        return endpoint.post(body, tree -> readEmbeddings(tree, expected));
    }

    /** The embeddings of a response, by index; throws when any index is missing, repeated or bad. */
    static List<double[]> readEmbeddings(JsonNode tree, int expected) {
        JsonNode data = tree == null ? null : tree.get("data");
        if (data == null || !data.isArray()) {
            throw new IllegalArgumentException("embeddings answer has no data array");
        }
        if (data.size() != expected) {
            throw new IllegalArgumentException("embeddings answer has " + data.size() + " items for " + expected + " inputs");
        }
        double[][] vectors = new double[expected][];
        int dimension = -1;
        boolean[] seen = new boolean[expected];
        for (JsonNode item : data) {
            int i = RescorerEndpoint.index(item, seen, "embeddings answer", "an item");
            JsonNode embedding = item.get("embedding");
            if (embedding == null || !embedding.isArray() || embedding.isEmpty()) {
                throw new IllegalArgumentException("embeddings answer has no embedding for index " + i);
            }
            if (dimension >= 0 && embedding.size() != dimension) {
                throw new IllegalArgumentException("embeddings answer mixes dimensions " + dimension + " and "
                        + embedding.size());
            }
            dimension = embedding.size();
            double[] vector = new double[dimension];
            for (int k = 0; k < dimension; k++) {
                JsonNode value = embedding.get(k);
                if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
                    throw new IllegalArgumentException("embeddings answer has a value that is not a finite number at index "
                            + i);
                }
                vector[k] = value.asDouble();
            }
            vectors[i] = vector;
        }
        return List.of(vectors);
    }

    private List<Double> score(List<CodeSearchHit> hits, double[] query, List<double[]> documents) {
        double[] cosines = new double[hits.size()];
        double[] previous = new double[hits.size()];
        for (int i = 0; i < hits.size(); i++) {
            double[] document = documents.get(i);
            if (document.length != query.length) {
                throw new ResponseDecodeException("POST", endpoint.path(), "query and document embeddings differ in dimension ("
                        + query.length + " and " + document.length + ")", null);
            }
            cosines[i] = HybridBlend.cosine(query, document);
            previous[i] = hits.get(i).score();
        }
        return HybridBlend.blend(cosines, previous, ALPHA);
    }

    @Override
    public CodeMatch match() {
        return CodeMatch.HYBRID;
    }

    @Override
    public String name() {
        return "voyage";
    }

    /** How many embeddings the cache holds now. */
    public int cachedEmbeddings() {
        return cache.size();
    }

    /** Releases the connection pool; later calls fail with {@code ClientClosedException}. */
    @Override
    public void close() {
        endpoint.close();
    }

    @Override
    public String toString() {
        return "VoyageRescorer[" + options.endpoint() + ", " + options.model() + "]";
    }
}
