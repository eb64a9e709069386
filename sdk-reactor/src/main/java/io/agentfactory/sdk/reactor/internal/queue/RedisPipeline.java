package io.agentfactory.sdk.reactor.internal.queue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.ScanStream;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.agentfactory.sdk.error.QueueDataException;
import io.agentfactory.sdk.error.RedisConnectionException;

/**
 * The one path to Redis: a single connection (keys as UTF-8 strings, values as raw bytes), opened on
 * first use and opened again on the next call after it closed, shared by every caller (Lettuce
 * pipelines concurrent commands on it). Every failure comes out as a typed error; scripts run by SHA.
 * Not API.
 */
public final class RedisPipeline {

    static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisConnector connector;
    private final RedisErrors errors;
    private final AtomicReference<@Nullable Mono<StatefulConnection<String, byte[]>>> connection =
            new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param connector makes the connection on first use (called on a bounded-elastic thread)
     * @param errors the error mapping
     */
    public RedisPipeline(RedisConnector connector, RedisErrors errors) {
        this.connector = connector;
        this.errors = errors;
    }

    /** The error mapping. */
    public RedisErrors errors() {
        return errors;
    }

    /** Runs one command returning one value; {@code key} names the addressed key in errors. */
    public <T> Mono<T> mono(String command, @Nullable String key,
            Function<RedisClusterReactiveCommands<String, byte[]>, Mono<T>> call) {
        return commands().flatMap(call).onErrorMap(e -> errors.map(command, key, e));
    }

    /** Runs one command returning many values; {@code key} names the addressed key in errors. */
    public <T> Flux<T> flux(String command, @Nullable String key,
            Function<RedisClusterReactiveCommands<String, byte[]>, Publisher<T>> call) {
        return commands().flatMapMany(call).onErrorMap(e -> errors.map(command, key, e));
    }

    /** {@code SCAN MATCH pattern COUNT count [TYPE type]} as a demand-driven stream of keys. */
    public Flux<String> scan(String pattern, long count, @Nullable String type) {
        KeyScanArgs args = KeyScanArgs.Builder.matches(pattern).limit(count);
        if (type != null) {
            args.type(type);
        }
        return flux("SCAN", null, c -> ScanStream.scan(c, args));
    }

    /**
     * Runs {@code script} ({@code EVALSHA}, then {@code SCRIPT LOAD} and {@code EVALSHA} again on
     * {@code NOSCRIPT}) and returns its array reply: integers as {@link Long}, strings as {@code byte[]}.
     *
     * @throws QueueDataException (as the error signal) when the script's type check found a wrong key
     */
    public Mono<List<Object>> run(LuaScript script, String[] keys, byte[]... args) {
        return mono("EVALSHA " + script.name(), null, c -> evalsha(c, script, keys, args)
                .onErrorResume(RedisErrors::isNoScript, e -> c.scriptLoad(script.source())
                        .then(evalsha(c, script, keys, args))))
                .flatMap(reply -> {
                    if (!reply.isEmpty() && reply.get(0) instanceof Long code && code == -1L) {
                        int index = ((Long) reply.get(1)).intValue();
                        return Mono.error(new QueueDataException(keys[index - 1], "is a " + text(reply.get(2))
                                + " but the key layout expects a " + script.keyTypes().get(index - 1)
                                + "; nothing was changed", null));
                    }
                    return Mono.just(reply);
                });
    }

    private static Mono<List<Object>> evalsha(RedisClusterReactiveCommands<String, byte[]> c, LuaScript script, String[] keys,
            byte[][] args) {
        return c.<Object>evalsha(script.sha(), ScriptOutputType.MULTI, keys, args).collectList().map(RedisPipeline::flat);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> flat(List<Object> items) {
        if (items.size() == 1 && items.get(0) instanceof List<?> only) {
            return (List<Object>) only;
        }
        return new ArrayList<>(items);
    }

    /** A reply element as text (a bulk string's bytes as UTF-8, a number in decimal). */
    public static String text(@Nullable Object element) {
        if (element instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return String.valueOf(element);
    }

    /** A reply element as a number (an integer reply, or a bulk string holding one). */
    public static long number(@Nullable Object element) {
        if (element instanceof Long n) {
            return n;
        }
        return Long.parseLong(text(element));
    }

    /** The commands of the current connection, opening it when there is none or it closed. */
    private Mono<RedisClusterReactiveCommands<String, byte[]>> commands() {
        return Mono.defer(() -> {
            if (closed.get()) {
                return Mono.error(new RedisConnectionException(null, "the queue admin is closed", null));
            }
            Mono<StatefulConnection<String, byte[]>> current = connection.get();
            if (current == null) {
                Mono<StatefulConnection<String, byte[]>> fresh = open().cache();
                current = connection.compareAndSet(null, fresh) ? fresh : connection.get();
            }
            Mono<StatefulConnection<String, byte[]>> used = current;
            return used.onErrorResume(e -> {
                connection.compareAndSet(used, null);
                return Mono.error(errors.map(null, null, e));
            }).flatMap(conn -> {
                if (conn.isOpen()) {
                    return Mono.just(connector.commands(conn));
                }
                // Closed since (the server went away): forget it and open a new one for this call.
                connection.compareAndSet(used, null);
                conn.closeAsync();
                return commands();
            });
        });
    }

    /** Connecting may resolve names and start event loops, so it runs off the caller's thread. */
    private Mono<StatefulConnection<String, byte[]>> open() {
        return Mono.defer(() -> Mono.<StatefulConnection<String, byte[]>>fromCompletionStage(
                        connector.connect(CODEC).thenApply(c -> c)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Closes the connection and, when owned, shuts the client down; completes when done. The
     * connection's close completes on a Lettuce event loop, and shutting the client down stops
     * executors (and may wait on their queues' locks), so the shutdown starts on {@code boundedElastic()}.
     */
    public Mono<Void> close() {
        if (!closed.compareAndSet(false, true)) {
            return Mono.empty();
        }
        Mono<StatefulConnection<String, byte[]>> current = connection.getAndSet(null);
        Mono<Void> closeConnection = current == null ? Mono.empty()
                : current.onErrorResume(e -> Mono.empty()).flatMap(c -> Mono.fromCompletionStage(c.closeAsync()));
        return closeConnection.then(Mono.defer(() -> Mono.fromCompletionStage(connector.shutdown()))
                .subscribeOn(Schedulers.boundedElastic()));
    }
}
