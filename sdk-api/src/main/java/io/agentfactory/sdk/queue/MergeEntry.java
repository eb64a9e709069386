package io.agentfactory.sdk.queue;

import org.jspecify.annotations.Nullable;

/**
 * One pull request of a merge queue. {@link #json()} is the stored entry with every field.
 *
 * @param repoId the repository id
 * @param prNumber the pull request number
 * @param state where it sits
 * @param score its sorted-set score, {@code null} where the layout keeps the state in a hash
 * @param priority the writer's priority (1–5, 1 first)
 * @param enqueuedAt epoch milliseconds
 * @param sourceBranch the branch to merge
 * @param targetBranch the branch to merge into
 * @param prUrl the pull request's URL
 * @param issueIdentifier the issue it resolves
 * @param reason the failure or block reason, for failed and blocked entries
 * @param json the stored entry JSON, {@code null} when missing or unreadable
 * @param problem why the row could not be read in full, {@code null} when it could
 */
public record MergeEntry(String repoId, int prNumber, MergeState state, @Nullable Double score,
        @Nullable Double priority, @Nullable Long enqueuedAt, @Nullable String sourceBranch,
        @Nullable String targetBranch, @Nullable String prUrl, @Nullable String issueIdentifier,
        @Nullable String reason, @Nullable String json, @Nullable ValueProblem problem) {
}
