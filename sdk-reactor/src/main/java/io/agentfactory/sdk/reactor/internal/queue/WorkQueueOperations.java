package io.agentfactory.sdk.reactor.internal.queue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.LongSupplier;

import io.lettuce.core.KeyValue;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanStream;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.node.ObjectNode;

import io.agentfactory.sdk.error.AmbiguousSelectorException;
import io.agentfactory.sdk.error.QueueDataException;
import io.agentfactory.sdk.error.QueueItemNotFoundException;
import io.agentfactory.sdk.error.QueueStateConflictException;
import io.agentfactory.sdk.queue.BulkClearResult;
import io.agentfactory.sdk.queue.DropResult;
import io.agentfactory.sdk.queue.KeyLayout;
import io.agentfactory.sdk.queue.QueueSnapshot;
import io.agentfactory.sdk.queue.RequeueResult;
import io.agentfactory.sdk.queue.SessionEntry;
import io.agentfactory.sdk.queue.SessionSelector;
import io.agentfactory.sdk.queue.ValueProblem;
import io.agentfactory.sdk.queue.WorkItem;
import io.agentfactory.sdk.queue.WorkerEntry;

/** The work queue, sessions, claims and workers on one {@link RedisPipeline}. Not API. */
public final class WorkQueueOperations {

    /** How often a compare-and-set edit is tried before it gives up (as the writers' session CAS). */
    static final int ATTEMPTS = 8;
    /** The most distinct ids a prefix selector collects before it stops looking. */
    private static final int MAX_CANDIDATES = 10_000;
    private static final int DEFAULT_PRIORITY = 3;

    private final RedisPipeline redis;
    private final KeyLayout layout;
    private final int batch;
    private final LongSupplier clock;
    private final EditHook hook;

    /**
     * @param batch keys per {@code SCAN COUNT}, {@code MGET}, {@code HMGET} and page
     * @param clock epoch milliseconds
     */
    public WorkQueueOperations(RedisPipeline redis, KeyLayout layout, int batch, LongSupplier clock, EditHook hook) {
        this.redis = redis;
        this.layout = layout;
        this.batch = batch;
        this.clock = clock;
        this.hook = hook;
    }

    // ---- reads

    /** See {@code QueueAdmin.workItems}. */
    public Flux<WorkItem> workItems() {
        return queued(batch).concatWith(unqueued());
    }

    /** See {@code QueueAdmin.peek}. */
    public Mono<WorkItem> peek() {
        return queued(1).next();
    }

    private Flux<WorkItem> queued(int pageSize) {
        String items = layout.workItems();
        return SortedSetPages.of(redis, layout.workQueue(), pageSize).concatMap(page -> {
            String[] ids = page.stream().map(SortedSetPages.Member::value).toArray(String[]::new);
            return redis.<KeyValue<String, byte[]>>flux("HMGET", items, c -> c.hmget(items, ids)).collectList()
                    .publishOn(Schedulers.parallel())
                    .flatMapIterable(values -> {
                        List<WorkItem> rows = new ArrayList<>(page.size());
                        for (int i = 0; i < page.size(); i++) {
                            SortedSetPages.Member m = page.get(i);
                            rows.add(QueueRows.workItem(items, m.value(), m.score(), valueOrNull(values.get(i)), null));
                        }
                        return rows;
                    });
        }, 1);
    }

    /** Hash entries no queue member orders, by id ({@code HSCAN} + {@code ZMSCORE} per batch). */
    private Flux<WorkItem> unqueued() {
        String items = layout.workItems();
        String queue = layout.workQueue();
        return redis.<KeyValue<String, byte[]>>flux("HSCAN", items,
                        c -> ScanStream.hscan(c, items, ScanArgs.Builder.limit(batch)))
                .buffer(batch)
                .concatMap(entries -> {
                    byte[][] members = entries.stream().map(e -> e.getKey().getBytes(StandardCharsets.UTF_8))
                            .toArray(byte[][]::new);
                    return redis.mono("ZMSCORE", queue, c -> c.zmscore(queue, members)).publishOn(Schedulers.parallel())
                            .flatMapIterable(scores -> {
                        List<WorkItem> rows = new ArrayList<>();
                        for (int i = 0; i < entries.size(); i++) {
                            if (scores.get(i) == null) {
                                String id = entries.get(i).getKey();
                                rows.add(QueueRows.workItem(items, id, null, valueOrNull(entries.get(i)),
                                        new ValueProblem(items + "[" + id + "]", ValueProblem.Kind.NOT_QUEUED,
                                                "in " + items + " but not in " + queue)));
                            }
                        }
                        return rows;
                    });
                }, 1)
                .collectSortedList(Comparator.comparing(WorkItem::sessionId))
                .flatMapIterable(rows -> rows);
    }

    /** See {@code QueueAdmin.sessions}. */
    public Flux<SessionEntry> sessions() {
        String prefix = layout.sessionPrefix();
        return redis.scan(prefix + "*", batch, null).buffer(batch).concatMap(keys -> mget(keys).flatMapMany(values -> {
            List<SessionEntry> rows = new ArrayList<>(keys.size());
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                byte[] raw = valueOrNull(values.get(i));
                if (raw == null) {
                    missing.add(keys.get(i));
                }
                else {
                    rows.add(QueueRows.session(keys.get(i), keys.get(i).substring(prefix.length()), raw));
                }
            }
            return Flux.fromIterable(rows).concatWith(wrongTypes(missing));
        }), 1);
    }

    /** Keys {@code MGET} found no string for: vanished meanwhile (not listed) or another type (listed with a problem). */
    private Flux<SessionEntry> wrongTypes(List<String> keys) {
        String prefix = layout.sessionPrefix();
        return Flux.fromIterable(keys).concatMap(key -> redis.mono("TYPE", key, c -> c.type(key))
                .filter(type -> !type.equals("none"))
                .map(type -> QueueRows.wrongTypeSession(key, key.substring(prefix.length()), type)));
    }

    /** See {@code QueueAdmin.workers}. */
    public Flux<WorkerEntry> workers() {
        String prefix = layout.workerPrefix();
        return redis.scan(prefix + "*", batch, "string").buffer(batch).concatMap(keys -> mget(keys).flatMapIterable(values -> {
            List<WorkerEntry> rows = new ArrayList<>(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                byte[] raw = valueOrNull(values.get(i));
                if (raw != null) {
                    rows.add(QueueRows.worker(keys.get(i), keys.get(i).substring(prefix.length()), raw));
                }
            }
            return rows;
        }), 1);
    }

    /** See {@code QueueAdmin.snapshot}. */
    public Mono<QueueSnapshot> snapshot() {
        return Mono.zip(workItems().collectList(),
                        sessions().collectSortedList(Comparator.comparing(SessionEntry::sessionId)),
                        workers().collectSortedList(Comparator.comparing(WorkerEntry::workerId)))
                .map(all -> new QueueSnapshot(all.getT1(), all.getT2(), all.getT3()));
    }

    private Mono<List<KeyValue<String, byte[]>>> mget(List<String> keys) {
        String[] array = keys.toArray(String[]::new);
        // Rows are decoded on the parallel scheduler, not on the connection's event loop.
        return redis.<KeyValue<String, byte[]>>flux("MGET", null, c -> c.mget(array)).collectList()
                .publishOn(Schedulers.parallel());
    }

    private static byte @Nullable [] valueOrNull(KeyValue<String, byte[]> kv) {
        return kv.hasValue() ? kv.getValue() : null;
    }

    // ---- selection

    /**
     * The id {@code selector} names: itself when a session (or, unless {@code sessionsOnly}, a work
     * item, queue member or claim) has it, else the one id starting with it.
     */
    Mono<String> resolve(SessionSelector selector, boolean sessionsOnly) {
        String id = selector.value();
        Mono<Boolean> exact = sessionsOnly ? exists(layout.sessionKey(id))
                : Mono.zip(exists(layout.sessionKey(id)), exists(layout.claimKey(id)),
                        redis.mono("HEXISTS", layout.workItems(), c -> c.hexists(layout.workItems(), id)),
                        redis.mono("ZSCORE", layout.workQueue(), c -> c.zscore(layout.workQueue(), bytes(id)))
                                .map(s -> true).defaultIfEmpty(false))
                        .map(t -> t.getT1() || t.getT2() || t.getT3() || t.getT4());
        return exact.flatMap(found -> found ? Mono.just(id) : byPrefix(id, sessionsOnly));
    }

    private Mono<String> byPrefix(String prefix, boolean sessionsOnly) {
        String glob = glob(prefix) + "*";
        Flux<String> ids = redis.scan(layout.sessionPrefix() + glob, batch, null)
                .map(key -> key.substring(layout.sessionPrefix().length()));
        if (!sessionsOnly) {
            String items = layout.workItems();
            String queue = layout.workQueue();
            ids = Flux.concat(ids,
                    redis.scan(layout.claimPrefix() + glob, batch, null).map(k -> k.substring(layout.claimPrefix().length())),
                    redis.<KeyValue<String, byte[]>>flux("HSCAN", items,
                            c -> ScanStream.hscan(c, items, ScanArgs.Builder.matches(glob).limit(batch))).map(KeyValue::getKey),
                    redis.<io.lettuce.core.ScoredValue<byte[]>>flux("ZSCAN", queue,
                                    c -> ScanStream.zscan(c, queue, ScanArgs.Builder.matches(glob).limit(batch)))
                            .map(v -> new String(v.getValue(), StandardCharsets.UTF_8)));
        }
        return ids.filter(id -> id.startsWith(prefix)).distinct().take(MAX_CANDIDATES).collect(TreeSet<String>::new, TreeSet::add)
                .flatMap(candidates -> {
                    if (candidates.isEmpty()) {
                        return Mono.error(new QueueItemNotFoundException("no " + (sessionsOnly ? "session" : "session, work item or claim")
                                + " id is or starts with \"" + prefix + "\""));
                    }
                    if (candidates.size() > 1) {
                        return Mono.error(new AmbiguousSelectorException(prefix, new ArrayList<>(candidates), candidates.size()));
                    }
                    return Mono.just(candidates.first());
                });
    }

    /** {@code text} with the glob characters {@code * ? [ ] \} escaped. */
    static String glob(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (char ch : text.toCharArray()) {
            if (ch == '*' || ch == '?' || ch == '[' || ch == ']' || ch == '\\') {
                out.append('\\');
            }
            out.append(ch);
        }
        return out.toString();
    }

    private Mono<Boolean> exists(String key) {
        return redis.mono("EXISTS", key, c -> c.exists(key)).map(n -> n > 0);
    }

    // ---- edits

    /** See {@code QueueAdmin.drop}. */
    public Mono<DropResult> drop(SessionSelector selector) {
        return resolve(selector, false).flatMap(id -> {
            List<String> keys = new ArrayList<>(List.of(layout.sessionKey(id), layout.workItems(), layout.workQueue(),
                    layout.claimKey(id)));
            if (layout.workStatePrefix() != null) {
                keys.add(layout.workStatePrefix() + "{" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8)
                        .replace("+", "%20") + "}");
            }
            return hook.beforeWrite("drop", id)
                    .then(redis.run(QueueScripts.DROP, keys.toArray(String[]::new), bytes(id)))
                    .flatMap(r -> {
                        DropResult result = new DropResult(id, one(r, 0), one(r, 1), one(r, 2), one(r, 3), one(r, 4));
                        return result.removed() == 0
                                ? Mono.error(new QueueItemNotFoundException("session \"" + id + "\" is gone (dropped meanwhile)"))
                                : Mono.just(result);
                    });
        });
    }

    /** See {@code QueueAdmin.requeue}. */
    public Mono<RequeueResult> requeue(SessionSelector selector) {
        return resolve(selector, true).flatMap(id -> transition(id, false, 1));
    }

    /**
     * Puts session {@code id} back in the queue: {@code claimed}/{@code running} → {@code pending}
     * (patched), or, with {@code pendingOnly}, a {@code pending} one queued again when it is not.
     */
    Mono<RequeueResult> transition(String id, boolean pendingOnly, int attempt) {
        String key = layout.sessionKey(id);
        String items = layout.workItems();
        Mono<Optional<byte[]>> session = redis.mono("GET", key, c -> c.get(key)).map(Optional::of).defaultIfEmpty(Optional.empty());
        Mono<Optional<byte[]>> item = redis.mono("HGET", items, c -> c.hget(items, id)).map(Optional::of)
                .defaultIfEmpty(Optional.empty());
        return Mono.zip(session, item).flatMap(read -> {
            if (read.getT1().isEmpty()) {
                return Mono.error(new QueueItemNotFoundException("session \"" + id + "\" does not exist"));
            }
            byte[] raw = read.getT1().get();
            QueueJson.Row row = QueueJson.read(key, raw);
            if (row.object() == null) {
                return Mono.error(new QueueDataException(key, row.problem().detail() + "; nothing was changed", null));
            }
            ObjectNode object = row.object();
            String status = String.valueOf(QueueJson.string(object, "status"));
            boolean movable = pendingOnly ? status.equals("pending") : status.equals("claimed") || status.equals("running");
            if (!movable) {
                return Mono.error(new QueueStateConflictException("session \"" + id + "\" is " + status
                        + "; only claimed or running sessions are requeued", false));
            }
            long now = clock.getAsLong();
            byte[] updated = raw;
            if (!pendingOnly) {
                ObjectNode patched = object.deepCopy();
                patched.put("status", "pending");
                patched.remove(List.of("workerId", "claimedAt", "providerSessionId"));
                patched.put("updatedAt", QueueJson.nowInRowUnit(object, now));
                updated = QueueJson.write(patched);
            }
            byte[] itemRaw = read.getT2().orElse(null);
            ObjectNode itemObject = itemRaw == null ? newItem(id, object, now) : QueueJson.read(items, itemRaw).object();
            Double priority = QueueJson.decimal(itemObject, "priority");
            Long queuedAt = QueueJson.integer(itemObject, "queuedAt");
            double score = Scores.work(priority == null ? DEFAULT_PRIORITY : priority, queuedAt == null ? now : queuedAt);
            String[] keys = {key, items, layout.workQueue(), layout.claimKey(id)};
            long ttl = pendingOnly ? 0 : layout.sessionTtl().toSeconds();
            return hook.beforeWrite(pendingOnly ? "enqueue" : "requeue", id)
                    .then(redis.run(QueueScripts.REQUEUE, keys, bytes(id), raw, updated, bytes(Long.toString(ttl)),
                            bytes(itemRaw == null ? "0" : "1"), itemRaw == null ? new byte[0] : itemRaw,
                            itemRaw == null ? QueueJson.write(itemObject) : new byte[0], bytes(Scores.argument(score))))
                    .flatMap(r -> {
                        if (RedisPipeline.number(r.get(0)) == 0) {
                            return attempt < ATTEMPTS ? transition(id, pendingOnly, attempt + 1)
                                    : Mono.error(new QueueStateConflictException("session \"" + id
                                            + "\" kept changing during " + ATTEMPTS + " attempts; nothing was changed", true));
                        }
                        return Mono.just(new RequeueResult(id, status, one(r, 1), one(r, 2),
                                Double.parseDouble(RedisPipeline.text(r.get(3)))));
                    });
        });
    }

    /** A work item for a session that has none, in the writers' shape. */
    private static ObjectNode newItem(String id, ObjectNode session, long nowMillis) {
        ObjectNode item = QueueJson.object();
        item.put("sessionId", id);
        for (String field : List.of("issueId", "issueIdentifier")) {
            if (session.hasNonNull(field)) {
                item.set(field, session.get(field));
            }
        }
        item.set("priority", session.get("priority") != null && session.get("priority").isNumber() ? session.get("priority")
                : item.numberNode(DEFAULT_PRIORITY));
        item.put("queuedAt", nowMillis);
        for (String field : List.of("workType", "projectName")) {
            if (session.hasNonNull(field)) {
                item.set(field, session.get(field));
            }
        }
        return item;
    }

    /** See {@code QueueAdmin.clearClaims}. */
    public Mono<Long> clearClaims() {
        return unlinkAll(layout.claimPrefix());
    }

    /** See {@code QueueAdmin.clearWorkQueue}. */
    public Mono<Long> clearWorkQueue() {
        return redis.run(QueueScripts.CLEAR_WORK_QUEUE, new String[] {layout.workQueue(), layout.workItems()})
                .map(r -> RedisPipeline.number(r.get(0)));
    }

    /** See {@code QueueAdmin.clearAll}. */
    public Mono<BulkClearResult> clearAll() {
        return clearWorkQueue().flatMap(items -> unlinkAll(layout.sessionPrefix()).flatMap(sessions -> clearClaims()
                .flatMap(claims -> unlinkAll(layout.workerPrefix())
                        .map(workers -> new BulkClearResult(items, sessions, claims, workers, 0)))));
    }

    /** See {@code QueueAdmin.resetWorkState}. */
    public Mono<BulkClearResult> resetWorkState() {
        return sessions().filter(s -> s.problem() == null && s.status() != null)
                .filter(s -> s.status().equals("claimed") || s.status().equals("running") || s.status().equals("pending"))
                .concatMap(s -> transition(s.sessionId(), s.status().equals("pending"), 1)
                        // A session that finished or vanished since it was listed is no longer ours to reset.
                        .onErrorResume(e -> e instanceof QueueItemNotFoundException
                                || e instanceof QueueStateConflictException c && !c.isRetryable(), e -> Mono.empty())
                        .map(r -> new long[] {s.status().equals("pending") ? 0 : 1, r.claimDeleted() ? 1 : 0}))
                .reduce(new long[2], (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]})
                .flatMap(counts -> clearClaims().map(rest -> new BulkClearResult(0, 0, counts[1] + rest, 0, counts[0])));
    }

    /** {@code SCAN MATCH prefix*} and {@code UNLINK} per batch; the number of keys removed. */
    private Mono<Long> unlinkAll(String prefix) {
        return redis.scan(glob(prefix) + "*", batch, null).buffer(batch)
                .concatMap(keys -> redis.mono("UNLINK", null, c -> c.unlink(keys.toArray(String[]::new))), 1)
                .reduce(0L, Long::sum);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean one(List<Object> reply, int index) {
        return RedisPipeline.number(reply.get(index)) > 0;
    }
}
