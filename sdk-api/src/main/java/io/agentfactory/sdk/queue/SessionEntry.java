package io.agentfactory.sdk.queue;

import org.jspecify.annotations.Nullable;

/**
 * One session: an {@code agent:session:{id}} JSON value. {@link #json()} keeps every field.
 *
 * @param sessionId the id (the key without its prefix)
 * @param status {@code pending}, {@code claimed}, {@code running}, {@code finalizing}, {@code completed},
 *     {@code failed}, {@code stopped}, {@code timed_out}, or another value a writer used
 * @param issueIdentifier for example {@code REN-42}
 * @param issueId the tracker's issue id
 * @param trackerSessionId {@code trackerSessionId}, or the older {@code linearSessionId}
 * @param workerId the worker holding it
 * @param workType the work type
 * @param updatedAt epoch seconds (old writers) or milliseconds (new writers), as stored
 * @param json the stored JSON, {@code null} when unreadable as a string
 * @param problem why the row could not be read in full, {@code null} when it could
 */
public record SessionEntry(String sessionId, @Nullable String status, @Nullable String issueIdentifier,
        @Nullable String issueId, @Nullable String trackerSessionId, @Nullable String workerId,
        @Nullable String workType, @Nullable Long updatedAt, @Nullable String json, @Nullable ValueProblem problem) {
}
