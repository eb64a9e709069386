package io.agentfactory.sdk.reactor.repoconfig;

import static io.agentfactory.sdk.reactor.internal.configfile.FileIoThreads.assertReadsOnBoundedElastic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.ConfigFileException;
import io.agentfactory.sdk.error.ConfigFileNotFoundException;
import io.agentfactory.sdk.error.ConfigKindMismatchException;
import io.agentfactory.sdk.error.MalformedYamlException;
import io.agentfactory.sdk.error.MutuallyExclusiveKeysException;
import io.agentfactory.sdk.repoconfig.PackageManager;
import io.agentfactory.sdk.repoconfig.ProjectConfig;
import io.agentfactory.sdk.repoconfig.RepositoryConfig;

class RepositoryConfigLoaderTest {

    @TempDir
    Path repo;

    @Test
    void readsEveryKeyOfAConfigWithProjectPaths() throws IOException {
        write(".donmai/config.yaml", """
                apiVersion: v1
                kind: RepositoryConfig
                repository: github.com/acme/mono
                projectPaths:
                  Family: apps/family
                  Family iOS:
                    path: apps/family-ios
                    packageManager: none
                    buildCommand: make build
                    testCommand: make test
                    validateCommand: make lint
                sharedPaths: [packages/ui, packages/core]
                packageManager: pnpm
                buildCommand: pnpm build
                testCommand: pnpm test
                validateCommand: pnpm typecheck
                linearCli: ./tools/af-linear.sh
                """);

        RepositoryConfig config = RepositoryConfigLoader.loadBlocking(repo);

        assertThat(config.apiVersion()).isEqualTo("v1");
        assertThat(config.kind()).isEqualTo("RepositoryConfig");
        assertThat(config.repository()).isEqualTo("github.com/acme/mono");
        assertThat(config.allowedProjects()).isEmpty();
        assertThat(config.projectPaths()).containsExactly(
                Map.entry("Family", ProjectConfig.atPath("apps/family")),
                Map.entry("Family iOS",
                        new ProjectConfig("apps/family-ios", PackageManager.NONE, "make build", "make test", "make lint")));
        assertThat(config.sharedPaths()).containsExactly("packages/ui", "packages/core");
        assertThat(config.packageManager()).isEqualTo(PackageManager.PNPM);
        assertThat(config.buildCommand()).isEqualTo("pnpm build");
        assertThat(config.testCommand()).isEqualTo("pnpm test");
        assertThat(config.validateCommand()).isEqualTo("pnpm typecheck");
        assertThat(config.linearCli()).isEqualTo("./tools/af-linear.sh");
    }

    @Test
    void readsAllowedProjects() throws IOException {
        write(".donmai/config.yaml", """
                apiVersion: v1
                kind: RepositoryConfig
                allowedProjects:
                  - Agent
                  - Social
                """);

        RepositoryConfig config = RepositoryConfigLoader.loadBlocking(repo);

        assertThat(config.allowedProjects()).containsExactly("Agent", "Social");
        assertThat(config.effectiveAllowedProjects()).containsExactly("Agent", "Social");
    }

    @Test
    void effectiveAllowedProjectsFollowTheOrderOfProjectPathsInTheFile() throws IOException {
        write(".donmai/config.yaml", """
                kind: RepositoryConfig
                projectPaths:
                  Zeta: apps/zeta
                  Alpha: apps/alpha
                  Mid: apps/mid
                """);

        assertThat(RepositoryConfigLoader.loadBlocking(repo).effectiveAllowedProjects())
                .containsExactly("Zeta", "Alpha", "Mid");
    }

    @Test
    void aProjectGivenAsAPathInheritsTheRepositoryPackageManagerAndCommands() throws IOException {
        write(".donmai/config.yaml", """
                kind: RepositoryConfig
                packageManager: yarn
                buildCommand: yarn build
                testCommand: yarn test
                projectPaths:
                  Web: apps/web
                  Api:
                    path: apps/api
                    testCommand: yarn test:api
                """);

        RepositoryConfig config = RepositoryConfigLoader.loadBlocking(repo);

        assertThat(config.project("Web"))
                .contains(new ProjectConfig("apps/web", PackageManager.YARN, "yarn build", "yarn test", ""));
        assertThat(config.project("Api"))
                .contains(new ProjectConfig("apps/api", PackageManager.YARN, "yarn build", "yarn test:api", ""));
    }

    @Test
    void unknownKeysAreIgnored() throws IOException {
        write(".donmai/config.yaml", """
                apiVersion: v1
                kind: RepositoryConfig
                providers:
                  default: claude
                mergeQueue: {enabled: true, strategy: rebase}
                futureKey: [1, 2, 3]
                testCommand: make test
                """);

        assertThat(RepositoryConfigLoader.loadBlocking(repo).testCommand()).isEqualTo("make test");
    }

    @Test
    void scalarValuesAreReadAsWritten() throws IOException {
        write(".donmai/config.yaml", """
                apiVersion: 1
                kind: RepositoryConfig
                packageManager: gradle
                allowedProjects: [2024, true]
                """);

        RepositoryConfig config = RepositoryConfigLoader.loadBlocking(repo);

        assertThat(config.apiVersion()).isEqualTo("1");
        assertThat(config.packageManager().value()).isEqualTo("gradle");
        assertThat(config.packageManager().isKnown()).isFalse();
        assertThat(config.allowedProjects()).containsExactly("2024", "true");
    }

    @Test
    void fallsBackToTheLegacyAgentfactoryFile() throws IOException {
        write(".agentfactory/config.yaml", """
                kind: RepositoryConfig
                repository: github.com/acme/legacy
                """);

        assertThat(RepositoryConfigLoader.loadBlocking(repo).repository()).isEqualTo("github.com/acme/legacy");
    }

    @Test
    void prefersTheDonmaiFileOverTheLegacyOne() throws IOException {
        write(".donmai/config.yaml", "kind: RepositoryConfig\nrepository: github.com/acme/new\n");
        write(".agentfactory/config.yaml", "kind: RepositoryConfig\nrepository: github.com/acme/legacy\n");

        assertThat(RepositoryConfigLoader.loadBlocking(repo).repository()).isEqualTo("github.com/acme/new");
    }

    @Test
    void noConfigFileIsNotFoundNamingTheDonmaiPath() {
        assertThatThrownBy(() -> RepositoryConfigLoader.loadBlocking(repo))
                .isInstanceOfSatisfying(ConfigFileNotFoundException.class, e -> {
                    assertThat(e.file()).isEqualTo(repo.resolve(".donmai/config.yaml").toString());
                    assertThat(e.line()).isEmpty();
                    assertThat(e.isRetryable()).isFalse();
                })
                .hasMessageContaining(".donmai/config.yaml")
                .hasMessageContaining(".agentfactory/config.yaml");
    }

    @Test
    void anEmptyFileIsAKindMismatch() throws IOException {
        write(".donmai/config.yaml", "");

        assertThatThrownBy(() -> RepositoryConfigLoader.loadBlocking(repo))
                .isInstanceOfSatisfying(ConfigKindMismatchException.class, e -> {
                    assertThat(e.file()).isEqualTo(repo.resolve(".donmai/config.yaml").toString());
                    assertThat(e.expectedKind()).isEqualTo("RepositoryConfig");
                    assertThat(e.actualKind()).isEmpty();
                })
                .hasMessageContaining("kind is missing");
    }

    @Test
    void aWrongKindIsAKindMismatchAtItsLine() throws IOException {
        write(".donmai/config.yaml", """
                apiVersion: v1
                kind: DaemonConfig
                """);

        assertThatThrownBy(() -> RepositoryConfigLoader.loadBlocking(repo))
                .isInstanceOfSatisfying(ConfigKindMismatchException.class, e -> {
                    assertThat(e.actualKind()).isEqualTo("DaemonConfig");
                    assertThat(e.line()).hasValue(2);
                })
                .hasMessage(repo.resolve(".donmai/config.yaml") + ":2: kind is DaemonConfig; expected RepositoryConfig");
    }

    @Test
    void kindIsCaseSensitive() throws IOException {
        write(".donmai/config.yaml", "kind: repositoryconfig\n");

        assertThatThrownBy(() -> RepositoryConfigLoader.loadBlocking(repo))
                .isInstanceOf(ConfigKindMismatchException.class);
    }

    @Test
    void allowedProjectsAndProjectPathsBothNonEmptyAreMutuallyExclusive() throws IOException {
        write(".donmai/config.yaml", """
                kind: RepositoryConfig
                allowedProjects: [Agent]
                projectPaths:
                  Family: apps/family
                """);

        assertThatThrownBy(() -> RepositoryConfigLoader.loadBlocking(repo))
                .isInstanceOfSatisfying(MutuallyExclusiveKeysException.class, e -> {
                    assertThat(e.keys()).containsExactly("allowedProjects", "projectPaths");
                    assertThat(e.line()).hasValue(3);
                    assertThat(e.file()).endsWith("config.yaml");
                });
    }

    @Test
    void anEmptyAllowedProjectsBesideProjectPathsIsAccepted() throws IOException {
        write(".donmai/config.yaml", """
                kind: RepositoryConfig
                allowedProjects: []
                projectPaths:
                  Family: apps/family
                """);

        assertThat(RepositoryConfigLoader.loadBlocking(repo).effectiveAllowedProjects()).containsExactly("Family");
    }

    @Test
    void aProjectEntryWithNoValueIsAClearErrorAtItsLine() throws IOException {
        write(".donmai/config.yaml", """
                kind: RepositoryConfig
                projectPaths:
                  Family: apps/family
                  Social:
                """);

        assertThatThrownBy(() -> RepositoryConfigLoader.loadBlocking(repo))
                .isExactlyInstanceOf(ConfigFileException.class)
                .hasMessageContaining(":4: projectPaths.Social has no value")
                .satisfies(e -> assertThat(((ConfigFileException) e).line()).hasValue(4));
    }

    @Test
    void aProjectMappingWithoutAPathIsAnError() throws IOException {
        write(".donmai/config.yaml", """
                kind: RepositoryConfig
                projectPaths:
                  Family:
                    buildCommand: make
                """);

        assertThatThrownBy(() -> RepositoryConfigLoader.loadBlocking(repo))
                .isExactlyInstanceOf(ConfigFileException.class)
                .hasMessageContaining(":4: projectPaths.Family has no path");
    }

    @Test
    void aListWhereAStringBelongsIsAnErrorAtItsLine() throws IOException {
        write(".donmai/config.yaml", """
                kind: RepositoryConfig
                buildCommand:
                  - make
                """);

        assertThatThrownBy(() -> RepositoryConfigLoader.loadBlocking(repo))
                .isExactlyInstanceOf(ConfigFileException.class)
                .hasMessageContaining(":3: buildCommand must be a string, not a list");
    }

    @Test
    void malformedYamlIsReportedWithTheFileAndLine() throws IOException {
        write(".donmai/config.yaml", """
                kind: RepositoryConfig
                projectPaths:
                  Family: apps/family
                 Social: [unclosed
                """);

        assertThatThrownBy(() -> RepositoryConfigLoader.loadBlocking(repo))
                .isInstanceOfSatisfying(MalformedYamlException.class, e -> {
                    assertThat(e.file()).isEqualTo(repo.resolve(".donmai/config.yaml").toString());
                    assertThat(e.line()).hasValue(4);
                })
                .hasMessageContaining("config.yaml:4: while parsing a block mapping");
    }

    @Test
    void loadReadsTheFileOnBoundedElasticWhenSubscribedFromANonBlockingThread() throws IOException {
        write(".donmai/config.yaml", "kind: RepositoryConfig\n");

        assertReadsOnBoundedElastic(() -> RepositoryConfigLoader.load(repo));
    }

    @Test
    void loadSignalsErrorsOnSubscriptionNotOnAssembly() {
        Mono<RepositoryConfig> config = RepositoryConfigLoader.load(repo);

        StepVerifier.create(config)
                .expectError(ConfigFileNotFoundException.class)
                .verify(Duration.ofSeconds(10));
    }

    private void write(String relative, String content) throws IOException {
        Path file = repo.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
