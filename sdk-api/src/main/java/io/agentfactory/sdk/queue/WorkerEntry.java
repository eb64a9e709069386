package io.agentfactory.sdk.queue;

import org.jspecify.annotations.Nullable;

/**
 * One worker: a {@code work:worker:{id}} JSON value (its {@code :sessions} set is not a worker).
 *
 * @param workerId the id (the key without its prefix)
 * @param hostname the host
 * @param status {@code active}, {@code draining}, {@code offline}, …
 * @param capacity how many sessions it runs at once
 * @param activeCount how many it runs now
 * @param lastHeartbeat epoch milliseconds of its last heartbeat
 * @param json the stored JSON, {@code null} when unreadable as a string
 * @param problem why the row could not be read in full, {@code null} when it could
 */
public record WorkerEntry(String workerId, @Nullable String hostname, @Nullable String status,
        @Nullable Integer capacity, @Nullable Integer activeCount, @Nullable Long lastHeartbeat, @Nullable String json,
        @Nullable ValueProblem problem) {
}
