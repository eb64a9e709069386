package io.agentfactory.sdk.reactor;

import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.reactor.internal.http.HeaderValues;
import io.agentfactory.sdk.reactor.internal.http.UserAgent;
import io.agentfactory.sdk.reactor.observation.ClientRequestObservationConvention;
import io.agentfactory.sdk.reactor.observation.ClientRetryObservationConvention;
import io.agentfactory.sdk.reactor.observation.ClientStreamObservationConvention;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * How a client talks HTTP: timeouts, connection pool, retries, limits, User-Agent, proxy, TLS trust
 * and observations. Immutable; build with {@link #builder()}, copy with {@link #toBuilder()}.
 *
 * <p>{@code responseTimeout} is the time allowed to the first byte of an answer and then between
 * two reads of its body: a healthy long response that keeps sending never times out, and the
 * clock stops while a slow subscriber holds reading back. It also bounds how long sending a
 * request body may make no progress. {@code connectTimeout} bounds the TLS handshake too. For a
 * bound on the whole call, see {@link RequestOptions#deadline()}.
 *
 * <p><b>A caller's {@link HttpClient}</b> ({@link Builder#httpClient}) keeps its own settings (event
 * loop, pool, TLS, proxy, metrics, wiretap, default headers). The SDK sets only what it must:
 * redirects off (a redirect would carry credentials elsewhere), and per request its own headers
 * ({@code User-Agent}, {@code Accept}, {@code Content-Type}, {@code Content-Length}, its credentials
 * and scopes, {@code Idempotency-Key}, trace context), and its transport guards (interim 1xx
 * answers skipped, the TLS handshake and a stalled send bounded, the read timeout paused under
 * backpressure). It sets the connect timeout only when
 * {@link Builder#connectTimeout} was called, the response timeout when that was called or the
 * caller's client has none, and the proxy and TLS trust only when {@link Builder#proxy} /
 * {@link Builder#tls} were. The pool options ({@code maxConnections}, …) apply only to the pool the
 * SDK creates. {@link Builder#httpClientCustomizer} runs last, on whichever client is used.
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
    private final boolean connectTimeoutSet;
    private final boolean responseTimeoutSet;
    private final @Nullable String applicationId;
    private final @Nullable UnaryOperator<HttpClient> httpClientCustomizer;
    private final @Nullable ProxyOptions proxy;
    private final @Nullable TlsOptions tls;
    private final @Nullable ObservationRegistry observationRegistry;
    private final @Nullable ClientRequestObservationConvention requestObservationConvention;
    private final @Nullable ClientRetryObservationConvention retryObservationConvention;
    private final @Nullable ClientStreamObservationConvention streamObservationConvention;

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
        this.connectTimeoutSet = b.connectTimeoutSet;
        this.responseTimeoutSet = b.responseTimeoutSet;
        this.applicationId = b.applicationId;
        this.httpClientCustomizer = b.httpClientCustomizer;
        this.proxy = b.proxy;
        this.tls = b.tls;
        this.observationRegistry = b.observationRegistry;
        this.requestObservationConvention = b.requestObservationConvention;
        this.retryObservationConvention = b.retryObservationConvention;
        this.streamObservationConvention = b.streamObservationConvention;
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
        b.connectTimeoutSet = connectTimeoutSet;
        b.responseTimeoutSet = responseTimeoutSet;
        b.applicationId = applicationId;
        b.httpClientCustomizer = httpClientCustomizer;
        b.proxy = proxy;
        b.tls = tls;
        b.observationRegistry = observationRegistry;
        b.requestObservationConvention = requestObservationConvention;
        b.retryObservationConvention = retryObservationConvention;
        b.streamObservationConvention = streamObservationConvention;
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

    /** The SDK's {@code User-Agent} (or the one set with {@link Builder#userAgent}), without the application id. */
    public String userAgent() {
        return userAgent;
    }

    /** The application id that prefixes the {@code User-Agent}, when set. */
    public @Nullable String applicationId() {
        return applicationId;
    }

    /** A caller-supplied HTTP client to build on (its resources stay the caller's), if any. */
    public @Nullable HttpClient httpClient() {
        return httpClient;
    }

    /** A caller-supplied connection pool (stays the caller's), if any. */
    public @Nullable ConnectionProvider connectionProvider() {
        return connectionProvider;
    }

    /** Whether {@link Builder#connectTimeout} was called (a caller's client keeps its own otherwise). */
    public boolean connectTimeoutSet() {
        return connectTimeoutSet;
    }

    /** Whether {@link Builder#responseTimeout} was called (a caller's client keeps its own otherwise). */
    public boolean responseTimeoutSet() {
        return responseTimeoutSet;
    }

    /** The last change made to the HTTP client, after the SDK's settings, if any. */
    public @Nullable UnaryOperator<HttpClient> httpClientCustomizer() {
        return httpClientCustomizer;
    }

    /** The proxy, if any. */
    public @Nullable ProxyOptions proxy() {
        return proxy;
    }

    /** The TLS trust configuration, if any (else the JDK's default trust, or the caller's client's). */
    public @Nullable TlsOptions tls() {
        return tls;
    }

    /** The registry observing requests, retries and streams, if any. */
    public @Nullable ObservationRegistry observationRegistry() {
        return observationRegistry;
    }

    /** A convention replacing the default names of request observations, if any. */
    public @Nullable ClientRequestObservationConvention requestObservationConvention() {
        return requestObservationConvention;
    }

    /** A convention replacing the default names of retry-wait observations, if any. */
    public @Nullable ClientRetryObservationConvention retryObservationConvention() {
        return retryObservationConvention;
    }

    /** A convention replacing the default names of stream observations, if any. */
    public @Nullable ClientStreamObservationConvention streamObservationConvention() {
        return streamObservationConvention;
    }

    @Override
    public String toString() {
        return "TransportOptions[connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout
                + ", maxConnections=" + maxConnections + ", retryPolicy=" + retryPolicy + ", userAgent=" + userAgent
                + (applicationId == null ? "" : ", applicationId=" + applicationId)
                + (proxy == null ? "" : ", proxy=" + proxy) + (tls == null ? "" : ", tls=" + tls)
                + (observationRegistry == null ? "" : ", observed") + "]";
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
        private boolean connectTimeoutSet;
        private boolean responseTimeoutSet;
        private @Nullable String applicationId;
        private @Nullable UnaryOperator<HttpClient> httpClientCustomizer;
        private @Nullable ProxyOptions proxy;
        private @Nullable TlsOptions tls;
        private @Nullable ObservationRegistry observationRegistry;
        private @Nullable ClientRequestObservationConvention requestObservationConvention;
        private @Nullable ClientRetryObservationConvention retryObservationConvention;
        private @Nullable ClientStreamObservationConvention streamObservationConvention;

        private Builder() {
        }

        /** Time allowed to open a connection (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            this.connectTimeoutSet = true;
            return this;
        }

        /** Time to the first byte and between reads (default 30 s). */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = positive(timeout, "responseTimeout");
            this.responseTimeoutSet = true;
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

        /**
         * Replaces the SDK's {@code User-Agent} (default {@code agentfactory-sdk-java/<version> (Java <v>; <os>)}).
         * To name your application, prefer {@link #applicationId}, which keeps the SDK's.
         */
        public Builder userAgent(String agent) {
            this.userAgent = UserAgent.checked(agent);
            return this;
        }

        /**
         * Names the application: the {@code User-Agent} becomes {@code "<applicationId> <SDK's User-Agent>"},
         * e.g. {@code billing-service/2.3 agentfactory-sdk-java/0.1.0 (Java 17.0.15; Linux)}; {@code null}
         * for none.
         *
         * @throws IllegalArgumentException when it is blank, longer than 128 characters, or holds a
         *         control character or a character beyond ISO-8859-1
         */
        public Builder applicationId(@Nullable String id) {
            if (id != null) {
                if (id.isBlank() || id.length() > 128) {
                    throw new IllegalArgumentException("applicationId must be 1 to 128 characters and not blank");
                }
                HeaderValues.check("applicationId", id);
            }
            this.applicationId = id == null ? null : id.strip();
            return this;
        }

        /**
         * A last change to the HTTP client, applied after every SDK setting (to the SDK's client or the
         * caller's); {@code null} for none. Whatever it sets wins, redirects included.
         */
        public Builder httpClientCustomizer(@Nullable UnaryOperator<HttpClient> customizer) {
            this.httpClientCustomizer = customizer;
            return this;
        }

        /** Connects through this proxy; {@code null} for none (a caller's client keeps its own). */
        public Builder proxy(@Nullable ProxyOptions options) {
            this.proxy = options;
            return this;
        }

        /**
         * Uses the proxy of the system settings ({@code https.proxyHost} / {@code http.proxyHost},
         * {@code http.nonProxyHosts}, else {@code HTTPS_PROXY} / {@code HTTP_PROXY}, {@code NO_PROXY}),
         * read when the client is created: {@link ProxyOptions#system()}.
         */
        public Builder useSystemProxy() {
            return proxy(ProxyOptions.system());
        }

        /** How the server's certificate is trusted; {@code null} for the JDK's default trust. */
        public Builder tls(@Nullable TlsOptions options) {
            this.tls = options;
            return this;
        }

        /**
         * Observes every request, retry wait and stream in this registry (see
         * {@link io.agentfactory.sdk.reactor.observation.ClientObservationDocumentation}); {@code null}
         * for none. Needs {@code io.micrometer:micrometer-observation} on the class path; without a
         * registry the SDK never touches Micrometer.
         */
        public Builder observationRegistry(@Nullable ObservationRegistry registry) {
            this.observationRegistry = registry;
            return this;
        }

        /** Renames request observations or changes their key values; {@code null} for the default. */
        public Builder requestObservationConvention(@Nullable ClientRequestObservationConvention convention) {
            this.requestObservationConvention = convention;
            return this;
        }

        /** Renames retry-wait observations or changes their key values; {@code null} for the default. */
        public Builder retryObservationConvention(@Nullable ClientRetryObservationConvention convention) {
            this.retryObservationConvention = convention;
            return this;
        }

        /** Renames stream observations or changes their key values; {@code null} for the default. */
        public Builder streamObservationConvention(@Nullable ClientStreamObservationConvention convention) {
            this.streamObservationConvention = convention;
            return this;
        }

        /**
         * Builds on a caller's {@link HttpClient} (its event loop, pool, TLS, proxy and metrics
         * settings; see the class description for what the SDK still sets). The client never disposes
         * it. Not together with {@link #connectionProvider}.
         */
        public Builder httpClient(@Nullable HttpClient client) {
            this.httpClient = client;
            return this;
        }

        /**
         * Uses a caller's connection pool instead of creating one. The client never disposes it. Not
         * together with {@link #httpClient} (whose pool is its own).
         */
        public Builder connectionProvider(@Nullable ConnectionProvider provider) {
            this.connectionProvider = provider;
            return this;
        }

        /**
         * The options.
         *
         * @throws IllegalArgumentException when both an {@link #httpClient} and a
         *         {@link #connectionProvider} are set (the client already has a pool)
         */
        public TransportOptions build() {
            if (httpClient != null && connectionProvider != null) {
                throw new IllegalArgumentException("httpClient and connectionProvider are exclusive: an HttpClient "
                        + "brings its own pool (build it with HttpClient.create(provider) instead)");
            }
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
