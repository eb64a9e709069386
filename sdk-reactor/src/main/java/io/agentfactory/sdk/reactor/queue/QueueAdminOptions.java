package io.agentfactory.sdk.reactor.queue;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.lettuce.core.resource.ClientResources;
import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.error.RedisUrlRequiredException;
import io.agentfactory.sdk.queue.KeyLayout;
import io.agentfactory.sdk.reactor.internal.queue.RedisUrl;

/**
 * Configuration of a {@link RedisQueueAdmin}: the Redis URL ({@code redis://[user:password@]host[:port][/db]},
 * {@code rediss://} for TLS), the {@link KeyLayout}, the command timeout, the batch size of scans and
 * reads, and optionally Lettuce {@link ClientResources} to share (never shut down by the admin).
 * Immutable; {@link #toString()} never shows the password.
 *
 * <pre>{@code
 * QueueAdminOptions options = QueueAdminOptions.builder(System.getenv("REDIS_URL"))
 *         .layout(KeyLayout.TS_SERVER)
 *         .build();
 * }</pre>
 */
public final class QueueAdminOptions {

    private final RedisUrl url;
    private final KeyLayout layout;
    private final Duration commandTimeout;
    private final int batchSize;
    private final @Nullable ClientResources clientResources;
    private final boolean cluster;

    private QueueAdminOptions(Builder b) {
        this.cluster = b.cluster;
        this.url = b.url;
        this.layout = b.layout;
        this.commandTimeout = b.commandTimeout;
        this.batchSize = b.batchSize;
        this.clientResources = b.clientResources;
    }

    /**
     * A builder for the Redis at {@code url}.
     *
     * @throws RedisUrlRequiredException when {@code url} is {@code null} or blank
     * @throws InvalidArgumentException when it is not a {@code redis://} or {@code rediss://} URL (the
     *     message shows it without its password)
     */
    public static Builder builder(@Nullable String url) {
        return new Builder(RedisUrl.parse(url));
    }

    /**
     * A builder for the Redis {@code REDIS_URL} names in {@code environment}.
     *
     * @throws RedisUrlRequiredException when it is unset or blank
     */
    public static Builder fromEnvironment(Map<String, String> environment) {
        return builder(environment.get("REDIS_URL"));
    }

    /** The URL without its password ({@code redis://user:REDACTED@host:port/db}). */
    public String url() {
        return url.redacted();
    }

    /** The key layout. */
    public KeyLayout layout() {
        return layout;
    }

    /** How long a command may wait for its answer. */
    public Duration commandTimeout() {
        return commandTimeout;
    }

    /** Keys per {@code SCAN COUNT}, {@code MGET}, {@code HMGET} and sorted-set page. */
    public int batchSize() {
        return batchSize;
    }

    /** The shared Lettuce resources, when given. */
    public Optional<ClientResources> clientResources() {
        return Optional.ofNullable(clientResources);
    }

    /** Whether the URL names a node of a Redis Cluster. */
    public boolean cluster() {
        return cluster;
    }

    RedisUrl redisUrl() {
        return url;
    }

    @Override
    public String toString() {
        return "QueueAdminOptions[url=" + url.redacted() + ", layout=" + layout.name() + ", commandTimeout="
                + commandTimeout + ", batchSize=" + batchSize + ", clientResources="
                + (clientResources == null ? "own" : "shared") + ", cluster=" + cluster + "]";
    }

    /** Builds {@link QueueAdminOptions}. */
    public static final class Builder {

        private final RedisUrl url;
        private KeyLayout layout = KeyLayout.REFERENCE;
        private Duration commandTimeout = Duration.ofSeconds(10);
        private int batchSize = 500;
        private @Nullable ClientResources clientResources;
        private boolean cluster;

        private Builder(RedisUrl url) {
            this.url = url;
        }

        /** The key layout (default {@link KeyLayout#REFERENCE}). */
        public Builder layout(KeyLayout value) {
            this.layout = Objects.requireNonNull(value, "layout");
            return this;
        }

        /** How long a command may wait for its answer (default 10 s); positive. */
        public Builder commandTimeout(Duration value) {
            if (value.isZero() || value.isNegative()) {
                throw new InvalidArgumentException("commandTimeout must be positive, got " + value);
            }
            this.commandTimeout = value;
            return this;
        }

        /** Keys per scan step and batched read (default 500); 1 to 10,000. */
        public Builder batchSize(int value) {
            if (value < 1 || value > 10_000) {
                throw new InvalidArgumentException("batchSize must be 1 to 10000, got " + value);
            }
            this.batchSize = value;
            return this;
        }

        /** Lettuce resources (event loops, timers) to share; the admin never shuts them down. */
        public Builder clientResources(@Nullable ClientResources value) {
            this.clientResources = value;
            return this;
        }

        /**
         * Whether the URL names a node of a Redis Cluster (default {@code false}): listings then scan
         * every master; edits whose keys sit in different slots fail with {@code CROSSSLOT}.
         */
        public Builder cluster(boolean value) {
            this.cluster = value;
            return this;
        }

        /** The options. */
        public QueueAdminOptions build() {
            return new QueueAdminOptions(this);
        }
    }
}
