package io.agentfactory.sdk.workarea;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;
import io.agentfactory.sdk.internal.OmitNull;

/**
 * WorkareaSummary is a single workarea entry returned by GET /api/daemon/workareas (list
 * endpoint). The same shape covers both active pool members and on-disk archives; consumers use
 * Kind to disambiguate. Source Files ¶ Directories ¶ | Path | Synopsis | |---|---| | Package
 * codeintel — native arch-intel diff/gate layer. | Package codeintel — native arch-intel diff/gate
 * layer. | | Package logsignatures implements the log-signature catalog and pattern-matching logic
 * for the `donmai logs analyze` command. | Package logsignatures implements the log-signature
 * catalog and pattern-matching logic for the `donmai logs analyze` command. | | Package
 * orchestrator implements the local orchestrator entrypoint for OSS users who do not run the
 * daemon. | Package orchestrator implements the local orchestrator entrypoint for OSS users who do
 * not run the daemon. | | Package queue provides Redis-backed admin clients for the AgentFactory
 * work queue and merge queue. | Package queue provides Redis-backed admin clients for the
 * AgentFactory work queue and merge queue. | | Package repoconfig loads and validates the
 * .donmai/config.yaml file (RepositoryConfig kind). | Package repoconfig loads and validates the
 * .donmai/config.yaml file (RepositoryConfig kind). |
 *
 * @param id the {@code id} field
 * @param kind the {@code kind} field
 * @param providerId the {@code providerId} field
 * @param sessionId the {@code sessionId} field
 * @param projectId the {@code projectId} field
 * @param status the {@code status} field
 * @param ref the {@code ref} field
 * @param repository the {@code repository} field
 * @param createdAt archive-only fields. Populated when Kind == WorkareaKindArchived. {@code null} when absent
 * @param sizeBytes the {@code sizeBytes} field
 * @param sourceProvider the {@code sourceProvider} field
 * @param disposition the {@code disposition} field
 * @param acquiredAt active-only fields. Populated when Kind == WorkareaKindActive. {@code null} when absent
 * @param releasedAt the {@code releasedAt} field. {@code null} when absent
 * @param ageSeconds the {@code ageSeconds} field
 */
public record WorkareaSummary(
        String id,
        WorkareaKind kind,
        String providerId,
        @OmitEmpty String sessionId,
        @OmitEmpty String projectId,
        WorkareaPoolStatus status,
        @OmitEmpty String ref,
        @OmitEmpty String repository,
        @OmitNull @Nullable Instant createdAt,
        @OmitEmpty long sizeBytes,
        @OmitEmpty String sourceProvider,
        @OmitEmpty String disposition,
        @OmitNull @Nullable Instant acquiredAt,
        @OmitNull @Nullable Instant releasedAt,
        @OmitEmpty long ageSeconds) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public WorkareaSummary {
        id = Copies.text(id);
        kind = kind == null ? WorkareaKind.of("") : kind;
        providerId = Copies.text(providerId);
        sessionId = Copies.text(sessionId);
        projectId = Copies.text(projectId);
        status = status == null ? WorkareaPoolStatus.of("") : status;
        ref = Copies.text(ref);
        repository = Copies.text(repository);
        sourceProvider = Copies.text(sourceProvider);
        disposition = Copies.text(disposition);
    }
}
