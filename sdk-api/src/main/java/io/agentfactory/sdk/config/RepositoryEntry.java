package io.agentfactory.sdk.config;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;

/**
 * One entry of the {@code repositories} list of an admission-v2 {@code daemon.yaml}: a repository
 * resource linked to a project. The link does not admit the project; only
 * {@link DaemonYAML#enabledProjectIds()} does.
 *
 * @param id the durable repository-row id ({@link RepositoryIds#derive} when blank)
 * @param pathId the provider-opaque identity used to bind calls, e.g. {@code github:owner/repo};
 *        {@code ""} when absent
 * @param projectId the project this repository belongs to
 * @param source the remote, e.g. {@code github.com/foo/bar}
 * @param primary whether this is the project's primary repository
 * @param cloneStrategy how the daemon clones it; empty when absent
 * @param credentialHelper the credential source, {@code null} when none is configured
 */
public record RepositoryEntry(String id, String pathId, String projectId, String source, boolean primary,
        CloneStrategy cloneStrategy, @Nullable CredentialHelper credentialHelper) {

    /** Absent strings become {@code ""}, an absent clone strategy the empty one. */
    public RepositoryEntry {
        id = Copies.text(id);
        pathId = Copies.text(pathId);
        projectId = Copies.text(projectId);
        source = Copies.text(source);
        cloneStrategy = cloneStrategy == null ? CloneStrategy.of("") : cloneStrategy;
    }

    /** A repository of {@code projectId} at {@code source}, its id derived, nothing else set. */
    public static RepositoryEntry of(String projectId, String source) {
        return new RepositoryEntry("", "", projectId, source, false, null, null);
    }
}
