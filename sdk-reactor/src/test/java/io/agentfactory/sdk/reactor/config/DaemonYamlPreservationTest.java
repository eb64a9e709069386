package io.agentfactory.sdk.reactor.config;

import static io.agentfactory.sdk.reactor.config.ConfigFiles.project;
import static io.agentfactory.sdk.reactor.config.ConfigFiles.resource;
import static io.agentfactory.sdk.reactor.config.ConfigFiles.text;
import static io.agentfactory.sdk.reactor.config.ConfigFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.agentfactory.sdk.config.CapacityConfig;
import io.agentfactory.sdk.config.CloneStrategy;
import io.agentfactory.sdk.config.CredentialHelper;
import io.agentfactory.sdk.config.CredentialHelperKind;
import io.agentfactory.sdk.config.DaemonYAML;
import io.agentfactory.sdk.config.ProjectEntry;

/** Writing daemon.yaml changes projects and capacity only: sdk-api/CONTRACT.md §5 "Write". */
class DaemonYamlPreservationTest {

    @TempDir
    Path dir;

    @Test
    void writeReplacesOnlyProjectsAndCapacityOfARealisticFile() {
        String original = resource("realistic-daemon.yaml");
        Path file = write(dir.resolve("daemon.yaml"), original);

        DaemonYamlFiles.update(file, config -> config
                .addOrUpdateProject(new ProjectEntry("", "https://github.com/acme/widgets.git", CloneStrategy.FULL,
                        new CredentialHelper(CredentialHelperKind.PAT, "", "GH_TOKEN")))
                .addOrUpdateProject(new ProjectEntry("foo-bar", "github.com/foo/bar", CloneStrategy.FULL, null))
                .removeProject("github.com/foo/legacy").config()
                .withCapacity(new CapacityConfig(6, 0)));

        String written = text(file);
        assertThat(withoutProjectsAndCapacity(written)).isEqualTo(withoutProjectsAndCapacity(original));
        assertThat(written).isEqualTo(resource("realistic-daemon.written.yaml"));
    }

    @Test
    void rewritingTheConfigAsReadLeavesTheFileByteIdentical() {
        String original = resource("realistic-daemon.yaml");
        Path file = write(dir.resolve("daemon.yaml"), original);

        DaemonYamlFiles.write(file, DaemonYamlFiles.read(file));

        assertThat(text(file)).isEqualTo(original);
    }

    @Test
    void missingFileIsCreatedInTheContractLayout() {
        Path file = dir.resolve("daemon.yaml");

        DaemonYamlFiles.write(file, new DaemonYAML(List.of(new ProjectEntry("", "github.com/foo/bar",
                CloneStrategy.SHALLOW, new CredentialHelper(CredentialHelperKind.SSH, "/home/me/.ssh/id_ed25519", ""))),
                new CapacityConfig(4, 50)));

        assertThat(text(file)).isEqualTo("""
                projects:
                  - id: foo-bar
                    repository: github.com/foo/bar
                    cloneStrategy: shallow
                    credentialHelper:
                      kind: ssh
                      sshKeyPath: /home/me/.ssh/id_ed25519
                capacity:
                  maxConcurrentSessions: 4
                  poolMaxDiskGb: 50
                  workareaMaxDiskGb: 50
                """);
    }

    @Test
    void emptyConfigOnAMissingFileIsAnEmptyMapping() {
        Path file = dir.resolve("daemon.yaml");

        DaemonYamlFiles.write(file, DaemonYAML.empty());

        assertThat(text(file)).isEqualTo("{}\n");
    }

    @Test
    void newProjectsAndCapacityAreAppendedAfterTheExistingKeys() {
        Path file = write(dir.resolve("daemon.yaml"), """
                machine:
                  id: m1
                # trailing comment
                """);

        DaemonYamlFiles.update(file, config -> config.addOrUpdateProject(project("github.com/foo/bar"))
                .withCapacity(new CapacityConfig(2, 0)));

        assertThat(text(file)).isEqualTo("""
                machine:
                  id: m1
                projects:
                  - id: foo-bar
                    repository: github.com/foo/bar
                    cloneStrategy: shallow
                capacity:
                  maxConcurrentSessions: 2
                # trailing comment
                """);
    }

    @Test
    void changedValueKeepsItsCommentAndQuotes() {
        Path file = write(dir.resolve("daemon.yaml"), """
                projects:
                  - id: foo-bar
                    repository: github.com/foo/bar
                    cloneStrategy: 'shallow' # fast
                """);

        DaemonYamlFiles.update(file, config -> config.addOrUpdateProject(
                new ProjectEntry("foo-bar", "github.com/foo/bar", CloneStrategy.FULL, null)));

        assertThat(text(file)).isEqualTo("""
                projects:
                  - id: foo-bar
                    repository: github.com/foo/bar
                    cloneStrategy: 'full' # fast
                """);
    }

    @Test
    void absentModelValuesRemoveTheirKeys() {
        Path file = write(dir.resolve("daemon.yaml"), """
                projects:
                  - id: foo-bar
                    repository: github.com/foo/bar
                    cloneStrategy: full
                    credentialHelper:
                      kind: gh
                capacity:
                  maxConcurrentSessions: 4
                  poolMaxDiskGb: 50
                """);

        DaemonYamlFiles.update(file, config -> config
                .addOrUpdateProject(new ProjectEntry("foo-bar", "github.com/foo/bar", CloneStrategy.of(""), null))
                .withCapacity(new CapacityConfig(0, 50)));

        assertThat(text(file)).isEqualTo("""
                projects:
                  - id: foo-bar
                    repository: github.com/foo/bar
                capacity:
                  poolMaxDiskGb: 50
                """);
    }

    @Test
    void explicitZeroValuesThatAlreadyMatchTheModelAreKept() {
        Path file = write(dir.resolve("daemon.yaml"), """
                capacity:
                  maxConcurrentSessions: 0
                  poolMaxDiskGb: 50
                """);

        DaemonYamlFiles.update(file, config -> config.withCapacity(new CapacityConfig(0, 60)));

        assertThat(text(file)).isEqualTo("""
                capacity:
                  maxConcurrentSessions: 0
                  poolMaxDiskGb: 60
                  workareaMaxDiskGb: 60
                """);
    }

    @Test
    void legacyRepoUrlIsRewrittenAsRepositoryInPlace() {
        Path file = write(dir.resolve("daemon.yaml"), """
                projects:
                  - repoUrl: github.com/old/one # legacy key
                    cloneStrategy: full
                """);

        DaemonYamlFiles.update(file, config -> config.addOrUpdateProject(project("github.com/new/two")));

        assertThat(text(file)).isEqualTo("""
                projects:
                  - id: old-one
                    repository: github.com/old/one # legacy key
                    cloneStrategy: full
                  - id: new-two
                    repository: github.com/new/two
                    cloneStrategy: shallow
                """);
    }

    @Test
    void emptyFlowListBecomesABlockWhenFilledAndAnEmptiedListStays() {
        Path file = write(dir.resolve("daemon.yaml"), "projects: []\n");

        DaemonYamlFiles.update(file, config -> config.addOrUpdateProject(project("github.com/foo/bar")));
        String filled = text(file);
        DaemonYamlFiles.update(file, config -> config.removeProject("github.com/foo/bar").config());

        assertThat(filled).isEqualTo("""
                projects:
                  - id: foo-bar
                    repository: github.com/foo/bar
                    cloneStrategy: shallow
                """);
        assertThat(text(file)).isEqualTo("projects: []\n");
    }

    @Test
    void commentOnlyFileKeepsItsCommentsAboveTheNewContent() {
        Path file = write(dir.resolve("daemon.yaml"), "# written by hand\n\n# projects follow\n");

        DaemonYamlFiles.update(file, config -> config.withCapacity(new CapacityConfig(1, 0)));

        assertThat(text(file)).isEqualTo("""
                # written by hand

                # projects follow
                capacity:
                  maxConcurrentSessions: 1
                """);
    }

    @Test
    void documentMarkersAndCrlfLineBreaksAreKept() {
        Path file = write(dir.resolve("daemon.yaml"), "---\r\nmachine:\r\n  id: m1\r\ncapacity:\r\n  poolMaxDiskGb: 5\r\n...\r\n");

        DaemonYamlFiles.update(file, config -> config.withCapacity(new CapacityConfig(0, 9)));

        assertThat(text(file)).isEqualTo("---\r\nmachine:\r\n  id: m1\r\ncapacity:\r\n  poolMaxDiskGb: 9\r\n  workareaMaxDiskGb: 9\r\n...\r\n");
    }

    @Test
    void fourSpaceIndentationIsKept() {
        Path file = write(dir.resolve("daemon.yaml"), """
                machine:
                    id: m1
                    labels:
                      - a
                """);

        DaemonYamlFiles.update(file, config -> config.addOrUpdateProject(project("github.com/foo/bar")));

        assertThat(text(file)).isEqualTo("""
                machine:
                    id: m1
                    labels:
                      - a
                projects:
                  - id: foo-bar
                    repository: github.com/foo/bar
                    cloneStrategy: shallow
                """);
    }

    @Test
    void sequenceDashesFlushWithTheirKeyStayFlush() {
        Path file = write(dir.resolve("daemon.yaml"), """
                projects:
                - id: foo-bar
                  repository: github.com/foo/bar
                """);

        DaemonYamlFiles.update(file, config -> config.addOrUpdateProject(project("github.com/foo/baz")));

        assertThat(text(file)).isEqualTo("""
                projects:
                - id: foo-bar
                  repository: github.com/foo/bar
                - id: foo-baz
                  repository: github.com/foo/baz
                  cloneStrategy: shallow
                """);
    }

    @Test
    void aliasedValueIsCopiedBeforeAChangeSoItsOtherUsersKeepTheirValue() {
        Path file = write(dir.resolve("daemon.yaml"), """
                projects:
                  - id: a
                    repository: github.com/a/a
                    credentialHelper: &ssh {kind: ssh, sshKeyPath: /k}
                  - id: b
                    repository: github.com/b/b
                    credentialHelper: *ssh
                """);

        DaemonYamlFiles.update(file, config -> config.addOrUpdateProject(new ProjectEntry("b", "github.com/b/b",
                CloneStrategy.of(""), new CredentialHelper(CredentialHelperKind.PAT, "", "GH_TOKEN"))));

        assertThat(text(file)).isEqualTo("""
                projects:
                  - id: a
                    repository: github.com/a/a
                    credentialHelper: &ssh {kind: ssh, sshKeyPath: /k}
                  - id: b
                    repository: github.com/b/b
                    credentialHelper: {kind: pat, envVarName: GH_TOKEN}
                """);
    }

    @Test
    void aliasedProjectsListIsCopiedBeforeAChangeSoItsAliasKeepsTheOldList() {
        Path file = write(dir.resolve("daemon.yaml"), """
                projects: &known
                  - id: a
                    repository: github.com/a/a
                lastKnownGood: *known
                """);

        DaemonYamlFiles.update(file, config -> config.addOrUpdateProject(project("github.com/b/b")));

        assertThat(text(file)).isEqualTo("""
                projects:
                  - id: a
                    repository: github.com/a/a
                  - id: b-b
                    repository: github.com/b/b
                    cloneStrategy: shallow
                lastKnownGood: &known
                  - id: a
                    repository: github.com/a/a
                """);
    }

    @Test
    void valueSuppliedByAMergeKeyIsLeftToTheMergeWhileItMatches() {
        String original = """
                defaults: &defaults
                  cloneStrategy: full
                projects:
                  - <<: *defaults
                    id: foo-bar
                    repository: github.com/foo/bar
                """;
        Path file = write(dir.resolve("daemon.yaml"), original);

        DaemonYamlFiles.update(file, config -> config.addOrUpdateProject(project("github.com/foo/baz")));

        assertThat(text(file)).isEqualTo(original + """
                  - id: foo-baz
                    repository: github.com/foo/baz
                    cloneStrategy: shallow
                """);
    }

    @Test
    void valueSuppliedByAMergeKeyIsOverriddenExplicitlyWhenTheModelClearsIt() {
        Path file = write(dir.resolve("daemon.yaml"), """
                defaults: &defaults
                  cloneStrategy: full
                projects:
                  - <<: *defaults
                    id: foo-bar
                    repository: github.com/foo/bar
                """);

        DaemonYamlFiles.update(file, config -> config.addOrUpdateProject(
                new ProjectEntry("foo-bar", "github.com/foo/bar", CloneStrategy.of(""), null)));

        assertThat(text(file)).endsWith("""
                    repository: github.com/foo/bar
                    cloneStrategy: ''
                """);
        assertThat(DaemonYamlFiles.read(file).projects().get(0).cloneStrategy().value()).isEmpty();
    }

    /**
     * What the YAML emitter (snakeyaml-engine) rewrites in parts a write does not change: see the
     * package documentation. The values are the same; only their spelling differs.
     */
    @Test
    void emitterNormalizesTheseSpellingsOnEveryWrite() {
        Path file = write(dir.resolve("daemon.yaml"), resource("normalized.before.yaml"));

        DaemonYamlFiles.write(file, DaemonYamlFiles.read(file));

        assertThat(text(file)).isEqualTo(resource("normalized.after.yaml"));
    }

    /** The text with the top-level projects and capacity blocks cut out. */
    private static String withoutProjectsAndCapacity(String text) {
        return Pattern.compile("(?m)^(projects|capacity):.*\\n(?:[ -].*\\n)*").matcher(text).replaceAll("");
    }
}
