package io.agentfactory.sdk.workarea;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;
import io.agentfactory.sdk.internal.OmitNull;

/**
 * One workarea in the session-root V1 projection, as {@code GET /api/daemon/workareas/<id>} and
 * {@code POST /api/daemon/workareas/<id>/restore} answer it: the {@link Workarea} fields plus the
 * workarea root, the primary repository's worktree and the repository leaves. {@link #legacy()}
 * and {@link #upgrade(Workarea)} convert between the two shapes.
 *
 * @param id the workarea id
 * @param kind active or archived
 * @param providerId the provider
 * @param sessionId the owning session
 * @param projectId the project
 * @param status the pool-member status
 * @param path the workarea path
 * @param workareaRoot the session-owned root directory
 * @param repositoryWorktreePath the primary repository's worktree
 * @param repositories the repository leaves
 * @param ref the checked-out ref
 * @param repository the repository
 * @param cleanStateChecksum the clean-state checksum
 * @param toolchain the toolchain versions
 * @param mode {@code exclusive} or {@code shared}
 * @param acquirePath {@code pool-warm}, {@code pool-fresh} or {@code cold}
 * @param acquiredAt when acquired; {@code null} when absent
 * @param releasedAt when released; {@code null} when absent
 * @param archiveLocation where the archive is stored
 * @param ownerSession the owning session
 * @param manifest the archive manifest, free-form JSON
 */
public record WorkareaV1(
        String id,
        WorkareaKind kind,
        String providerId,
        @OmitEmpty String sessionId,
        @OmitEmpty String projectId,
        WorkareaPoolStatus status,
        @OmitEmpty String path,
        @OmitEmpty String workareaRoot,
        @OmitEmpty String repositoryWorktreePath,
        @OmitEmpty List<WorkareaRepository> repositories,
        @OmitEmpty String ref,
        @OmitEmpty String repository,
        @OmitEmpty String cleanStateChecksum,
        @OmitEmpty Map<String, String> toolchain,
        @OmitEmpty String mode,
        @OmitEmpty String acquirePath,
        @OmitNull @Nullable Instant acquiredAt,
        @OmitNull @Nullable Instant releasedAt,
        @OmitEmpty String archiveLocation,
        @OmitEmpty String ownerSession,
        @OmitEmpty Map<String, Object> manifest) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public WorkareaV1 {
        id = Copies.text(id);
        kind = kind == null ? WorkareaKind.of("") : kind;
        providerId = Copies.text(providerId);
        sessionId = Copies.text(sessionId);
        projectId = Copies.text(projectId);
        status = status == null ? WorkareaPoolStatus.of("") : status;
        path = Copies.text(path);
        workareaRoot = Copies.text(workareaRoot);
        repositoryWorktreePath = Copies.text(repositoryWorktreePath);
        repositories = Copies.list(repositories);
        ref = Copies.text(ref);
        repository = Copies.text(repository);
        cleanStateChecksum = Copies.text(cleanStateChecksum);
        toolchain = Copies.map(toolchain);
        mode = Copies.text(mode);
        acquirePath = Copies.text(acquirePath);
        archiveLocation = Copies.text(archiveLocation);
        ownerSession = Copies.text(ownerSession);
        manifest = Copies.jsonObject(manifest);
    }

    /** The value with every field absent: what the server means when it omits the object. */
    public static WorkareaV1 empty() {
        return upgrade(Workarea.empty());
    }

    /** This workarea in the original shape: the V1 fields (root, worktree, leaves) are dropped. */
    public Workarea legacy() {
        return new Workarea(id, kind, providerId, sessionId, projectId, status, path, ref, repository,
                cleanStateChecksum, toolchain, mode, acquirePath, acquiredAt, releasedAt, archiveLocation, ownerSession,
                manifest);
    }

    /** An original-shape workarea in the V1 shape, with no root, worktree or leaves. */
    public static WorkareaV1 upgrade(Workarea w) {
        return new WorkareaV1(w.id(), w.kind(), w.providerId(), w.sessionId(), w.projectId(), w.status(), w.path(), "",
                "", List.of(), w.ref(), w.repository(), w.cleanStateChecksum(), w.toolchain(), w.mode(),
                w.acquirePath(), w.acquiredAt(), w.releasedAt(), w.archiveLocation(), w.ownerSession(), w.manifest());
    }
}
