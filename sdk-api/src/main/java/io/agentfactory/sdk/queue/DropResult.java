package io.agentfactory.sdk.queue;

/**
 * What one drop removed, all in one atomic step.
 *
 * @param sessionId the id the selector resolved to
 * @param sessionDeleted whether {@code agent:session:{id}} existed
 * @param workItemDeleted whether {@code work:items} had the field
 * @param queueEntryDeleted whether {@code work:queue} had the member
 * @param claimDeleted whether {@code work:claim:{id}} existed
 * @param workStateDeleted whether the layout's work-state key existed (always {@code false} without one)
 */
public record DropResult(String sessionId, boolean sessionDeleted, boolean workItemDeleted, boolean queueEntryDeleted,
        boolean claimDeleted, boolean workStateDeleted) {

    /** How many keys, fields and members were removed. */
    public int removed() {
        return (sessionDeleted ? 1 : 0) + (workItemDeleted ? 1 : 0) + (queueEntryDeleted ? 1 : 0)
                + (claimDeleted ? 1 : 0) + (workStateDeleted ? 1 : 0);
    }
}
