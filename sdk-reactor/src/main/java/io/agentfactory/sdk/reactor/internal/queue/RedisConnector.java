package io.agentfactory.sdk.reactor.internal.queue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import io.lettuce.core.codec.RedisCodec;
import org.jspecify.annotations.Nullable;

/**
 * How the pipeline gets its one connection: a standalone {@link RedisClient} or a
 * {@link RedisClusterClient} (whose commands scan every master and split multi-key reads by slot),
 * made on first use, shut down on close only when the admin made it. Not API.
 */
public interface RedisConnector {

    /** Opens a connection (called off the event loops). */
    CompletionStage<? extends StatefulConnection<String, byte[]>> connect(RedisCodec<String, byte[]> codec);

    /** The reactive commands of {@code connection}. */
    RedisClusterReactiveCommands<String, byte[]> commands(StatefulConnection<String, byte[]> connection);

    /** Releases the client when the admin owns it. */
    CompletionStage<Void> shutdown();

    /** A standalone server. */
    static RedisConnector standalone(Supplier<RedisClient> factory, boolean owned, RedisURI uri) {
        return new Lazy<>(factory, owned) {
            @Override
            public CompletionStage<? extends StatefulConnection<String, byte[]>> connect(RedisCodec<String, byte[]> codec) {
                return client().connectAsync(codec, uri);
            }

            @Override
            @SuppressWarnings("unchecked")
            public RedisClusterReactiveCommands<String, byte[]> commands(StatefulConnection<String, byte[]> connection) {
                return ((StatefulRedisConnection<String, byte[]>) connection).reactive();
            }
        };
    }

    /** A cluster, reached through its client's seed URIs. */
    static RedisConnector cluster(Supplier<RedisClusterClient> factory, boolean owned) {
        return new Lazy<>(factory, owned) {
            @Override
            public CompletionStage<? extends StatefulConnection<String, byte[]>> connect(RedisCodec<String, byte[]> codec) {
                RedisClusterClient cluster = client();
                // The topology is read first, asynchronously (connectAsync expects known partitions).
                return cluster.refreshPartitionsAsync().thenCompose(loaded -> cluster.connectAsync(codec));
            }

            @Override
            @SuppressWarnings("unchecked")
            public RedisClusterReactiveCommands<String, byte[]> commands(StatefulConnection<String, byte[]> connection) {
                return ((StatefulRedisClusterConnection<String, byte[]>) connection).reactive();
            }
        };
    }

    /** A client made on first use and, when owned, shut down on {@link #shutdown()}. */
    abstract class Lazy<C extends AbstractRedisClient> implements RedisConnector {

        private final Supplier<C> factory;
        private final boolean owned;
        private @Nullable C client;

        Lazy(Supplier<C> factory, boolean owned) {
            this.factory = factory;
            this.owned = owned;
        }

        synchronized C client() {
            if (client == null) {
                client = factory.get();
            }
            return client;
        }

        @Override
        public synchronized CompletionStage<Void> shutdown() {
            return client == null || !owned ? CompletableFuture.completedFuture(null)
                    : client.shutdownAsync(0, 2, TimeUnit.SECONDS);
        }
    }
}
