package io.agentfactory.sdk.workarea;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;
import io.agentfactory.sdk.internal.OmitNull;

/**
 * Workarea is the full workarea record returned by GET /api/daemon/workareas/&lt;id&gt; (inspect
 * endpoint). Fields match the Workarea interface in 003-workarea-provider.md.
 *
 * @param id the {@code id} field
 * @param kind the {@code kind} field
 * @param providerId the {@code providerId} field
 * @param sessionId the {@code sessionId} field
 * @param projectId the {@code projectId} field
 * @param status the {@code status} field
 * @param path the {@code path} field
 * @param ref the {@code ref} field
 * @param repository the {@code repository} field
 * @param cleanStateChecksum the {@code cleanStateChecksum} field
 * @param toolchain the {@code toolchain} field
 * @param mode "exclusive" | "shared"
 * @param acquirePath "pool-warm" | "pool-fresh" | "cold"
 * @param acquiredAt the {@code acquiredAt} field. {@code null} when absent
 * @param releasedAt the {@code releasedAt} field. {@code null} when absent
 * @param archiveLocation the {@code archiveLocation} field
 * @param ownerSession the {@code ownerSession} field
 * @param manifest the captured per-archive manifest for archived workareas (kind = "archived"). Free-form JSON keyed by archive version; consumers display rather than enforce shape.
 */
public record Workarea(
        String id,
        WorkareaKind kind,
        String providerId,
        @OmitEmpty String sessionId,
        @OmitEmpty String projectId,
        WorkareaPoolStatus status,
        @OmitEmpty String path,
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
    public Workarea {
        id = Copies.text(id);
        kind = kind == null ? WorkareaKind.of("") : kind;
        providerId = Copies.text(providerId);
        sessionId = Copies.text(sessionId);
        projectId = Copies.text(projectId);
        status = status == null ? WorkareaPoolStatus.of("") : status;
        path = Copies.text(path);
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
    public static Workarea empty() {
        return new Workarea("", WorkareaKind.of(""), "", "", "", WorkareaPoolStatus.of(""), "", "", "", "", Map.of(), "", "", null, null, "", "", Map.of());
    }
}
