package io.agentfactory.sdk.reactor.queue;

import java.util.Map;
import java.util.function.LongSupplier;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.TimeoutOptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.queue.BulkClearResult;
import io.agentfactory.sdk.queue.DropResult;
import io.agentfactory.sdk.queue.MergeEntry;
import io.agentfactory.sdk.queue.MergeQueueStatus;
import io.agentfactory.sdk.queue.MergeState;
import io.agentfactory.sdk.queue.QueueAdmin;
import io.agentfactory.sdk.queue.QueueSnapshot;
import io.agentfactory.sdk.queue.RequeueResult;
import io.agentfactory.sdk.queue.SessionEntry;
import io.agentfactory.sdk.queue.SessionSelector;
import io.agentfactory.sdk.queue.WorkItem;
import io.agentfactory.sdk.queue.WorkerEntry;
import io.agentfactory.sdk.reactor.internal.queue.EditHook;
import io.agentfactory.sdk.reactor.internal.queue.MergeQueueOperations;
import io.agentfactory.sdk.reactor.internal.queue.RedisConnector;
import io.agentfactory.sdk.reactor.internal.queue.RedisErrors;
import io.agentfactory.sdk.reactor.internal.queue.RedisPipeline;
import io.agentfactory.sdk.reactor.internal.queue.RedisUrl;
import io.agentfactory.sdk.reactor.internal.queue.WorkQueueOperations;

/**
 * The {@link QueueAdmin} on Redis, through Lettuce's reactive API: one connection, opened on the
 * first call (construction connects to nothing) and shared by every call; opened again on the next
 * call after Redis went away. A command in flight when the connection breaks fails with a
 * {@code RedisConnectionException} and is not re-sent. Thread-safe; {@link #close()} it when done.
 *
 * <pre>{@code
 * try (RedisQueueAdmin admin = RedisQueueAdmin.fromEnvironment()) {
 *     admin.snapshot().subscribe(s -> System.out.println(s.items().size() + " queued"));
 * }
 * }</pre>
 */
public final class RedisQueueAdmin implements QueueAdmin {

    private final QueueAdminOptions options;
    private final RedisPipeline redis;
    private final WorkQueueOperations work;
    private final MergeQueueOperations merge;

    private RedisQueueAdmin(QueueAdminOptions options, RedisConnector connector, EditHook hook, LongSupplier clock) {
        this.options = options;
        RedisUrl url = options.redisUrl();
        this.redis = new RedisPipeline(connector, new RedisErrors(url.endpoint(), url.redact()));
        this.work = new WorkQueueOperations(redis, options.layout(), options.batchSize(), clock, hook);
        this.merge = new MergeQueueOperations(redis, options.layout(), options.batchSize(), clock, hook);
    }

    /** An admin with its own Lettuce client (on the given {@code ClientResources}, when set). */
    public static RedisQueueAdmin create(QueueAdminOptions options) {
        return create(options, EditHook.NONE, System::currentTimeMillis);
    }

    /** An admin for {@code url} with the default options. */
    public static RedisQueueAdmin create(String url) {
        return create(QueueAdminOptions.builder(url).build());
    }

    /**
     * An admin for {@code REDIS_URL} of the process environment.
     *
     * @throws io.agentfactory.sdk.error.RedisUrlRequiredException when it is unset
     */
    public static RedisQueueAdmin fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** An admin for {@code REDIS_URL} of {@code environment}. */
    public static RedisQueueAdmin fromEnvironment(Map<String, String> environment) {
        return create(QueueAdminOptions.fromEnvironment(environment).build());
    }

    /**
     * An admin on the caller's {@code client}, connecting to {@code options.url()}. The client's own
     * options (reconnect, timeouts) apply; {@link #close()} closes the admin's connection only, never
     * the client.
     */
    public static RedisQueueAdmin using(RedisClient client, QueueAdminOptions options) {
        return new RedisQueueAdmin(options, RedisConnector.standalone(() -> client, false, options.redisUrl().uri()),
                EditHook.NONE, System::currentTimeMillis);
    }

    /**
     * An admin on the caller's cluster {@code client} (its own seed URIs and options apply); {@link #close()}
     * never shuts the client down.
     */
    public static RedisQueueAdmin using(RedisClusterClient client, QueueAdminOptions options) {
        return new RedisQueueAdmin(options, RedisConnector.cluster(() -> client, false), EditHook.NONE,
                System::currentTimeMillis);
    }

    /** With a hook between reads and writes and a clock: for tests of interleavings. */
    static RedisQueueAdmin create(QueueAdminOptions options, EditHook hook, LongSupplier clock) {
        RedisConnector connector = options.cluster() ? RedisConnector.cluster(() -> ownClusterClient(options), true)
                : RedisConnector.standalone(() -> ownClient(options), true, options.redisUrl().uri());
        return new RedisQueueAdmin(options, connector, hook, clock);
    }

    private static RedisClient ownClient(QueueAdminOptions options) {
        RedisClient client = options.clientResources().map(r -> RedisClient.create(r)).orElseGet(RedisClient::create);
        client.setOptions(ClientOptions.builder()
                // At most once: a command in flight when the connection breaks fails, it is never replayed;
                // the next call opens a new connection.
                .autoReconnect(false)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(options.commandTimeout()))
                .build());
        return client;
    }

    private static RedisClusterClient ownClusterClient(QueueAdminOptions options) {
        RedisURI uri = options.redisUrl().uri();
        RedisClusterClient client = options.clientResources().map(r -> RedisClusterClient.create(r, uri))
                .orElseGet(() -> RedisClusterClient.create(uri));
        // The cluster client opens a connection per node as commands first reach it, and would reject
        // commands sent while one is still being opened; so it reconnects and accepts them. Its edits are
        // compare-and-set scripts, safe if a reconnect replays one.
        client.setOptions(ClusterClientOptions.builder()
                .timeoutOptions(TimeoutOptions.enabled(options.commandTimeout()))
                .build());
        return client;
    }

    /** The options. */
    public QueueAdminOptions options() {
        return options;
    }

    @Override
    public Mono<Void> ping() {
        return redis.mono("PING", null, c -> c.ping()).then();
    }

    @Override
    public Flux<WorkItem> workItems() {
        return work.workItems();
    }

    @Override
    public Mono<WorkItem> peek() {
        return work.peek();
    }

    @Override
    public Flux<SessionEntry> sessions() {
        return work.sessions();
    }

    @Override
    public Flux<WorkerEntry> workers() {
        return work.workers();
    }

    @Override
    public Mono<QueueSnapshot> snapshot() {
        return work.snapshot();
    }

    @Override
    public Mono<DropResult> drop(SessionSelector selector) {
        return work.drop(selector);
    }

    @Override
    public Mono<RequeueResult> requeue(SessionSelector selector) {
        return work.requeue(selector);
    }

    @Override
    public Flux<String> mergeRepositories() {
        return merge.repositories();
    }

    @Override
    public Flux<MergeEntry> mergeQueue(String repoId) {
        return merge.mergeQueue(repoId);
    }

    @Override
    public Mono<MergeQueueStatus> mergeStatus(String repoId) {
        return merge.mergeStatus(repoId);
    }

    @Override
    public Mono<Void> pauseMergeQueue(String repoId) {
        return merge.pause(repoId);
    }

    @Override
    public Mono<Boolean> resumeMergeQueue(String repoId) {
        return merge.resume(repoId);
    }

    @Override
    public Mono<MergeEntry> setMergePriority(String repoId, int prNumber, int priority) {
        return merge.setPriority(repoId, prNumber, priority);
    }

    @Override
    public Mono<MergeState> dequeue(String repoId, int prNumber) {
        return merge.dequeue(repoId, prNumber);
    }

    @Override
    public Mono<MergeEntry> forceRetry(String repoId, int prNumber) {
        return merge.forceRetry(repoId, prNumber);
    }

    @Override
    public Mono<Long> clearClaims() {
        return work.clearClaims();
    }

    @Override
    public Mono<Long> clearWorkQueue() {
        return work.clearWorkQueue();
    }

    @Override
    public Mono<BulkClearResult> clearAll() {
        return work.clearAll();
    }

    @Override
    public Mono<BulkClearResult> resetWorkState() {
        return work.resetWorkState();
    }

    /** Closes the connection and, when this admin made it, the Lettuce client; completes when done. */
    public Mono<Void> closeGracefully() {
        return redis.close();
    }

    /** Starts {@link #closeGracefully()} without waiting for it. */
    @Override
    public void close() {
        redis.close().subscribe(null, e -> { });
    }

    @Override
    public String toString() {
        return "RedisQueueAdmin[" + options + "]";
    }
}
