package io.agentfactory.sdk.reactor.orchestrator;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.internal.http.HeaderValues;
import io.agentfactory.sdk.reactor.internal.http.HttpPipeline;

/**
 * Configuration of a {@link LinearIssueSource}: the GraphQL endpoint (default
 * {@value #DEFAULT_ENDPOINT}; a proxy such as {@code {platform}/api/cli/linear/graphql} works too),
 * the API key (sent as-is in {@code Authorization}, as Linear wants personal keys), the page size
 * and the {@link TransportOptions} (timeouts, retries: 429 and 5xx are retried per its retry
 * policy, honouring {@code Retry-After}). Immutable; {@link #toString()} never shows the key.
 */
public final class LinearOptions {

    /** Linear's GraphQL endpoint. */
    public static final String DEFAULT_ENDPOINT = "https://api.linear.app/graphql";

    /** The environment variable the key is read from when none is given. */
    public static final String API_KEY_VARIABLE = "LINEAR_API_KEY";

    private final String endpoint;
    private final String apiKey;
    private final int pageSize;
    private final TransportOptions transport;

    private LinearOptions(Builder b, String apiKey) {
        this.endpoint = b.endpoint;
        this.apiKey = apiKey;
        this.pageSize = b.pageSize;
        this.transport = b.transport;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The GraphQL endpoint. */
    public String endpoint() {
        return endpoint;
    }

    /** The API key. */
    public String apiKey() {
        return apiKey;
    }

    /** Issues per page (GraphQL {@code first}). */
    public int pageSize() {
        return pageSize;
    }

    /** The transport options. */
    public TransportOptions transport() {
        return transport;
    }

    @Override
    public String toString() {
        return "LinearOptions[endpoint=" + endpoint + ", apiKey=REDACTED, pageSize=" + pageSize + ", transport="
                + transport + "]";
    }

    /** Builds {@link LinearOptions}. */
    public static final class Builder {

        private String endpoint = DEFAULT_ENDPOINT;
        private @Nullable String apiKey;
        private int pageSize = 50;
        private TransportOptions transport = TransportOptions.defaults();

        private Builder() {
        }

        /**
         * The GraphQL endpoint: an absolute http(s) URL.
         *
         * @throws InvalidArgumentException when it is not one
         */
        public Builder endpoint(String url) {
            try {
                HttpPipeline.checkBaseUrl(url);
            }
            catch (IllegalArgumentException e) {
                throw new InvalidArgumentException("Linear endpoint: " + e.getMessage());
            }
            this.endpoint = url.trim();
            return this;
        }

        /**
         * The API key; {@code null} or blank to read {@value #API_KEY_VARIABLE} at {@link #build}.
         *
         * @throws InvalidArgumentException when it holds a control character
         */
        public Builder apiKey(@Nullable String key) {
            if (key != null && !key.isBlank()) {
                try {
                    HeaderValues.check("Linear API key", key);
                }
                catch (IllegalArgumentException e) {
                    throw new InvalidArgumentException(e.getMessage());
                }
            }
            this.apiKey = key == null || key.isBlank() ? null : key.trim();
            return this;
        }

        /**
         * Issues per page, 1 to 250.
         *
         * @throws InvalidArgumentException outside that range
         */
        public Builder pageSize(int size) {
            if (size < 1 || size > 250) {
                throw new InvalidArgumentException("pageSize must be between 1 and 250");
            }
            this.pageSize = size;
            return this;
        }

        /** Timeouts, pool, retries and limits. */
        public Builder transport(TransportOptions options) {
            this.transport = Objects.requireNonNull(options, "transport");
            return this;
        }

        /** The options, the key taken from this process's environment when none was given. */
        public LinearOptions build() {
            return build(System.getenv());
        }

        /**
         * The options, the key taken from {@code environment} when none was given.
         *
         * @throws InvalidArgumentException when there is no key: {@code LINEAR_API_KEY is required}
         */
        public LinearOptions build(Map<String, String> environment) {
            String key = apiKey;
            if (key == null) {
                String fromEnv = environment.get(API_KEY_VARIABLE);
                if (fromEnv != null && !fromEnv.isBlank()) {
                    apiKey(fromEnv);
                    key = apiKey;
                }
            }
            if (key == null) {
                throw new InvalidArgumentException(API_KEY_VARIABLE + " is required");
            }
            return new LinearOptions(this, key);
        }
    }
}
