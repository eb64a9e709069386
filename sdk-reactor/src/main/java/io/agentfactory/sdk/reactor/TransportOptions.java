package io.agentfactory.sdk.reactor;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.reactor.internal.http.UserAgent;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * How a client talks HTTP: timeouts, connection pool, retries, limits and User-Agent. Immutable;
 * build with {@link #builder()}, copy with {@link #toBuilder()}.
 *
 * <p>{@code responseTimeout} is the time allowed to the first byte of an answer and then between
 * two reads of its body: a healthy long response that keeps sending never times out, and the
 * clock stops while a slow subscriber holds reading back. It also bounds how long sending a
 * request body may make no progress. {@code connectTimeout} bounds the TLS handshake too.
 */
public final class TransportOptions {

    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final int maxConnections;
    private final int pendingAcquireMaxCount;
    private final Duration pendingAcquireTimeout;
    private final Duration maxIdleTime;
    private final RetryPolicy retryPolicy;
    private final int maxResponseBytes;
    private final int maxErrorBodyBytes;
    private final String userAgent;
    private final @Nullable HttpClient httpClient;
    private final @Nullable ConnectionProvider connectionProvider;

    private TransportOptions(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.maxConnections = b.maxConnections;
        this.pendingAcquireMaxCount = b.pendingAcquireMaxCount;
        this.pendingAcquireTimeout = b.pendingAcquireTimeout;
        this.maxIdleTime = b.maxIdleTime;
        this.retryPolicy = b.retryPolicy;
        this.maxResponseBytes = b.maxResponseBytes;
        this.maxErrorBodyBytes = b.maxErrorBodyBytes;
        this.userAgent = b.userAgent;
        this.httpClient = b.httpClient;
        this.connectionProvider = b.connectionProvider;
    }

    /** The defaults (see the {@link Builder} methods). */
    public static TransportOptions defaults() {
        return builder().build();
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this instance's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.connectTimeout = connectTimeout;
        b.responseTimeout = responseTimeout;
        b.maxConnections = maxConnections;
        b.pendingAcquireMaxCount = pendingAcquireMaxCount;
        b.pendingAcquireTimeout = pendingAcquireTimeout;
        b.maxIdleTime = maxIdleTime;
        b.retryPolicy = retryPolicy;
        b.maxResponseBytes = maxResponseBytes;
        b.maxErrorBodyBytes = maxErrorBodyBytes;
        b.userAgent = userAgent;
        b.httpClient = httpClient;
        b.connectionProvider = connectionProvider;
        return b;
    }

    /** Time allowed to open a connection. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Time allowed to the first byte of an answer, and between two reads of its body. */
    public Duration responseTimeout() {
        return responseTimeout;
    }

    /** Connections the client's own pool may open to one host. */
    public int maxConnections() {
        return maxConnections;
    }

    /** Requests that may wait for a pooled connection; more fail at once. */
    public int pendingAcquireMaxCount() {
        return pendingAcquireMaxCount;
    }

    /** How long a request may wait for a pooled connection. */
    public Duration pendingAcquireTimeout() {
        return pendingAcquireTimeout;
    }

    /** How long an idle pooled connection is kept (shorter than servers' keep-alive avoids stale ones). */
    public Duration maxIdleTime() {
        return maxIdleTime;
    }

    /** The retry policy. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** The largest JSON body read into memory; a larger one fails with a decode error. */
    public int maxResponseBytes() {
        return maxResponseBytes;
    }

    /** The most bytes of an error body read; the rest is discarded and the message truncated. */
    public int maxErrorBodyBytes() {
        return maxErrorBodyBytes;
    }

    /** The {@code User-Agent} header. */
    public String userAgent() {
        return userAgent;
    }

    /** A caller-supplied HTTP client to build on (its resources stay the caller's), if any. */
    public @Nullable HttpClient httpClient() {
        return httpClient;
    }

    /** A caller-supplied connection pool (stays the caller's), if any. */
    public @Nullable ConnectionProvider connectionProvider() {
        return connectionProvider;
    }

    @Override
    public String toString() {
        return "TransportOptions[connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout
                + ", maxConnections=" + maxConnections + ", retryPolicy=" + retryPolicy + ", userAgent=" + userAgent
                + "]";
    }

    /** Builds {@link TransportOptions}. Not thread-safe; the built options are. */
    public static final class Builder {

        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(30);
        private int maxConnections = 64;
        private int pendingAcquireMaxCount = 1024;
        private Duration pendingAcquireTimeout = Duration.ofSeconds(30);
        private Duration maxIdleTime = Duration.ofSeconds(20);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private int maxResponseBytes = 16 * 1024 * 1024;
        private int maxErrorBodyBytes = 64 * 1024;
        private String userAgent = UserAgent.DEFAULT;
        private @Nullable HttpClient httpClient;
        private @Nullable ConnectionProvider connectionProvider;

        private Builder() {
        }

        /** Time allowed to open a connection (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** Time to the first byte and between reads (default 30 s). */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = positive(timeout, "responseTimeout");
            return this;
        }

        /** Connections of the client's own pool (default 64). */
        public Builder maxConnections(int connections) {
            this.maxConnections = atLeastOne(connections, "maxConnections");
            return this;
        }

        /** Requests that may wait for a connection (default 1024). */
        public Builder pendingAcquireMaxCount(int count) {
            this.pendingAcquireMaxCount = atLeastOne(count, "pendingAcquireMaxCount");
            return this;
        }

        /** How long a request may wait for a connection (default 30 s). */
        public Builder pendingAcquireTimeout(Duration timeout) {
            this.pendingAcquireTimeout = positive(timeout, "pendingAcquireTimeout");
            return this;
        }

        /** How long an idle connection is kept (default 20 s). */
        public Builder maxIdleTime(Duration idle) {
            this.maxIdleTime = positive(idle, "maxIdleTime");
            return this;
        }

        /** The retry policy (default {@link RetryPolicy#defaults()}). */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /** The largest JSON body read into memory (default 16 MiB). */
        public Builder maxResponseBytes(int bytes) {
            this.maxResponseBytes = atLeastOne(bytes, "maxResponseBytes");
            return this;
        }

        /** The most bytes of an error body read (default 64 KiB). */
        public Builder maxErrorBodyBytes(int bytes) {
            this.maxErrorBodyBytes = atLeastOne(bytes, "maxErrorBodyBytes");
            return this;
        }

        /** The {@code User-Agent} (default {@code agentfactory-sdk-java/<version> (Java <v>; <os>)}). */
        public Builder userAgent(String agent) {
            this.userAgent = UserAgent.checked(agent);
            return this;
        }

        /**
         * Builds on a caller's {@link HttpClient} (its event loop, pool, TLS, proxy and metrics
         * settings). The client never disposes it.
         */
        public Builder httpClient(@Nullable HttpClient client) {
            this.httpClient = client;
            return this;
        }

        /** Uses a caller's connection pool instead of creating one. The client never disposes it. */
        public Builder connectionProvider(@Nullable ConnectionProvider provider) {
            this.connectionProvider = provider;
            return this;
        }

        /** The options. */
        public TransportOptions build() {
            return new TransportOptions(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }

        private static int atLeastOne(int n, String name) {
            if (n < 1) {
                throw new IllegalArgumentException(name + " must be at least 1: " + n);
            }
            return n;
        }
    }
}
