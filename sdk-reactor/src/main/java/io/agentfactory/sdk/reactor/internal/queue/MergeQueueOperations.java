package io.agentfactory.sdk.reactor.internal.queue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

import io.lettuce.core.KeyValue;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanStream;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.node.ObjectNode;

import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.error.QueueDataException;
import io.agentfactory.sdk.error.QueueItemNotFoundException;
import io.agentfactory.sdk.error.QueueStateConflictException;
import io.agentfactory.sdk.queue.KeyLayout;
import io.agentfactory.sdk.queue.MergeEntry;
import io.agentfactory.sdk.queue.MergeQueueStatus;
import io.agentfactory.sdk.queue.MergeState;

/** The per-repository merge queues on one {@link RedisPipeline}, in either merge layout. Not API. */
public final class MergeQueueOperations {

    private static final int DEFAULT_PRIORITY = 3;
    private static final byte[] PAUSED = "true".getBytes(StandardCharsets.US_ASCII);

    private final RedisPipeline redis;
    private final KeyLayout layout;
    private final QueueScripts.Merge scripts;
    private final boolean sortedOutcomes;
    private final int batch;
    private final LongSupplier clock;
    private final EditHook hook;

    /**
     * @param batch members per page and {@code HMGET}
     * @param clock epoch milliseconds
     */
    public MergeQueueOperations(RedisPipeline redis, KeyLayout layout, int batch, LongSupplier clock, EditHook hook) {
        this.redis = redis;
        this.layout = layout;
        this.scripts = QueueScripts.Merge.of(layout);
        this.sortedOutcomes = layout.mergeOutcomes() == KeyLayout.MergeOutcomes.SORTED_SETS;
        this.batch = batch;
        this.clock = clock;
        this.hook = hook;
    }

    /** See {@code QueueAdmin.mergeRepositories}. */
    public Flux<String> repositories() {
        String queue = layout.mergeQueuePrefix();
        String entries = layout.mergeEntriesPrefix();
        return Flux.concat(redis.scan(WorkQueueOperations.glob(queue) + "*", batch, null).map(k -> k.substring(queue.length())),
                        redis.scan(WorkQueueOperations.glob(entries) + "*", batch, null).map(k -> k.substring(entries.length())))
                .collect(java.util.TreeSet<String>::new, java.util.TreeSet::add)
                .flatMapIterable(repos -> repos);
    }

    /** See {@code QueueAdmin.mergeQueue}. */
    public Flux<MergeEntry> mergeQueue(String repoId) {
        return checked(repoId, 1, 1).thenMany(Flux.concat(ordered(repoId, layout.mergeQueueKey(repoId), MergeState.QUEUED),
                processing(repoId).flux(),
                sortedOutcomes ? ordered(repoId, layout.mergeFailedKey(repoId), MergeState.FAILED)
                        : outcomes(repoId, layout.mergeFailedKey(repoId), MergeState.FAILED),
                sortedOutcomes ? ordered(repoId, layout.mergeBlockedKey(repoId), MergeState.BLOCKED)
                        : outcomes(repoId, layout.mergeBlockedKey(repoId), MergeState.BLOCKED)));
    }

    /** A sorted set's members by score with their entries ({@code HMGET} per page). */
    private Flux<MergeEntry> ordered(String repoId, String key, MergeState state) {
        String entries = layout.mergeEntriesKey(repoId);
        return SortedSetPages.of(redis, key, batch).concatMap(page -> {
            String[] fields = page.stream().map(SortedSetPages.Member::value).toArray(String[]::new);
            return redis.<KeyValue<String, byte[]>>flux("HMGET", entries, c -> c.hmget(entries, fields)).collectList()
                    .publishOn(Schedulers.parallel())
                    .flatMapIterable(values -> {
                        List<MergeEntry> rows = new ArrayList<>(page.size());
                        for (int i = 0; i < page.size(); i++) {
                            SortedSetPages.Member m = page.get(i);
                            rows.add(QueueRows.merge(entries + "[" + m.value() + "]", repoId, QueueRows.prNumber(m.value()),
                                    state, m.score(), values.get(i).hasValue() ? values.get(i).getValue() : null, null));
                        }
                        return rows;
                    });
        }, 1);
    }

    /** A failed or blocked hash ({@code HSCAN}), by PR number. */
    private Flux<MergeEntry> outcomes(String repoId, String key, MergeState state) {
        return redis.<KeyValue<String, byte[]>>flux("HSCAN", key, c -> ScanStream.hscan(c, key, ScanArgs.Builder.limit(batch)))
                .map(kv -> QueueRows.outcome(key + "[" + kv.getKey() + "]", repoId, QueueRows.prNumber(kv.getKey()), state,
                        kv.getValue()))
                .collectSortedList(Comparator.comparingInt(MergeEntry::prNumber))
                .flatMapIterable(rows -> rows);
    }

    private Mono<MergeEntry> processing(String repoId) {
        if (layout.mergeProcessingPrefix() == null) {
            return Mono.empty();
        }
        String key = layout.mergeProcessingPrefix() + repoId;
        return redis.mono("GET", key, c -> c.get(key)).map(raw -> processingEntry(key, repoId, raw));
    }

    private static MergeEntry processingEntry(String key, String repoId, byte[] raw) {
        QueueJson.Row row = QueueJson.read(key, raw);
        Long pr = QueueJson.integer(row.object(), "prNumber");
        return QueueRows.merge(repoId, pr == null ? -1 : pr.intValue(), MergeState.PROCESSING, null, row.object(),
                QueueJson.text(raw), null, row.problem());
    }

    /** See {@code QueueAdmin.mergeStatus}. */
    public Mono<MergeQueueStatus> mergeStatus(String repoId) {
        List<String> keys = new ArrayList<>(List.of(layout.mergeQueueKey(repoId), layout.mergeEntriesKey(repoId),
                layout.mergeFailedKey(repoId), layout.mergeBlockedKey(repoId), layout.mergePausedKey(repoId)));
        if (layout.mergeProcessingPrefix() != null) {
            keys.add(layout.mergeProcessingPrefix() + repoId);
        }
        return checked(repoId, 1, 1).then(redis.run(scripts.status(), keys.toArray(String[]::new),
                        WorkQueueOperations.bytes(sortedOutcomes ? "zset" : "hash")))
                .map(r -> {
                    String member = RedisPipeline.text(r.get(1));
                    MergeEntry next = null;
                    if (!member.isEmpty()) {
                        byte[] entry = (byte[]) r.get(3);
                        next = QueueRows.merge(keys.get(1) + "[" + member + "]", repoId, QueueRows.prNumber(member),
                                MergeState.QUEUED, Double.parseDouble(RedisPipeline.text(r.get(2))),
                                entry.length == 0 ? null : entry, null);
                    }
                    byte[] processing = (byte[]) r.get(7);
                    return new MergeQueueStatus(repoId, RedisPipeline.number(r.get(0)), next,
                            processing.length == 0 ? null : processingEntry(keys.get(5), repoId, processing),
                            RedisPipeline.number(r.get(4)), RedisPipeline.number(r.get(5)), paused((byte[]) r.get(6)));
                });
    }

    /** The pause flag as any writer stores it: {@code true}, {@code 1}, or either as a JSON string. */
    static boolean paused(byte[] flag) {
        String value = new String(flag, StandardCharsets.UTF_8).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return value.equals("true") || value.equals("1");
    }

    /** See {@code QueueAdmin.pauseMergeQueue}. */
    public Mono<Void> pause(String repoId) {
        String key = layout.mergePausedKey(repoId);
        return checked(repoId, 1, 1).then(redis.mono("SET", key, c -> c.set(key, PAUSED))).then();
    }

    /** See {@code QueueAdmin.resumeMergeQueue}. */
    public Mono<Boolean> resume(String repoId) {
        String key = layout.mergePausedKey(repoId);
        return checked(repoId, 1, 1).then(redis.mono("DEL", key, c -> c.del(key))).map(n -> n > 0);
    }

    /** See {@code QueueAdmin.dequeue}. */
    public Mono<MergeState> dequeue(String repoId, int prNumber) {
        String pr = Integer.toString(prNumber);
        return checked(repoId, prNumber, 1).then(hook.beforeWrite("dequeue", pr))
                .then(redis.run(scripts.dequeue(), keys(repoId), WorkQueueOperations.bytes(pr)))
                .flatMap(r -> RedisPipeline.number(r.get(0)) == 0 ? Mono.error(notFound(repoId, prNumber))
                        : Mono.just(state(RedisPipeline.number(r.get(1)))));
    }

    /** See {@code QueueAdmin.forceRetry}. */
    public Mono<MergeEntry> forceRetry(String repoId, int prNumber) {
        return checked(repoId, prNumber, 1).then(retry(repoId, prNumber, 1));
    }

    private Mono<MergeEntry> retry(String repoId, int prNumber, int attempt) {
        String pr = Integer.toString(prNumber);
        String[] keys = keys(repoId);
        byte[] member = WorkQueueOperations.bytes(pr);
        Mono<Boolean> queued = redis.mono("ZSCORE", keys[0], c -> c.zscore(keys[0], member)).map(s -> true)
                .defaultIfEmpty(false);
        Mono<Optional<byte[]>> entry = get("HGET", keys[1], pr);
        Mono<Optional<byte[]>> failed = sortedOutcomes ? score(keys[2], member) : get("HGET", keys[2], pr);
        Mono<Optional<byte[]>> blocked = sortedOutcomes ? score(keys[3], member) : get("HGET", keys[3], pr);
        return Mono.zip(queued, entry, failed, blocked).flatMap(read -> {
            if (read.getT1()) {
                return Mono.error(new QueueStateConflictException("PR #" + prNumber + " in repo \"" + repoId
                        + "\" is queued already", false));
            }
            boolean inFailed = read.getT3().isPresent();
            if (!inFailed && read.getT4().isEmpty()) {
                return Mono.error(notFound(repoId, prNumber));
            }
            long now = clock.getAsLong();
            ObjectNode patched;
            byte[] expected;
            int where = inFailed ? 3 : 4;
            if (sortedOutcomes) {
                if (read.getT2().isEmpty()) {
                    return Mono.error(new QueueDataException(keys[1] + "[" + pr + "]", "missing: the PR has no entry to queue", null));
                }
                expected = read.getT2().get();
                patched = object(keys[1] + "[" + pr + "]", expected).deepCopy();
                patched.put("status", "queued");
                patched.remove(List.of("failureReason", "blockReason"));
                Long enqueuedAt = QueueJson.integer(patched, "enqueuedAt");
                if (enqueuedAt == null || enqueuedAt == 0) {
                    patched.put("enqueuedAt", now);
                }
            }
            else {
                String where_ = keys[where - 1] + "[" + pr + "]";
                expected = (inFailed ? read.getT3() : read.getT4()).get();
                ObjectNode outcome = object(where_, expected);
                if (!(outcome.get("entry") instanceof ObjectNode stored)) {
                    return Mono.error(new QueueDataException(where_, "the record holds no entry to queue", null));
                }
                patched = stored.deepCopy();
                // As the writers' retry: back in line as of now.
                patched.put("enqueuedAt", now);
            }
            double score = Scores.merge(priority(patched), QueueJson.integer(patched, "enqueuedAt"));
            byte[] json = QueueJson.write(patched);
            return hook.beforeWrite("retry", pr)
                    .then(redis.run(scripts.retry(), keys, member, expected, json,
                            WorkQueueOperations.bytes(Scores.argument(score)),
                            WorkQueueOperations.bytes(Integer.toString(where))))
                    .flatMap(r -> switch ((int) RedisPipeline.number(r.get(0))) {
                        case 1 -> Mono.just(QueueRows.merge(keys[1] + "[" + pr + "]", repoId, prNumber, MergeState.QUEUED,
                                score, json, null));
                        case 2 -> Mono.error(new QueueStateConflictException("PR #" + prNumber + " in repo \"" + repoId
                                + "\" is queued already", false));
                        case 3 -> attempt < WorkQueueOperations.ATTEMPTS ? retry(repoId, prNumber, attempt + 1)
                                : Mono.error(conflict(repoId, prNumber));
                        default -> Mono.error(notFound(repoId, prNumber));
                    });
        });
    }

    /** See {@code QueueAdmin.setMergePriority}. */
    public Mono<MergeEntry> setPriority(String repoId, int prNumber, int priority) {
        return checked(repoId, prNumber, priority).then(prioritize(repoId, prNumber, priority, 1));
    }

    private Mono<MergeEntry> prioritize(String repoId, int prNumber, int priority, int attempt) {
        String pr = Integer.toString(prNumber);
        String[] keys = keys(repoId);
        String where = keys[1] + "[" + pr + "]";
        return get("HGET", keys[1], pr).flatMap(entry -> {
            if (entry.isEmpty()) {
                return sortedOutcomes ? Mono.error(notFound(repoId, prNumber))
                        : Mono.zip(get("HGET", keys[2], pr), get("HGET", keys[3], pr)).flatMap(o -> o.getT1().isPresent()
                                || o.getT2().isPresent() ? Mono.error(new QueueStateConflictException("PR #" + prNumber
                                        + " in repo \"" + repoId + "\" is failed or blocked; retry it first", false))
                                : Mono.error(notFound(repoId, prNumber)));
            }
            ObjectNode patched = object(where, entry.get()).deepCopy();
            patched.put("priority", priority);
            Long enqueuedAt = QueueJson.integer(patched, "enqueuedAt");
            double score = Scores.merge(priority, enqueuedAt == null ? 0 : enqueuedAt);
            byte[] json = QueueJson.write(patched);
            return hook.beforeWrite("priority", pr)
                    .then(redis.run(scripts.priority(), keys, WorkQueueOperations.bytes(pr), entry.get(), json,
                            WorkQueueOperations.bytes(Scores.argument(score)),
                            WorkQueueOperations.bytes(sortedOutcomes ? "zset" : "hash")))
                    .flatMap(r -> {
                        if (RedisPipeline.number(r.get(0)) == 3) {
                            return attempt < WorkQueueOperations.ATTEMPTS ? prioritize(repoId, prNumber, priority, attempt + 1)
                                    : Mono.error(conflict(repoId, prNumber));
                        }
                        long in = RedisPipeline.number(r.get(1));
                        return Mono.just(QueueRows.merge(where, repoId, prNumber, in == 0 ? MergeState.QUEUED : state(in),
                                in == 0 ? null : score, json, null));
                    });
        });
    }

    private String[] keys(String repoId) {
        return new String[] {layout.mergeQueueKey(repoId), layout.mergeEntriesKey(repoId), layout.mergeFailedKey(repoId),
                layout.mergeBlockedKey(repoId)};
    }

    private Mono<Optional<byte[]>> get(String command, String key, String field) {
        return redis.mono(command, key, c -> c.hget(key, field)).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    private Mono<Optional<byte[]>> score(String key, byte[] member) {
        return redis.mono("ZSCORE", key, c -> c.zscore(key, member)).map(s -> Optional.of(new byte[0]))
                .defaultIfEmpty(Optional.empty());
    }

    private static ObjectNode object(String where, byte[] raw) {
        QueueJson.Row row = QueueJson.read(where, raw);
        if (row.object() == null) {
            throw new QueueDataException(where, row.problem().detail() + "; nothing was changed", null);
        }
        return row.object();
    }

    private static double priority(ObjectNode entry) {
        Double p = QueueJson.decimal(entry, "priority");
        return p == null ? DEFAULT_PRIORITY : p;
    }

    private static MergeState state(long code) {
        return switch ((int) code) {
            case 1 -> MergeState.QUEUED;
            case 2 -> MergeState.PROCESSING;
            case 3 -> MergeState.FAILED;
            default -> MergeState.BLOCKED;
        };
    }

    private static QueueItemNotFoundException notFound(String repoId, int prNumber) {
        return new QueueItemNotFoundException("merge queue entry not found: PR #" + prNumber + " in repo \"" + repoId + "\"");
    }

    private static QueueStateConflictException conflict(String repoId, int prNumber) {
        return new QueueStateConflictException("PR #" + prNumber + " in repo \"" + repoId + "\" kept changing during "
                + WorkQueueOperations.ATTEMPTS + " attempts; nothing was changed", true);
    }

    /** Checks the arguments before anything is sent. */
    private static Mono<Void> checked(@Nullable String repoId, int prNumber, int priority) {
        return Mono.defer(() -> {
            if (repoId == null || repoId.isBlank() || repoId.chars().anyMatch(Character::isISOControl)) {
                return Mono.error(new InvalidArgumentException("repoId must be a non-blank id without control characters"));
            }
            if (prNumber <= 0) {
                return Mono.error(new InvalidArgumentException("prNumber must be > 0, got " + prNumber));
            }
            if (priority < 1 || priority > 5) {
                return Mono.error(new InvalidArgumentException("priority must be 1 (first) to 5, got " + priority));
            }
            return Mono.empty();
        });
    }

}
