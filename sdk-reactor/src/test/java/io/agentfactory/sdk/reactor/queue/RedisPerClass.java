package io.agentfactory.sdk.reactor.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import io.agentfactory.sdk.queue.KeyLayout;
import io.agentfactory.sdk.reactor.internal.queue.EditHook;
import io.agentfactory.sdk.reactor.testing.RedisServer;

/** One real redis-server per test class, emptied (FLUSHALL, CONFIG RESETSTAT) before each test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RedisPerClass {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final long NOW = 1_767_225_600_000L;

    RedisServer server;
    QueueWriters writers;
    private final List<RedisQueueAdmin> admins = new ArrayList<>();

    /** Extra redis-server arguments of this class. */
    String[] serverArguments() {
        return new String[0];
    }

    @BeforeAll
    void startRedis() {
        server = RedisServer.start(serverArguments());
    }

    @BeforeEach
    void emptyRedis() {
        server.commands().flushall();
        server.commands().configResetstat();
        writers = new QueueWriters(server.commands());
    }

    @AfterEach
    void closeAdmins() {
        admins.forEach(a -> a.closeGracefully().block(TIMEOUT));
        admins.clear();
    }

    @AfterAll
    void stopRedis() {
        server.close();
    }

    RedisQueueAdmin admin(KeyLayout layout) {
        return admin(layout, EditHook.NONE);
    }

    RedisQueueAdmin admin(KeyLayout layout, EditHook hook) {
        return admin(layout, hook, UnaryOperator.identity());
    }

    /** An admin with these options on top of the layout. */
    RedisQueueAdmin admin(KeyLayout layout, UnaryOperator<QueueAdminOptions.Builder> options) {
        return admin(layout, EditHook.NONE, options);
    }

    private RedisQueueAdmin admin(KeyLayout layout, EditHook hook, UnaryOperator<QueueAdminOptions.Builder> options) {
        RedisQueueAdmin admin = RedisQueueAdmin.create(
                options.apply(QueueAdminOptions.builder(server.url()).layout(layout)).build(), hook, () -> NOW);
        admins.add(admin);
        return admin;
    }

    /** Calls per command since the last CONFIG RESETSTAT ({@code INFO commandstats}). */
    Map<String, Long> commandCalls() {
        Map<String, Long> calls = new TreeMap<>();
        for (String line : server.commands().info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_")) {
                String name = line.substring(8, line.indexOf(':'));
                String count = line.substring(line.indexOf("calls=") + 6, line.indexOf(',', line.indexOf("calls=")));
                calls.put(name, Long.parseLong(count));
            }
        }
        return calls;
    }

    /** Every key with its type and contents, for before/after comparisons. */
    Map<String, String> dump() {
        Map<String, String> all = new TreeMap<>();
        var redis = server.commands();
        for (String key : redis.keys("*")) {
            String type = redis.type(key);
            String value = switch (type) {
                case "string" -> redis.get(key);
                case "hash" -> new TreeMap<>(redis.hgetall(key)).toString();
                case "zset" -> redis.zrangeWithScores(key, 0, -1).toString();
                case "set" -> new java.util.TreeSet<>(redis.smembers(key)).toString();
                default -> type;
            };
            all.put(key, type + " " + value);
        }
        return all;
    }
}
