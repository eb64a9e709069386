package io.agentfactory.sdk.reactor.internal.queue;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.agentfactory.sdk.queue.MergeEntry;
import io.agentfactory.sdk.queue.MergeState;
import io.agentfactory.sdk.queue.SessionEntry;
import io.agentfactory.sdk.queue.ValueProblem;
import io.agentfactory.sdk.queue.WorkItem;
import io.agentfactory.sdk.queue.WorkerEntry;

/** Stored values as the API's records, an unreadable value as a row with its problem. Not API. */
public final class QueueRows {

    private QueueRows() {
    }

    /** A work item from its {@code work:items} value ({@code null}: the member has no entry). */
    public static WorkItem workItem(String itemsKey, String sessionId, @Nullable Double score, byte @Nullable [] raw,
            @Nullable ValueProblem orphan) {
        String where = itemsKey + "[" + sessionId + "]";
        if (raw == null) {
            return new WorkItem(sessionId, score, null, null, null, null, null, null, null, null,
                    new ValueProblem(where, ValueProblem.Kind.MISSING_VALUE, "queued but has no work item"));
        }
        QueueJson.Row row = QueueJson.read(where, raw);
        ObjectNode o = row.object();
        String provider = QueueJson.string(o, "providerSessionId");
        return new WorkItem(sessionId, score, QueueJson.string(o, "issueIdentifier"), QueueJson.string(o, "issueId"),
                QueueJson.string(o, "workType"), QueueJson.decimal(o, "priority"), QueueJson.integer(o, "queuedAt"),
                provider != null ? provider : QueueJson.string(o, "claudeSessionId"), QueueJson.string(o, "prompt"),
                QueueJson.text(raw), row.problem() != null ? row.problem() : orphan);
    }

    /** A session from its key and value. */
    public static SessionEntry session(String key, String sessionId, byte[] raw) {
        QueueJson.Row row = QueueJson.read(key, raw);
        ObjectNode o = row.object();
        String tracker = QueueJson.string(o, "trackerSessionId");
        return new SessionEntry(sessionId, QueueJson.string(o, "status"), QueueJson.string(o, "issueIdentifier"),
                QueueJson.string(o, "issueId"), tracker != null ? tracker : QueueJson.string(o, "linearSessionId"),
                QueueJson.string(o, "workerId"), QueueJson.string(o, "workType"), QueueJson.integer(o, "updatedAt"),
                QueueJson.text(raw), row.problem());
    }

    /** A session key that holds another type than a string. */
    public static SessionEntry wrongTypeSession(String key, String sessionId, String type) {
        return new SessionEntry(sessionId, null, null, null, null, null, null, null, null,
                new ValueProblem(key, ValueProblem.Kind.WRONG_TYPE, "a " + type + ", not a string"));
    }

    /** A worker from its key and value. */
    public static WorkerEntry worker(String key, String workerId, byte[] raw) {
        QueueJson.Row row = QueueJson.read(key, raw);
        ObjectNode o = row.object();
        Long capacity = QueueJson.integer(o, "capacity");
        Long active = QueueJson.integer(o, "activeCount");
        return new WorkerEntry(workerId, QueueJson.string(o, "hostname"), QueueJson.string(o, "status"),
                capacity == null ? null : capacity.intValue(), active == null ? null : active.intValue(),
                QueueJson.integer(o, "lastHeartbeat"), QueueJson.text(raw), row.problem());
    }

    /**
     * A merge entry from its entry JSON ({@code null}: missing).
     *
     * @param reason the reason stored beside the entry (hash layouts), {@code null} to take it from the entry
     */
    public static MergeEntry merge(String where, String repoId, int prNumber, MergeState state, @Nullable Double score,
            byte @Nullable [] raw, @Nullable String reason) {
        if (raw == null) {
            return new MergeEntry(repoId, prNumber, state, score, null, null, null, null, null, null, reason, null,
                    new ValueProblem(where, ValueProblem.Kind.MISSING_VALUE, "listed but has no entry"));
        }
        QueueJson.Row row = QueueJson.read(where, raw);
        return merge(repoId, prNumber, state, score, row.object(), QueueJson.text(raw), reason, row.problem());
    }

    /** A merge entry from an already decoded object. */
    public static MergeEntry merge(String repoId, int prNumber, MergeState state, @Nullable Double score,
            @Nullable ObjectNode o, @Nullable String json, @Nullable String reason, @Nullable ValueProblem problem) {
        String why = reason;
        if (why == null && state == MergeState.FAILED) {
            why = QueueJson.string(o, "failureReason");
        }
        if (why == null && state == MergeState.BLOCKED) {
            why = QueueJson.string(o, "blockReason");
        }
        return new MergeEntry(repoId, prNumber, state, score, QueueJson.decimal(o, "priority"),
                QueueJson.integer(o, "enqueuedAt"), QueueJson.string(o, "sourceBranch"),
                QueueJson.string(o, "targetBranch"), QueueJson.string(o, "prUrl"), QueueJson.string(o, "issueIdentifier"),
                why, json, problem);
    }

    /**
     * A failed or blocked record of the hash layout: {@code {"entry": {...}|null, "reason": "..."}}.
     */
    public static MergeEntry outcome(String where, String repoId, int prNumber, MergeState state, byte[] raw) {
        QueueJson.Row row = QueueJson.read(where, raw);
        if (row.object() == null) {
            return new MergeEntry(repoId, prNumber, state, null, null, null, null, null, null, null, null,
                    QueueJson.text(raw), row.problem());
        }
        JsonNode entry = row.object().get("entry");
        String reason = QueueJson.string(row.object(), "reason");
        ObjectNode object = entry instanceof ObjectNode e ? e : null;
        ValueProblem problem = object != null ? null
                : new ValueProblem(where, ValueProblem.Kind.MISSING_VALUE, "the record holds no entry");
        return merge(repoId, prNumber, state, null, object, object == null ? null : QueueJson.text(QueueJson.write(object)),
                reason, problem);
    }

    /** A PR number from a set member or hash field; {@code -1} when it is not a positive integer. */
    public static int prNumber(String member) {
        try {
            int n = Integer.parseInt(member);
            return n > 0 ? n : -1;
        }
        catch (NumberFormatException e) {
            return -1;
        }
    }
}
