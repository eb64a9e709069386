package io.agentfactory.sdk.repoconfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.internal.Copies;

/**
 * A repository's AgentFactory configuration, read from {@value #FILE} under the repository root
 * (or {@value #LEGACY_FILE} when that is absent). Keys the SDK does not know are ignored.
 *
 * <p>Which projects the repository allows ({@link #effectiveAllowedProjects()}): the
 * {@code projectPaths} names in file order, else {@code allowedProjects}, else every project. The two
 * keys are mutually exclusive when both are non-empty. Project names match exactly (case-sensitive).
 *
 * @param apiVersion the schema version the file declares
 * @param kind always {@value #KIND} for a file that was read
 * @param repository the git remote the repository is expected to have; {@code ""} when not set
 * @param allowedProjects the projects allowed, when listed without paths
 * @param projectPaths the projects allowed with where they live, in file order
 * @param sharedPaths directories any project's agent may modify
 * @param packageManager the repository's package manager; {@link PackageManager#UNSET} when not set
 * @param buildCommand the repository's build command; {@code ""} when not set
 * @param testCommand the repository's test command; {@code ""} when not set
 * @param validateCommand the repository's validation command; {@code ""} when not set
 * @param linearCli the command that invokes the Linear CLI; {@code ""} when not set
 */
public record RepositoryConfig(
        String apiVersion,
        String kind,
        String repository,
        List<String> allowedProjects,
        Map<String, ProjectConfig> projectPaths,
        List<String> sharedPaths,
        PackageManager packageManager,
        String buildCommand,
        String testCommand,
        String validateCommand,
        String linearCli) {

    /** The only {@code kind} a repository config may declare. */
    public static final String KIND = "RepositoryConfig";

    /** The file, relative to the repository root. */
    public static final String FILE = ".donmai/config.yaml";

    /** The file read when {@value #FILE} does not exist, relative to the repository root. */
    public static final String LEGACY_FILE = ".agentfactory/config.yaml";

    /**
     * Normalizes absent values and checks that only one way of listing projects is used.
     *
     * @throws InvalidArgumentException when {@code allowedProjects} and {@code projectPaths} are both non-empty
     */
    public RepositoryConfig {
        apiVersion = Copies.text(apiVersion);
        kind = Copies.text(kind);
        repository = Copies.text(repository);
        allowedProjects = Copies.list(allowedProjects);
        projectPaths = Copies.map(projectPaths);
        sharedPaths = Copies.list(sharedPaths);
        packageManager = packageManager == null ? PackageManager.UNSET : packageManager;
        buildCommand = Copies.text(buildCommand);
        testCommand = Copies.text(testCommand);
        validateCommand = Copies.text(validateCommand);
        linearCli = Copies.text(linearCli);
        if (!allowedProjects.isEmpty() && !projectPaths.isEmpty()) {
            throw new InvalidArgumentException("allowedProjects and projectPaths are mutually exclusive; set only one");
        }
    }

    /** Where the config file of the repository at {@code repositoryRoot} is looked for first. */
    public static Path fileIn(Path repositoryRoot) {
        return repositoryRoot.resolve(FILE);
    }

    /** Where the config file is looked for when {@link #fileIn(Path)} does not exist. */
    public static Path legacyFileIn(Path repositoryRoot) {
        return repositoryRoot.resolve(LEGACY_FILE);
    }

    /**
     * The projects this repository allows: the {@code projectPaths} names in file order, else
     * {@code allowedProjects}; empty when every project is allowed (see {@link #allowsAllProjects()}).
     */
    public List<String> effectiveAllowedProjects() {
        return projectPaths.isEmpty() ? allowedProjects : List.copyOf(projectPaths.keySet());
    }

    /** Whether the repository lists no projects, and so allows every project. */
    public boolean allowsAllProjects() {
        return projectPaths.isEmpty() && allowedProjects.isEmpty();
    }

    /** Whether the repository allows {@code project}; names are compared exactly (case-sensitive). */
    public boolean isProjectAllowed(String project) {
        return allowsAllProjects() || projectPaths.containsKey(project) || allowedProjects.contains(project);
    }

    /**
     * The {@code projectPaths} entry named {@code project} (exact, case-sensitive), with every field
     * it leaves empty taken from the repository level; empty when there is no such entry.
     */
    public Optional<ProjectConfig> project(String project) {
        return Optional.ofNullable(projectPaths.get(project)).map(own -> own.inheriting(this));
    }
}
