package io.agentfactory.sdk.queue;

/**
 * What one requeue did, all in one atomic step: the session went from {@link #previousStatus()} to
 * {@code pending}, its claim was removed and it is queued.
 *
 * @param sessionId the id the selector resolved to
 * @param previousStatus the status it had
 * @param claimDeleted whether a {@code work:claim:{id}} was removed
 * @param enqueued whether it was added to {@code work:queue} ({@code false} when it was still queued)
 * @param score its {@code work:queue} score now
 */
public record RequeueResult(String sessionId, String previousStatus, boolean claimDeleted, boolean enqueued,
        double score) {
}
