package io.agentfactory.sdk.reactor.repoconfig;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.agentfactory.sdk.error.ConfigFileException;
import io.agentfactory.sdk.error.ConfigFileNotFoundException;
import io.agentfactory.sdk.error.ConfigKindMismatchException;
import io.agentfactory.sdk.error.MalformedYamlException;
import io.agentfactory.sdk.error.MutuallyExclusiveKeysException;
import io.agentfactory.sdk.reactor.internal.configfile.ConfigFileText;
import io.agentfactory.sdk.reactor.internal.configfile.YamlDocument;
import io.agentfactory.sdk.reactor.internal.configfile.YamlNode;
import io.agentfactory.sdk.reactor.internal.configfile.YamlNode.Entry;
import io.agentfactory.sdk.reactor.internal.configfile.YamlNode.Mapping;
import io.agentfactory.sdk.reactor.internal.configfile.YamlNode.Scalar;
import io.agentfactory.sdk.repoconfig.PackageManager;
import io.agentfactory.sdk.repoconfig.ProjectConfig;
import io.agentfactory.sdk.repoconfig.RepositoryConfig;

/**
 * Reads the repository config of a repository: {@value RepositoryConfig#FILE} under its root, or
 * {@value RepositoryConfig#LEGACY_FILE} when that does not exist.
 *
 * <pre>{@code
 * RepositoryConfigLoader.load(repoRoot)
 *     .filter(config -> config.isProjectAllowed("Family"))
 *     .flatMap(config -> Mono.justOrEmpty(config.project("Family")))
 *     .map(ProjectConfig::testCommand);
 * }</pre>
 *
 * <p>Every error is a {@link ConfigFileException} naming the file and, where known, the line:
 * {@link ConfigFileNotFoundException} when neither file exists, {@link ConfigKindMismatchException}
 * when {@code kind} is not {@value RepositoryConfig#KIND} (an empty file included),
 * {@link MutuallyExclusiveKeysException} when {@code allowedProjects} and {@code projectPaths} are both
 * non-empty, {@link MalformedYamlException} for YAML that cannot be read, and a plain
 * {@link ConfigFileException} for a value of the wrong shape (a list where a string belongs, a
 * project entry with no value, a file over 1 MiB).
 */
public final class RepositoryConfigLoader {

    private RepositoryConfigLoader() {
    }

    /**
     * Reads the config of the repository at {@code repositoryRoot} on
     * {@link Schedulers#boundedElastic()}, when subscribed.
     *
     * @return the config, or an error as described in the class documentation
     */
    public static Mono<RepositoryConfig> load(Path repositoryRoot) {
        return Mono.fromCallable(() -> loadBlocking(repositoryRoot)).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Reads the config of the repository at {@code repositoryRoot} on the calling thread. Blocking
     * file I/O: never call it on an event loop or another non-blocking thread.
     *
     * @throws ConfigFileException as described in the class documentation
     */
    public static RepositoryConfig loadBlocking(Path repositoryRoot) {
        Path file = RepositoryConfig.fileIn(repositoryRoot);
        Optional<String> text = ConfigFileText.readIfExists(file);
        if (text.isEmpty()) {
            Path legacy = RepositoryConfig.legacyFileIn(repositoryRoot);
            text = ConfigFileText.readIfExists(legacy);
            if (text.isEmpty()) {
                throw new ConfigFileNotFoundException(file.toString(), "no repository config: neither "
                        + RepositoryConfig.FILE + " nor " + RepositoryConfig.LEGACY_FILE + " exists in " + repositoryRoot);
            }
            file = legacy;
        }
        return read(YamlDocument.parse(file.toString(), text.get()));
    }

    private static RepositoryConfig read(YamlDocument yaml) {
        Mapping root = yaml.rootMapping()
                .orElseThrow(() -> new ConfigKindMismatchException(yaml.file(), 0, RepositoryConfig.KIND, ""));
        checkKind(yaml, root);
        checkProjectsListedOnce(yaml, root);
        return new RepositoryConfig(
                yaml.text(root, "apiVersion"),
                RepositoryConfig.KIND,
                yaml.text(root, "repository"),
                yaml.texts(root, "allowedProjects"),
                projectPaths(yaml, root),
                yaml.texts(root, "sharedPaths"),
                PackageManager.of(yaml.text(root, "packageManager")),
                yaml.text(root, "buildCommand"),
                yaml.text(root, "testCommand"),
                yaml.text(root, "validateCommand"),
                yaml.text(root, "linearCli"));
    }

    private static void checkKind(YamlDocument yaml, Mapping root) {
        Optional<Entry> kind = root.get("kind");
        String actual = kind.isEmpty() ? "" : yaml.text(kind.get().value(), "kind");
        if (!actual.equals(RepositoryConfig.KIND)) {
            throw new ConfigKindMismatchException(yaml.file(), kind.map(Entry::line).orElse(0), RepositoryConfig.KIND, actual);
        }
    }

    private static void checkProjectsListedOnce(YamlDocument yaml, Mapping root) {
        boolean allowed = !yaml.items(root, "allowedProjects").isEmpty();
        boolean withPaths = !yaml.entries(root, "projectPaths").isEmpty();
        if (allowed && withPaths) {
            List<Entry> both = root.entries().stream()
                    .filter(e -> e.key().equals("allowedProjects") || e.key().equals("projectPaths"))
                    .toList();
            throw new MutuallyExclusiveKeysException(yaml.file(), both.get(1).line(), both.stream().map(Entry::key).toList());
        }
    }

    private static Map<String, ProjectConfig> projectPaths(YamlDocument yaml, Mapping root) {
        Map<String, ProjectConfig> projects = new LinkedHashMap<>();
        for (Entry project : yaml.entries(root, "projectPaths")) {
            projects.put(project.key(), project(yaml, project));
        }
        return projects;
    }

    private static ProjectConfig project(YamlDocument yaml, Entry project) {
        String where = "projectPaths." + project.key();
        YamlNode value = project.value();
        if (value instanceof Scalar scalar) {
            if (scalar.isNull() || scalar.text().isEmpty()) {
                throw yaml.invalid(project.line(), where + " has no value; give its path, or a mapping with a path");
            }
            return ProjectConfig.atPath(scalar.text());
        }
        if (!(value instanceof Mapping fields)) {
            throw yaml.invalid(value.line(), where + " must be a path or a mapping, not " + value.describe());
        }
        String path = yaml.text(fields, "path");
        if (path.isEmpty()) {
            throw yaml.invalid(value.line(), where + " has no path");
        }
        return new ProjectConfig(
                path,
                PackageManager.of(yaml.text(fields, "packageManager")),
                yaml.text(fields, "buildCommand"),
                yaml.text(fields, "testCommand"),
                yaml.text(fields, "validateCommand"));
    }
}
