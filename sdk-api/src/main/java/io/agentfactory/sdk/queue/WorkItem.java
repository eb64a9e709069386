package io.agentfactory.sdk.queue;

import org.jspecify.annotations.Nullable;

/**
 * One work item: a member of {@code work:queue} with its {@code work:items} JSON. The typed fields are
 * those the writers store; {@link #json()} is the stored value byte for byte, with every field.
 *
 * @param sessionId the queue member (the hash field)
 * @param score its {@code work:queue} score ({@code clamp(priority,1,9)·10¹³ + queuedAt}), {@code null}
 *     when the item is in {@code work:items} only
 * @param issueIdentifier for example {@code REN-99}
 * @param issueId the tracker's issue id
 * @param workType {@code development}, {@code qa}, …
 * @param priority the writer's priority (1 is served first)
 * @param queuedAt epoch seconds (old writers) or milliseconds (new writers), as stored
 * @param providerSessionId the provider's session to resume
 * @param prompt the prompt
 * @param json the stored JSON, {@code null} when missing
 * @param problem why the row could not be read in full, {@code null} when it could
 */
public record WorkItem(String sessionId, @Nullable Double score, @Nullable String issueIdentifier,
        @Nullable String issueId, @Nullable String workType, @Nullable Double priority, @Nullable Long queuedAt,
        @Nullable String providerSessionId, @Nullable String prompt, @Nullable String json,
        @Nullable ValueProblem problem) {
}
