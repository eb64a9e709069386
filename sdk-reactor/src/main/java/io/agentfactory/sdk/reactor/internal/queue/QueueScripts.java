package io.agentfactory.sdk.reactor.internal.queue;

import java.util.List;

import io.agentfactory.sdk.queue.KeyLayout;

/**
 * The queue admin's Lua scripts. Each edits its keys in one atomic step after checking their types;
 * edits a worker may race carry the bytes read before and apply only if they are still there
 * (reply {@code {0}} or {@code {3}} otherwise, and the caller reads again). Not API.
 */
public final class QueueScripts {

    /** KEYS: session, work items, work queue, claim[, work state]; ARGV: id. Reply: {session, item, member, claim, state}. */
    public static final LuaScript DROP = LuaScript.of("drop", List.of("string", "hash", "zset", "string", "string"), """
            local s = redis.call('DEL', KEYS[1])
            local i = redis.call('HDEL', KEYS[2], ARGV[1])
            local q = redis.call('ZREM', KEYS[3], ARGV[1])
            local c = redis.call('DEL', KEYS[4])
            local w = 0
            if KEYS[5] then w = redis.call('DEL', KEYS[5]) end
            return {s, i, q, c, w}
            """);

    /**
     * KEYS: session, work items, work queue, claim. ARGV: id, expected session bytes, new session bytes,
     * ttl seconds (0: leave the session as is), '1' when an item was read, the item bytes read, the item
     * to add when there is none, its score. Reply: {0} when the session or item changed, else
     * {1, claim deleted, enqueued, score}.
     */
    public static final LuaScript REQUEUE = LuaScript.of("requeue", List.of("string", "hash", "zset", "string"), """
            if redis.call('GET', KEYS[1]) ~= ARGV[2] then return {0} end
            local item = redis.call('HGET', KEYS[2], ARGV[1])
            if ARGV[5] == '1' then
              if item ~= ARGV[6] then return {0} end
            elseif item then
              return {0}
            end
            local ttl = tonumber(ARGV[4])
            if ttl > 0 then redis.call('SET', KEYS[1], ARGV[3], 'EX', ttl) end
            local claim = redis.call('DEL', KEYS[4])
            if not item then redis.call('HSET', KEYS[2], ARGV[1], ARGV[7]) end
            local enqueued = 0
            local score = redis.call('ZSCORE', KEYS[3], ARGV[1])
            if not score then
              redis.call('ZADD', KEYS[3], ARGV[8], ARGV[1])
              score = ARGV[8]
              enqueued = 1
            end
            return {1, claim, enqueued, score}
            """);

    /** KEYS: work queue, work items. Reply: {max(ZCARD, HLEN)}. */
    public static final LuaScript CLEAR_WORK_QUEUE = LuaScript.of("clear-work-queue", List.of("zset", "hash"), """
            local z = redis.call('ZCARD', KEYS[1])
            local h = redis.call('HLEN', KEYS[2])
            redis.call('DEL', KEYS[1], KEYS[2])
            return {math.max(z, h)}
            """);

    private static final String STATUS_BODY = """
            local depth = redis.call('ZCARD', KEYS[1])
            local head = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            local member, score, entry = '', '', ''
            if head[1] then
              member = head[1]
              score = head[2]
              entry = redis.call('HGET', KEYS[2], head[1]) or ''
            end
            local function count(k)
              if ARGV[1] == 'hash' then return redis.call('HLEN', k) end
              return redis.call('ZCARD', k)
            end
            local paused = redis.call('GET', KEYS[5]) or ''
            local processing = ''
            if KEYS[6] then processing = redis.call('GET', KEYS[6]) or '' end
            return {depth, member, score, entry, count(KEYS[3]), count(KEYS[4]), paused, processing}
            """;

    private static final String SORTED_DEQUEUE = """
            local q = redis.call('ZREM', KEYS[1], ARGV[1])
            local f = redis.call('ZREM', KEYS[3], ARGV[1])
            local b = redis.call('ZREM', KEYS[4], ARGV[1])
            if q + f + b == 0 then return {0} end
            redis.call('HDEL', KEYS[2], ARGV[1])
            if q == 1 then return {1, 1} elseif f == 1 then return {1, 3} end
            return {1, 4}
            """;

    private static final String HASH_DEQUEUE = """
            local q = redis.call('ZREM', KEYS[1], ARGV[1])
            local i = redis.call('HDEL', KEYS[2], ARGV[1])
            local f = redis.call('HDEL', KEYS[3], ARGV[1])
            local b = redis.call('HDEL', KEYS[4], ARGV[1])
            if q + i + f + b == 0 then return {0} end
            if q + i > 0 then return {1, 1} elseif f == 1 then return {1, 3} end
            return {1, 4}
            """;

    private static final String SORTED_RETRY = """
            if redis.call('ZSCORE', KEYS[1], ARGV[1]) then return {2} end
            local f = redis.call('ZSCORE', KEYS[3], ARGV[1])
            local b = redis.call('ZSCORE', KEYS[4], ARGV[1])
            if not f and not b then return {0} end
            if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then return {3} end
            redis.call('ZREM', KEYS[3], ARGV[1])
            redis.call('ZREM', KEYS[4], ARGV[1])
            redis.call('ZADD', KEYS[1], ARGV[4], ARGV[1])
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
            return {1}
            """;

    private static final String HASH_RETRY = """
            if redis.call('ZSCORE', KEYS[1], ARGV[1]) then return {2} end
            local k = KEYS[tonumber(ARGV[5])]
            if redis.call('HGET', k, ARGV[1]) ~= ARGV[2] then return {3} end
            redis.call('HDEL', k, ARGV[1])
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
            redis.call('ZADD', KEYS[1], ARGV[4], ARGV[1])
            return {1}
            """;

    private static final String PRIORITY = """
            if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then return {3} end
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
            local where = 0
            if redis.call('ZSCORE', KEYS[1], ARGV[1]) then
              redis.call('ZADD', KEYS[1], 'XX', ARGV[4], ARGV[1])
              where = 1
            end
            if ARGV[5] == 'zset' then
              if redis.call('ZSCORE', KEYS[3], ARGV[1]) then
                redis.call('ZADD', KEYS[3], 'XX', ARGV[4], ARGV[1])
                where = 3
              end
              if redis.call('ZSCORE', KEYS[4], ARGV[1]) then
                redis.call('ZADD', KEYS[4], 'XX', ARGV[4], ARGV[1])
                where = 4
              end
            end
            return {1, where}
            """;

    private QueueScripts() {
    }

    /** The merge scripts of one layout (the key types differ between layouts). */
    public record Merge(LuaScript status, LuaScript dequeue, LuaScript retry, LuaScript priority) {

        /** The scripts for {@code layout}. KEYS of each: queue, entries, failed, blocked[, paused, processing]. */
        public static Merge of(KeyLayout layout) {
            boolean sorted = layout.mergeOutcomes() == KeyLayout.MergeOutcomes.SORTED_SETS;
            String outcome = sorted ? "zset" : "hash";
            List<String> types = List.of("zset", "hash", outcome, outcome);
            List<String> statusTypes = List.of("zset", "hash", outcome, outcome, "string", "string");
            return new Merge(LuaScript.of("merge-status", statusTypes, STATUS_BODY),
                    LuaScript.of("merge-dequeue", types, sorted ? SORTED_DEQUEUE : HASH_DEQUEUE),
                    LuaScript.of("merge-retry", types, sorted ? SORTED_RETRY : HASH_RETRY),
                    LuaScript.of("merge-priority", types, PRIORITY));
        }
    }
}
