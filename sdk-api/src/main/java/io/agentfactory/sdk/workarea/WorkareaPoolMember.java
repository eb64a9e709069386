package io.agentfactory.sdk.workarea;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * WorkareaPoolMember describes a single entry in the local workarea pool. Keyed by (Repository,
 * ToolchainKey) per the pool management design in 003.
 *
 * @param id the provider-namespaced workarea identifier.
 * @param repository the git remote URL this pool member is cloned from.
 * @param ref the commit or branch actually checked out.
 * @param toolchainKey the canonical key for the toolchain set (e.g. "node-20+java-17").
 * @param status the current pool member lifecycle state.
 * @param cleanStateChecksum the sha256 of the canonical clean-state files.
 * @param acquiredBy the session ID currently holding this member, or empty.
 * @param createdAt the RFC3339 timestamp of initial pool member creation.
 * @param lastAcquiredAt the RFC3339 timestamp of the most recent acquire (for LRU eviction).
 * @param diskUsageMb the approximate on-disk size of this pool member.
 */
public record WorkareaPoolMember(
        String id,
        String repository,
        String ref,
        String toolchainKey,
        WorkareaPoolMemberStatus status,
        String cleanStateChecksum,
        @OmitEmpty String acquiredBy,
        String createdAt,
        @OmitEmpty String lastAcquiredAt,
        @OmitEmpty long diskUsageMb) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public WorkareaPoolMember {
        id = Copies.text(id);
        repository = Copies.text(repository);
        ref = Copies.text(ref);
        toolchainKey = Copies.text(toolchainKey);
        status = status == null ? WorkareaPoolMemberStatus.of("") : status;
        cleanStateChecksum = Copies.text(cleanStateChecksum);
        acquiredBy = Copies.text(acquiredBy);
        createdAt = Copies.text(createdAt);
        lastAcquiredAt = Copies.text(lastAcquiredAt);
    }
}
