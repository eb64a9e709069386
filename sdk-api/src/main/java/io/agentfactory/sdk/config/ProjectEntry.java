package io.agentfactory.sdk.config;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;
import io.agentfactory.sdk.internal.OmitNull;

/**
 * ProjectEntry is one entry in the daemon.yaml `projects` list. The yaml key for the repo URL is
 * `repository`, matching the daemon-side reader (daemon.ProjectConfig). A past release renamed
 * this from `repoUrl` to align writer + reader after a schema-drift bug where the writer emitted
 * `repoUrl` but the reader looked for `repository`, causing `rensei daemon stats` to report
 * `Projects: 0 allowed` after a successful `rensei project allow`. The Go field is still RepoURL
 * for source-compat. On read, ProjectEntry tolerates the legacy `repoUrl` key for one cycle (see
 * UnmarshalYAML below) so pre-fix files in the wild still load.
 *
 * @param id the daemon-side project identifier. The daemon reader requires projects[i].id (see daemon/config.go validateConfig); DeriveProjectID derives it automatically from the repo URL when the caller does not set one (DeriveProjectID).
 * @param repository the canonical remote URL, e.g. "github.com/foo/bar".
 * @param cloneStrategy controls how the daemon clones the repo. Default: shallow.
 * @param credentialHelper the credential source for this project. A nil pointer means no credentials are configured (--no-credentials). {@code null} when absent
 */
public record ProjectEntry(
        @OmitEmpty String id,
        String repository,
        @OmitEmpty CloneStrategy cloneStrategy,
        @OmitNull @Nullable CredentialHelper credentialHelper) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public ProjectEntry {
        id = Copies.text(id);
        repository = Copies.text(repository);
        cloneStrategy = cloneStrategy == null ? CloneStrategy.of("") : cloneStrategy;
    }
}
