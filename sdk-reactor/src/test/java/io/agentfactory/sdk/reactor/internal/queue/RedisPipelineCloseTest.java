package io.agentfactory.sdk.reactor.internal.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.reactor.testing.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import io.lettuce.core.codec.RedisCodec;

/**
 * Closing the pipeline against a real {@code redis-server}: the connection's close completes on a
 * Lettuce event loop, and the owned client's shutdown (which stops executors and may wait on their
 * queues' locks, a BlockHound report on an event loop) must not start there.
 */
class RedisPipelineCloseTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private RedisServer server;

    @BeforeEach
    void start() {
        server = RedisServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theOwnedClientIsShutDownOffTheEventLoops() {
        RedisUrl url = RedisUrl.parse(server.url());
        RedisConnector real = RedisConnector.standalone(RedisClient::create, true, url.uri());
        AtomicReference<String> shutdownThread = new AtomicReference<>();
        RedisConnector recording = new RedisConnector() {
            @Override
            public CompletionStage<? extends StatefulConnection<String, byte[]>> connect(RedisCodec<String, byte[]> codec) {
                return real.connect(codec);
            }

            @Override
            public RedisClusterReactiveCommands<String, byte[]> commands(StatefulConnection<String, byte[]> connection) {
                return real.commands(connection);
            }

            @Override
            public CompletionStage<Void> shutdown() {
                shutdownThread.set(Thread.currentThread().getName());
                return real.shutdown();
            }
        };
        RedisPipeline pipeline = new RedisPipeline(recording, new RedisErrors(url.endpoint(), url.redact()));

        assertThat(pipeline.mono("PING", null, RedisClusterReactiveCommands::ping).block(WAIT)).isEqualTo("PONG");
        pipeline.close().block(WAIT);

        assertThat(shutdownThread.get()).as("thread the client shutdown started on").startsWith("boundedElastic-");
    }
}
