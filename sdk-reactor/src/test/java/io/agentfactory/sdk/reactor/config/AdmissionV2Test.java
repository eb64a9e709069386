package io.agentfactory.sdk.reactor.config;

import static io.agentfactory.sdk.reactor.config.ConfigFiles.text;
import static io.agentfactory.sdk.reactor.config.ConfigFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.agentfactory.sdk.config.CapacityConfig;
import io.agentfactory.sdk.config.CloneStrategy;
import io.agentfactory.sdk.config.CredentialHelper;
import io.agentfactory.sdk.config.CredentialHelperKind;
import io.agentfactory.sdk.config.DaemonYAML;
import io.agentfactory.sdk.config.ProjectAdmissionMode;
import io.agentfactory.sdk.config.ProjectEntry;
import io.agentfactory.sdk.config.RepositoryEntry;
import io.agentfactory.sdk.error.ConfigFileException;

/**
 * Admission v2 in {@code daemon.yaml} (upstream afclient/daemon_config.go): the version key,
 * {@code enabledProjectIds} independent of {@code repositories}, the legacy projects migrated on
 * read, the {@code projects} compatibility projection, and the admission mode with its
 * normalization. Every write is checked byte for byte, comments and unknown keys included.
 */
class AdmissionV2Test {

    private static final String LEGACY = """
            # the daemon's own settings
            machine:
              id: m1 # keep me
            projects:
              - repository: github.com/foo/bar # no id: derived
              - id: api
                repository: https://GitHub.com/Acme/API.git
                cloneStrategy: full
            orchestrator: {url: 'https://example.invalid'}
            """;

    @TempDir
    Path dir;

    @Test
    void legacyProjectsAreMigratedOnReadButNotWrittenBackAsV2() {
        Path file = write(dir.resolve("daemon.yaml"), LEGACY);

        DaemonYAML config = DaemonYamlFiles.read(file);

        assertThat(config.projectAdmissionVersion()).isZero();
        assertThat(config.enabledProjectIds()).containsExactly("api", "foo-bar");
        assertThat(config.repositories()).containsExactly(
                new RepositoryEntry("repo-c0948d9d7f30", "", "api", "https://GitHub.com/Acme/API.git", false,
                        CloneStrategy.FULL, null),
                new RepositoryEntry("repo-25ac28a65efe", "", "foo-bar", "github.com/foo/bar", false,
                        CloneStrategy.of(""), null));
        assertThat(config.admits("foo-bar")).isTrue();
        assertThat(config.admits("other")).isFalse();

        DaemonYamlFiles.update(file, c -> c.withCapacity(new CapacityConfig(3, 0)));

        // still legacy: only the capacity and the derived id (as every write derives it) are new
        assertThat(text(file)).isEqualTo(LEGACY
                .replace("  - repository: github.com/foo/bar", "  - id: foo-bar\n    repository: github.com/foo/bar")
                .replace("orchestrator: {url: 'https://example.invalid'}\n",
                        "orchestrator: {url: 'https://example.invalid'}\ncapacity:\n  maxConcurrentSessions: 3\n"));
    }

    @Test
    void migratingWritesTheVersionTheEnabledIdsAndTheRepositoriesKeepingEverythingElse() {
        Path file = write(dir.resolve("daemon.yaml"), LEGACY);

        DaemonYamlFiles.update(file, DaemonYAML::migrateToAdmissionV2);

        assertThat(text(file)).isEqualTo("""
                # the daemon's own settings
                machine:
                  id: m1 # keep me
                projects:
                  - id: api
                    repository: https://GitHub.com/Acme/API.git
                    cloneStrategy: full
                  - id: foo-bar
                    repository: github.com/foo/bar # no id: derived
                orchestrator: {url: 'https://example.invalid'}
                projectAdmissionVersion: 2
                enabledProjectIds:
                  - api
                  - foo-bar
                repositories:
                  - id: repo-c0948d9d7f30
                    projectId: api
                    source: https://GitHub.com/Acme/API.git
                    cloneStrategy: full
                  - id: repo-25ac28a65efe
                    projectId: foo-bar
                    source: github.com/foo/bar
                """);
        DaemonYAML reread = DaemonYamlFiles.read(file);
        assertThat(reread.isAdmissionV2()).isTrue();
        assertThat(reread.enabledProjectIds()).containsExactly("api", "foo-bar");
    }

    @Test
    void aProjectCanBeEnabledBeforeItHasARepositoryAndDisabledWithoutLosingIts() {
        Path file = write(dir.resolve("daemon.yaml"), """
                projectAdmissionVersion: 2
                enabledProjectIds: [widgets]
                repositories:
                  - id: repo-9e32623b2619
                    projectId: widgets
                    source: github.com/acme/widgets
                    pathId: github:acme/widgets # provider identity
                    futureKey: kept
                projects:
                  - id: widgets
                    repository: github.com/acme/widgets
                """);

        DaemonYamlFiles.update(file, c -> c.enableProject("lonely").disableProject("widgets"));

        assertThat(text(file)).isEqualTo("""
                projectAdmissionVersion: 2
                enabledProjectIds:
                  - lonely
                repositories:
                  - id: repo-9e32623b2619
                    projectId: widgets
                    source: github.com/acme/widgets
                    pathId: github:acme/widgets # provider identity
                    futureKey: kept
                projects: []
                """);
        DaemonYAML reread = DaemonYamlFiles.read(file);
        assertThat(reread.isProjectEnabled("lonely")).isTrue();
        assertThat(reread.repositories()).singleElement()
                .satisfies(r -> assertThat(r.pathId()).isEqualTo("github:acme/widgets"));
        assertThat(reread.projects()).isEmpty();
    }

    @Test
    void addingAProjectUnderV2AddsARepositoryEnablesItAndProjectsIt() {
        Path file = write(dir.resolve("daemon.yaml"), """
                projectAdmissionVersion: 2
                enabledProjectIds: []
                repositories: []
                """);

        DaemonYamlFiles.update(file, c -> c.addOrUpdateProject(new ProjectEntry("", "github.com/foo/bar",
                CloneStrategy.SHALLOW, new CredentialHelper(CredentialHelperKind.GH, "", ""))));

        assertThat(text(file)).isEqualTo("""
                projectAdmissionVersion: 2
                enabledProjectIds:
                  - foo-bar
                repositories:
                  - id: repo-25ac28a65efe
                    projectId: foo-bar
                    source: github.com/foo/bar
                    cloneStrategy: shallow
                    credentialHelper:
                      kind: gh
                projects:
                  - id: foo-bar
                    repository: github.com/foo/bar
                    cloneStrategy: shallow
                    credentialHelper:
                      kind: gh
                """);
    }

    @Test
    void removingTheLastRepositoryOfAProjectDisablesIt() {
        DaemonYAML two = DaemonYAML.empty().migrateToAdmissionV2()
                .addOrUpdateProject(new ProjectEntry("foo-bar", "github.com/foo/bar", null, null))
                .addOrUpdateProject(new ProjectEntry("foo-bar", "github.com/foo/tools", null, null));

        DaemonYAML one = two.removeProject("GitHub.com/Foo/Bar.git/").config();
        DaemonYAML none = one.removeProject("github.com/foo/tools").config();

        assertThat(one.isProjectEnabled("foo-bar")).isTrue();
        assertThat(one.repositories()).extracting(RepositoryEntry::id).containsExactly("repo-9a67d6448aa8");
        assertThat(none.enabledProjectIds()).isEmpty();
        assertThat(none.projects()).isEmpty();
    }

    @Test
    void allRoutedIsWrittenOnlyWhenChosenAndRemovedWhenConsentIsWithdrawn() {
        String original = """
                projectAdmissionVersion: 2 # v2
                enabledProjectIds: []
                repositories: []
                projects: []
                unknown: retained
                """;
        Path file = write(dir.resolve("daemon.yaml"), original);

        DaemonYamlFiles.update(file, c -> c.withProjectAdmissionMode(ProjectAdmissionMode.ALL_ROUTED));

        assertThat(text(file)).isEqualTo(original + "projectAdmissionMode: all-routed\n");
        assertThat(DaemonYamlFiles.read(file).admitsAnyRoutedProject()).isTrue();

        DaemonYamlFiles.update(file, c -> c.withProjectAdmissionMode(ProjectAdmissionMode.ENUMERATED));

        assertThat(text(file)).isEqualTo(original);
    }

    @Test
    void theModeIsNormalizedAsTheDaemonReadsIt() {
        assertThat(ProjectAdmissionMode.normalize(" All-Routed ")).isEqualTo(ProjectAdmissionMode.ALL_ROUTED);
        assertThat(ProjectAdmissionMode.normalize("all_routed")).isEqualTo(ProjectAdmissionMode.ENUMERATED);
        assertThat(ProjectAdmissionMode.normalize("")).isEqualTo(ProjectAdmissionMode.ENUMERATED);
        assertThat(ProjectAdmissionMode.normalize(null)).isEqualTo(ProjectAdmissionMode.ENUMERATED);

        String spelled = "projectAdmissionVersion: 2\nenabledProjectIds: []\nrepositories: []\n"
                + "projectAdmissionMode: \"ALL-ROUTED \"\nprojects: []\n";
        Path file = write(dir.resolve("daemon.yaml"), spelled);
        assertThat(DaemonYamlFiles.read(file).projectAdmissionMode()).isEqualTo(ProjectAdmissionMode.ALL_ROUTED);

        DaemonYamlFiles.update(file, c -> c.withCapacity(new CapacityConfig(1, 0)));

        assertThat(text(file)).isEqualTo(spelled + "capacity:\n  maxConcurrentSessions: 1\n");
    }

    @Test
    void aModeUnderTheLegacyContractGrantsNothing() {
        Path file = write(dir.resolve("daemon.yaml"), "projectAdmissionMode: all-routed\nprojects: []\n");

        DaemonYAML config = DaemonYamlFiles.read(file);

        assertThat(config.projectAdmissionMode()).isEqualTo(ProjectAdmissionMode.ALL_ROUTED);
        assertThat(config.admitsAnyRoutedProject()).isFalse();
    }

    @Test
    void aFileUnderANewerAdmissionContractIsNotRewritten() {
        String original = "projectAdmissionVersion: 3\nenabledProjectIds: [a]\n";
        Path file = write(dir.resolve("daemon.yaml"), original);

        assertThatThrownBy(() -> DaemonYamlFiles.update(file, c -> c.withCapacity(new CapacityConfig(2, 0))))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("projectAdmissionVersion 3 is newer than this SDK understands");
        assertThat(text(file)).isEqualTo(original);
    }

    @Test
    void badAdmissionShapesAreRefusedWithTheirLine() {
        Path file = write(dir.resolve("daemon.yaml"), "projectAdmissionVersion: 2\nenabledProjectIds: {a: 1}\n");

        assertThatThrownBy(() -> DaemonYamlFiles.read(file)).isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("enabledProjectIds must be a list")
                .satisfies(e -> assertThat(((ConfigFileException) e).line()).hasValue(2));
    }

    @Test
    void normalizationSortsDeduplicatesAndLetsExplicitRepositoriesWin() {
        DaemonYAML config = new DaemonYAML(2, List.of(" b ", "a", "b", ""), null,
                List.of(new RepositoryEntry("", "github:foo/bar", "foo-bar", "github.com/foo/bar", true, null, null)),
                List.of(new ProjectEntry("foo-bar", "GITHUB.com/foo/bar.git", CloneStrategy.FULL, null)), null, null);

        assertThat(config.enabledProjectIds()).containsExactly("a", "b");
        assertThat(config.repositories()).containsExactly(new RepositoryEntry("repo-25ac28a65efe", "github:foo/bar",
                "foo-bar", "github.com/foo/bar", true, CloneStrategy.of(""), null));
        assertThat(config.projects()).isEmpty(); // foo-bar is not enabled
    }
}
