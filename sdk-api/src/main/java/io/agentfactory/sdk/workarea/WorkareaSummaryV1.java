package io.agentfactory.sdk.workarea;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;
import io.agentfactory.sdk.internal.OmitNull;

/**
 * One entry of {@code GET /api/daemon/workareas} in the session-root V1 projection: the
 * {@link WorkareaSummary} fields plus the workarea root, the primary repository's worktree and the
 * per-repository leaves. {@link #legacy()} and {@link #upgrade(WorkareaSummary)} convert between
 * the two shapes.
 *
 * @param id the workarea id
 * @param kind active or archived
 * @param providerId the provider
 * @param sessionId the owning session
 * @param projectId the project
 * @param status the pool-member status
 * @param ref the checked-out ref
 * @param repository the repository
 * @param workareaRoot the session-owned root directory
 * @param repositoryWorktreePath the primary repository's worktree
 * @param repositories the repository leaves
 * @param createdAt when the archive was created (archives); {@code null} when absent
 * @param sizeBytes the archive size (archives)
 * @param sourceProvider the provider the archive came from (archives)
 * @param disposition why the workarea was archived (archives)
 * @param acquiredAt when the member was acquired (active); {@code null} when absent
 * @param releasedAt when the member was released (active); {@code null} when absent
 * @param ageSeconds the member's age (active)
 */
public record WorkareaSummaryV1(
        String id,
        WorkareaKind kind,
        String providerId,
        @OmitEmpty String sessionId,
        @OmitEmpty String projectId,
        WorkareaPoolStatus status,
        @OmitEmpty String ref,
        @OmitEmpty String repository,
        @OmitEmpty String workareaRoot,
        @OmitEmpty String repositoryWorktreePath,
        @OmitEmpty List<WorkareaRepository> repositories,
        @OmitNull @Nullable Instant createdAt,
        @OmitEmpty long sizeBytes,
        @OmitEmpty String sourceProvider,
        @OmitEmpty String disposition,
        @OmitNull @Nullable Instant acquiredAt,
        @OmitNull @Nullable Instant releasedAt,
        @OmitEmpty long ageSeconds) {

    /** Normalizes absent values: strings to {@code ""}, lists to empty unmodifiable copies. */
    public WorkareaSummaryV1 {
        id = Copies.text(id);
        kind = kind == null ? WorkareaKind.of("") : kind;
        providerId = Copies.text(providerId);
        sessionId = Copies.text(sessionId);
        projectId = Copies.text(projectId);
        status = status == null ? WorkareaPoolStatus.of("") : status;
        ref = Copies.text(ref);
        repository = Copies.text(repository);
        workareaRoot = Copies.text(workareaRoot);
        repositoryWorktreePath = Copies.text(repositoryWorktreePath);
        repositories = Copies.list(repositories);
        sourceProvider = Copies.text(sourceProvider);
        disposition = Copies.text(disposition);
    }

    /** This entry in the original shape: the V1 fields (root, worktree, leaves) are dropped. */
    public WorkareaSummary legacy() {
        return new WorkareaSummary(id, kind, providerId, sessionId, projectId, status, ref, repository, createdAt,
                sizeBytes, sourceProvider, disposition, acquiredAt, releasedAt, ageSeconds);
    }

    /** An original-shape entry in the V1 shape, with no root, worktree or leaves. */
    public static WorkareaSummaryV1 upgrade(WorkareaSummary w) {
        return new WorkareaSummaryV1(w.id(), w.kind(), w.providerId(), w.sessionId(), w.projectId(), w.status(),
                w.ref(), w.repository(), "", "", List.of(), w.createdAt(), w.sizeBytes(), w.sourceProvider(),
                w.disposition(), w.acquiredAt(), w.releasedAt(), w.ageSeconds());
    }
}
