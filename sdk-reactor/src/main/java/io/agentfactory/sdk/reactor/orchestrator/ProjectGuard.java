package io.agentfactory.sdk.reactor.orchestrator;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.error.ProjectNotAllowedException;
import io.agentfactory.sdk.repoconfig.RepositoryConfig;

/**
 * Which tracker projects a run may take work from, by the repository's configuration
 * ({@code allowedProjects} / {@code projectPaths}, names compared exactly).
 */
public final class ProjectGuard {

    private ProjectGuard() {
    }

    /**
     * The projects to run: {@code project} when given (and allowed, when a configuration is
     * loaded), else the configuration's effective allowed projects.
     *
     * @param project the project asked for, {@code null} or blank for none
     * @param config the repository's configuration, {@code null} when it has none
     * @throws ProjectNotAllowedException when the project is not allowed, or none is given and the
     *         configuration names none
     */
    public static List<String> projectsToRun(@Nullable String project, @Nullable RepositoryConfig config) {
        if (project != null && !project.isBlank()) {
            if (config != null && !config.isProjectAllowed(project)) {
                throw new ProjectNotAllowedException(project, "project \"" + project + "\" is not in allowedProjects");
            }
            return List.of(project);
        }
        if (config != null && !config.effectiveAllowedProjects().isEmpty()) {
            return config.effectiveAllowedProjects();
        }
        throw new ProjectNotAllowedException("",
                "no project specified (give a project or set allowedProjects in .donmai/config.yaml)");
    }
}
