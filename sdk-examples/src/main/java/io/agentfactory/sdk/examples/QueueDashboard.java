package io.agentfactory.sdk.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.queue.KeyLayout;
import io.agentfactory.sdk.queue.MergeEntry;
import io.agentfactory.sdk.queue.MergeQueueStatus;
import io.agentfactory.sdk.queue.QueueAdmin;
import io.agentfactory.sdk.queue.QueueSnapshot;
import io.agentfactory.sdk.queue.SessionEntry;
import io.agentfactory.sdk.queue.WorkItem;
import io.agentfactory.sdk.queue.WorkerEntry;
import io.agentfactory.sdk.reactor.queue.QueueAdminOptions;
import io.agentfactory.sdk.reactor.queue.RedisQueueAdmin;

/**
 * Example 10 — a queue dashboard over the Redis the workers share: work-queue depth and oldest
 * item, sessions claimed vs running, workers, and every repository's merge queue, as tables. With
 * {@code REDIS_URL} set it reads that Redis (and changes nothing); otherwise it starts a local
 * {@code redis-server} (when installed), seeds it as the TypeScript writers would, and reads that.
 *
 * <pre>{@code
 * ./mvnw -q -B -Pdemo -DskipTests verify -Ddemo.mainClass=io.agentfactory.sdk.examples.QueueDashboard
 * }</pre>
 */
public final class QueueDashboard {

    /**
     * The queue and every merge queue, read at {@code atMillis}.
     *
     * @param queue items, sessions and workers
     * @param merges one status per repository with merge-queue keys, by repository
     * @param atMillis when it was read (epoch milliseconds)
     */
    public record Snapshot(QueueSnapshot queue, List<MergeQueueStatus> merges, long atMillis) {
    }

    private final QueueAdmin admin;

    /** A dashboard over {@code admin}. */
    public QueueDashboard(QueueAdmin admin) {
        this.admin = admin;
    }

    /** The snapshot and the repositories' statuses, read concurrently on the admin's one connection. */
    public Mono<Snapshot> snapshot() {
        return Mono.zip(admin.snapshot(), admin.mergeRepositories().concatMap(admin::mergeStatus).collectList())
                .map(t -> new Snapshot(t.getT1(), t.getT2(), System.currentTimeMillis()));
    }

    /** The snapshot as lines: a headline for the work queue and sessions, a workers table, a merge-queue table. */
    public static List<String> render(Snapshot snapshot) {
        QueueSnapshot q = snapshot.queue();
        List<String> lines = new ArrayList<>();
        List<WorkItem> queued = q.items().stream().filter(i -> i.score() != null).toList();
        Optional<WorkItem> oldest = queued.stream().filter(i -> i.queuedAt() != null)
                .min(Comparator.comparingLong(WorkItem::queuedAt));
        lines.add("Work queue: " + queued.size() + " queued"
                + oldest.map(i -> " · oldest " + name(i) + " waiting "
                        + TextTable.seconds(Math.max(0, (snapshot.atMillis() - millis(i.queuedAt())) / 1000))).orElse("")
                + (queued.isEmpty() ? "" : " · next " + name(queued.get(0)))
                + (q.problems().isEmpty() ? "" : " · " + q.problems().size() + " unreadable rows"));
        Map<String, Long> byStatus = q.sessions().stream().collect(Collectors.groupingBy(
                s -> Objects.requireNonNullElse(s.status(), "unreadable"), TreeMap::new, Collectors.counting()));
        lines.add("Sessions: " + byStatus.getOrDefault("claimed", 0L) + " claimed · " + byStatus.getOrDefault("running", 0L)
                + " running · " + byStatus.entrySet().stream().filter(e -> !e.getKey().equals("claimed")
                        && !e.getKey().equals("running")).map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(" · ")));
        lines.add("");
        TextTable workers = TextTable.of("WORKER", "HOST", "STATUS", "SESSIONS", "HEARTBEAT");
        for (WorkerEntry w : q.workers()) {
            workers.row(w.workerId(), orDash(w.hostname()), orDash(w.status()),
                    (w.activeCount() == null ? "?" : w.activeCount()) + "/" + (w.capacity() == null ? "?" : w.capacity()),
                    w.lastHeartbeat() == null ? "-"
                            : TextTable.seconds(Math.max(0, (snapshot.atMillis() - w.lastHeartbeat()) / 1000)) + " ago");
        }
        lines.addAll(workers.lines(2));
        lines.add("");
        TextTable merges = TextTable.of("REPOSITORY", "DEPTH", "NEXT", "PROCESSING", "FAILED", "BLOCKED", "PAUSED");
        for (MergeQueueStatus m : snapshot.merges()) {
            merges.row(m.repoId(), m.depth(), pr(m.next()), pr(m.processing()), m.failedCount(), m.blockedCount(),
                    m.paused() ? "yes" : "no");
        }
        lines.addAll(merges.lines(2));
        return lines;
    }

    private static String name(WorkItem item) {
        return item.issueIdentifier() != null ? item.issueIdentifier() : item.sessionId();
    }

    private static long millis(long stamp) {
        return stamp < 100_000_000_000L ? stamp * 1000 : stamp;
    }

    private static String pr(MergeEntry entry) {
        return entry == null ? "-" : "#" + entry.prNumber() + (entry.sourceBranch() == null ? "" : " " + entry.sourceBranch());
    }

    private static String orDash(String text) {
        return text == null ? "-" : text;
    }

    /**
     * Prints the dashboard of {@code REDIS_URL} from {@code environment}, or of a local Redis started
     * with {@code redisServer} and seeded like the writers; prints a skip line when neither exists.
     *
     * @return whether it ran and its checks passed (a skip passes)
     */
    static boolean run(Map<String, String> environment, Optional<Path> redisServer, Consumer<String> out) {
        String url = environment.get("REDIS_URL");
        if (url != null && !url.isBlank()) {
            return show(url, out, false);
        }
        if (redisServer.isEmpty()) {
            out.accept("skipped: redis-server not installed (install it, or set REDIS_URL)");
            return true;
        }
        try (LocalRedis redis = LocalRedis.start(redisServer.get())) {
            seedLikeTheWriters(redis.url(), System.currentTimeMillis());
            return show(redis.url(), out, true);
        }
    }

    private static boolean show(String url, Consumer<String> out, boolean seeded) {
        try (RedisQueueAdmin admin = RedisQueueAdmin.create(QueueAdminOptions.builder(url).layout(KeyLayout.TS_SERVER).build())) {
            out.accept("Queue admin on " + admin.options().url() + " (layout " + admin.options().layout().name() + ")");
            Snapshot snapshot = new QueueDashboard(admin).snapshot().block();
            render(snapshot).forEach(out);
            admin.closeGracefully().block();
            // The seeded world: 3 queued, 1 claimed, 2 running, 2 workers, 2 repositories.
            return !seeded || snapshot.queue().items().size() == 3 && snapshot.queue().workers().size() == 2
                    && snapshot.merges().size() == 2 && snapshot.queue().sessions().stream().map(SessionEntry::status)
                    .filter(s -> s.equals("running")).count() == 2;
        }
        catch (RuntimeException e) {
            out.accept("FAILED: " + Example.describe(e));
            return false;
        }
    }

    /** A small world written as the TypeScript server writes it (work-queue, session, worker and merge-queue storage). */
    static void seedLikeTheWriters(String url, long now) {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            String[][] queued = {{"sess-101", "REN-101", "2", "720000"}, {"sess-102", "REN-102", "1", "60000"},
                    {"sess-103", "REN-103", "3", "300000"}};
            for (String[] q : queued) {
                long at = now - Long.parseLong(q[3]);
                redis.hset("work:items", q[0], "{\"sessionId\":\"" + q[0] + "\",\"issueIdentifier\":\"" + q[1]
                        + "\",\"priority\":" + q[2] + ",\"queuedAt\":" + at + ",\"workType\":\"development\"}");
                redis.zadd("work:queue", Integer.parseInt(q[2]) * 1e13 + at, q[0]);
                redis.set("agent:session:" + q[0], "{\"issueIdentifier\":\"" + q[1]
                        + "\",\"status\":\"pending\",\"createdAt\":" + at + ",\"updatedAt\":" + at + "}", SetArgs.Builder.ex(86_400));
            }
            String[][] working = {{"sess-090", "REN-90", "claimed", "wkr_5f1c0a9d2b7e4c31"},
                    {"sess-091", "REN-91", "running", "wkr_5f1c0a9d2b7e4c31"}, {"sess-092", "REN-92", "running", "wkr_9ab2d4e6f8103c57"}};
            for (String[] w : working) {
                redis.set("work:claim:" + w[0], w[3], SetArgs.Builder.nx().ex(3600));
                redis.set("agent:session:" + w[0], "{\"issueIdentifier\":\"" + w[1] + "\",\"status\":\"" + w[2]
                        + "\",\"workerId\":\"" + w[3] + "\",\"updatedAt\":" + now + "}", SetArgs.Builder.ex(86_400));
            }
            redis.set("work:worker:wkr_5f1c0a9d2b7e4c31", "{\"id\":\"wkr_5f1c0a9d2b7e4c31\",\"hostname\":\"mac-studio\","
                    + "\"capacity\":4,\"activeCount\":2,\"lastHeartbeat\":" + (now - 12_000) + ",\"status\":\"active\"}", SetArgs.Builder.ex(120));
            redis.sadd("work:worker:wkr_5f1c0a9d2b7e4c31:sessions", "sess-090", "sess-091");
            redis.set("work:worker:wkr_9ab2d4e6f8103c57", "{\"id\":\"wkr_9ab2d4e6f8103c57\",\"hostname\":\"linux-01\","
                    + "\"capacity\":2,\"activeCount\":1,\"lastHeartbeat\":" + (now - 41_000) + ",\"status\":\"draining\"}", SetArgs.Builder.ex(120));
            redis.sadd("work:worker:wkr_9ab2d4e6f8103c57:sessions", "sess-092");
            for (int pr : new int[] {41, 44}) {
                String entry = "{\"repoId\":\"acme/api\",\"prNumber\":" + pr + ",\"prUrl\":\"https://github.com/acme/api/pull/" + pr
                        + "\",\"issueIdentifier\":\"REN-" + pr + "\",\"priority\":3,\"enqueuedAt\":" + (now - pr * 1000L)
                        + ",\"sourceBranch\":\"ren-" + pr + "\",\"targetBranch\":\"main\"}";
                redis.hset("merge:items:acme/api", Integer.toString(pr), entry);
                redis.zadd("merge:queue:acme/api", 3e13 + now - pr * 1000L, Integer.toString(pr));
            }
            redis.set("merge:processing:acme/api", "{\"repoId\":\"acme/api\",\"prNumber\":40,\"sourceBranch\":\"ren-40\"}", SetArgs.Builder.ex(1800));
            redis.hset("merge:failed:acme/web", "7", "{\"entry\":{\"repoId\":\"acme/web\",\"prNumber\":7,\"sourceBranch\":\"ren-7\"},"
                    + "\"reason\":\"merge conflict\"}");
            redis.set("merge:paused:acme/web", "\"true\"");
            redis.zadd("merge:queue:acme/web", 1e13 + now, "9");
            redis.hset("merge:items:acme/web", "9", "{\"repoId\":\"acme/web\",\"prNumber\":9,\"priority\":1,\"enqueuedAt\":" + now
                    + ",\"sourceBranch\":\"ren-9\"}");
        }
        finally {
            client.shutdown();
        }
    }

    /** Runs the example alone: {@code REDIS_URL}, or a local redis-server, or a skip line. */
    public static void main(String[] args) {
        System.exit(run(System.getenv(), LocalRedis.installed(), System.out::println) ? 0 : 1);
    }
}
