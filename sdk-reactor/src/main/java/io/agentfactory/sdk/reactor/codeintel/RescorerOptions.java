package io.agentfactory.sdk.reactor.codeintel;

import java.time.Duration;
import java.util.Objects;

import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.reactor.RetryPolicy;
import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.internal.http.HeaderValues;
import io.agentfactory.sdk.reactor.internal.http.HttpPipeline;

/**
 * Where and how a {@link VoyageRescorer} or {@link CohereRescorer} calls its service: the endpoint,
 * the API key (sent as {@code Authorization: Bearer <key>}), the model and the transport. The
 * default transport answers within 10 s and never retries, because a rescoring pass has a budget
 * and falls back to the BM25 order instead of waiting. Immutable; {@link #toString()} never shows
 * the key.
 *
 * @param endpoint the absolute http(s) URL the rescorer posts to
 * @param apiKey the API key, trimmed
 * @param model the model name sent in every request
 * @param transport timeouts, pool and limits
 */
public record RescorerOptions(String endpoint, String apiKey, String model, TransportOptions transport) {

    /** Voyage's embeddings endpoint. */
    public static final String VOYAGE_ENDPOINT = "https://api.voyageai.com/v1/embeddings";

    /** Voyage's code embedding model. */
    public static final String VOYAGE_MODEL = "voyage-code-3";

    /** Cohere's rerank endpoint (API v2). */
    public static final String COHERE_ENDPOINT = "https://api.cohere.com/v2/rerank";

    /** Cohere's reranking model. */
    public static final String COHERE_MODEL = "rerank-v3.5";

    /** The default response timeout of a rescorer's calls. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Checks the options.
     *
     * @throws InvalidArgumentException when the endpoint is not an absolute http(s) URL, the key is
     *         blank or holds a control or non-Latin-1 character, or the model is blank
     */
    public RescorerOptions {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(transport, "transport");
        try {
            HttpPipeline.checkBaseUrl(endpoint);
        }
        catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("rescorer endpoint: " + e.getMessage());
        }
        endpoint = endpoint.trim();
        apiKey = apiKey.trim();
        if (apiKey.isEmpty()) {
            throw new InvalidArgumentException("a rescorer API key is required");
        }
        try {
            HeaderValues.check("rescorer API key", apiKey);
        }
        catch (IllegalArgumentException e) {
            throw new InvalidArgumentException(e.getMessage());
        }
        if (model.isBlank()) {
            throw new InvalidArgumentException("a rescorer model is required");
        }
    }

    /** Options for Voyage's embeddings with {@code apiKey}, model {@value #VOYAGE_MODEL}. */
    public static RescorerOptions voyage(String apiKey) {
        return new RescorerOptions(VOYAGE_ENDPOINT, apiKey, VOYAGE_MODEL, defaultTransport());
    }

    /** Options for Cohere's rerank with {@code apiKey}, model {@value #COHERE_MODEL}. */
    public static RescorerOptions cohere(String apiKey) {
        return new RescorerOptions(COHERE_ENDPOINT, apiKey, COHERE_MODEL, defaultTransport());
    }

    /** 10 s response timeout, no retries, the other transport defaults. */
    public static TransportOptions defaultTransport() {
        return TransportOptions.builder().responseTimeout(DEFAULT_TIMEOUT).retryPolicy(RetryPolicy.none()).build();
    }

    /** These options with another endpoint (a proxy, a regional host, a test server). */
    public RescorerOptions withEndpoint(String url) {
        return new RescorerOptions(url, apiKey, model, transport);
    }

    /** These options with another model. */
    public RescorerOptions withModel(String name) {
        return new RescorerOptions(endpoint, apiKey, name, transport);
    }

    /** These options with another transport. */
    public RescorerOptions withTransport(TransportOptions options) {
        return new RescorerOptions(endpoint, apiKey, model, options);
    }

    @Override
    public String toString() {
        return "RescorerOptions[endpoint=" + endpoint + ", apiKey=REDACTED, model=" + model + ", transport=" + transport
                + "]";
    }
}
