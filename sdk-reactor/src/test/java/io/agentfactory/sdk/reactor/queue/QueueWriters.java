package io.agentfactory.sdk.reactor.queue;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * Seeds Redis the way the real writers do (the TypeScript server's work-queue, session, worker and
 * merge-queue storage, queue.md §3–§4), never in the admin's own assumed shapes.
 */
final class QueueWriters {

    private final RedisCommands<String, String> redis;

    QueueWriters(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    /** work-queue.ts queueWork: HSET work:items + ZADD work:queue at clamp(priority,1,9)·1e13 + queuedAt. */
    void queueWork(String sessionId, int priority, long queuedAt, String extraFields) {
        String json = "{\"sessionId\":\"" + sessionId + "\",\"issueId\":\"iss-" + sessionId + "\",\"issueIdentifier\":\"REN-"
                + Math.abs(sessionId.hashCode() % 1000) + "\",\"priority\":" + priority + ",\"queuedAt\":" + queuedAt
                + extraFields + "}";
        redis.hset("work:items", sessionId, json);
        redis.zadd("work:queue", Math.max(1, Math.min(9, priority)) * 1e13 + queuedAt, sessionId);
    }

    /** work-queue.ts claimWork: SET work:claim:{id} worker NX EX 3600, then the item leaves the queue. */
    void claim(String sessionId, String workerId) {
        redis.set("work:claim:" + sessionId, workerId, SetArgs.Builder.nx().ex(3600));
        redis.zrem("work:queue", sessionId);
        redis.hdel("work:items", sessionId);
    }

    /** session-storage.ts: SETEX agent:session:{id} 86400 json. */
    void session(String sessionId, String json) {
        redis.set("agent:session:" + sessionId, json, SetArgs.Builder.ex(86_400));
    }

    /** worker-storage.ts: SETEX work:worker:{id} 120 json, SADD work:worker:{id}:sessions. */
    void worker(String workerId, String status, long lastHeartbeat, String... sessions) {
        redis.set("work:worker:" + workerId, "{\"id\":\"" + workerId + "\",\"hostname\":\"host-" + workerId
                + "\",\"capacity\":4,\"activeCount\":" + sessions.length + ",\"registeredAt\":1747200000000,\"lastHeartbeat\":"
                + lastHeartbeat + ",\"status\":\"" + status + "\",\"version\":\"0.8.1\",\"projects\":[\"smoke\"]}", SetArgs.Builder.ex(120));
        if (sessions.length > 0) {
            redis.sadd("work:worker:" + workerId + ":sessions", sessions);
        }
    }

    /** merge-queue-storage.ts enqueue: HSET merge:items:{repo} + ZADD merge:queue:{repo} at clamp(p,1,5)·1e13 + enqueuedAt. */
    String mergeEnqueue(String repo, int pr, int priority, long enqueuedAt) {
        String json = mergeEntry(repo, pr, priority, enqueuedAt);
        redis.hset("merge:items:" + repo, Integer.toString(pr), json);
        redis.zadd("merge:queue:" + repo, Math.max(1, Math.min(5, priority)) * 1e13 + enqueuedAt, Integer.toString(pr));
        return json;
    }

    /** MergeQueueEntry JSON as JSON.stringify writes it. */
    static String mergeEntry(String repo, int pr, int priority, long enqueuedAt) {
        return "{\"repoId\":\"" + repo + "\",\"prNumber\":" + pr + ",\"prUrl\":\"https://github.com/" + repo + "/pull/" + pr
                + "\",\"issueIdentifier\":\"REN-" + pr + "\",\"priority\":" + priority + ",\"enqueuedAt\":" + enqueuedAt
                + ",\"sourceBranch\":\"feature/" + pr + "\",\"targetBranch\":\"main\"}";
    }

    /** dequeue: ZPOPMIN, HDEL merge:items, SET merge:processing:{repo} json EX 1800. */
    void mergeProcessing(String repo, int pr) {
        redis.zrem("merge:queue:" + repo, Integer.toString(pr));
        String entry = redis.hget("merge:items:" + repo, Integer.toString(pr));
        redis.hdel("merge:items:" + repo, Integer.toString(pr));
        redis.set("merge:processing:" + repo, entry, SetArgs.Builder.ex(1800));
    }

    /** markFailed / markBlocked: HSET merge:{failed|blocked}:{repo} pr {"entry":…,"reason":…}, processing removed. */
    void mergeOutcome(String set, String repo, int pr, String reason) {
        String entry = redis.get("merge:processing:" + repo);
        redis.del("merge:processing:" + repo);
        redis.hset("merge:" + set + ":" + repo, Integer.toString(pr), "{\"entry\":" + entry + ",\"reason\":\"" + reason + "\"}");
    }

    /** The TS CLI runner's pause: redisSet JSON-encodes the value, so the flag is the 6 bytes "true" with quotes. */
    void mergePause(String repo) {
        redis.set("merge:paused:" + repo, "\"true\"");
    }

    /** The reference admin's own merge layout (as its Go tests seed it): merge:entry hash + a sorted set scored by PR. */
    void referenceMergeEntry(String set, String repo, int pr, String json) {
        redis.hset("merge:entry:" + repo, Integer.toString(pr), json);
        redis.zadd("merge:" + set + ":" + repo, pr, Integer.toString(pr));
    }
}
