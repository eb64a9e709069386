package io.agentfactory.sdk.queue;

/**
 * What a bulk operation removed or reset.
 *
 * @param queueItemsCleared work items removed ({@code max(ZCARD work:queue, HLEN work:items)})
 * @param sessionsCleared session keys removed
 * @param claimsCleared claim keys removed
 * @param workersCleared worker keys removed (with their {@code :sessions} sets)
 * @param sessionsReset sessions put back to {@code pending} and queued
 */
public record BulkClearResult(long queueItemsCleared, long sessionsCleared, long claimsCleared, long workersCleared,
        long sessionsReset) {
}
