package io.agentfactory.sdk.reactor.config;

import static io.agentfactory.sdk.reactor.config.ConfigFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.agentfactory.sdk.config.CapacityConfig;
import io.agentfactory.sdk.config.CloneStrategy;
import io.agentfactory.sdk.config.CredentialHelper;
import io.agentfactory.sdk.config.CredentialHelperKind;
import io.agentfactory.sdk.config.DaemonYAML;
import io.agentfactory.sdk.config.ProjectEntry;

/** Reading daemon.yaml: sdk-api/CONTRACT.md §5 "Read". */
class DaemonYamlReadingTest {

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger readerLog = (Logger) LoggerFactory.getLogger(DaemonYamlReader.class);

    @BeforeEach
    void captureLog() {
        logged.start();
        readerLog.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        readerLog.detachAppender(logged);
    }

    @Test
    void missingFileReadsAsTheEmptyConfig() {
        assertThat(DaemonYamlFiles.read(dir.resolve("absent/daemon.yaml"))).isEqualTo(DaemonYAML.empty());
    }

    @Test
    void emptyAndCommentOnlyFilesReadAsTheEmptyConfig() {
        assertThat(DaemonYamlFiles.read(write(dir.resolve("empty.yaml"), ""))).isEqualTo(DaemonYAML.empty());
        assertThat(DaemonYamlFiles.read(write(dir.resolve("comments.yaml"), "# nothing yet\n")))
                .isEqualTo(DaemonYAML.empty());
        assertThat(DaemonYamlFiles.read(write(dir.resolve("null.yaml"), "---\n"))).isEqualTo(DaemonYAML.empty());
    }

    @Test
    void realisticFileReadsItsProjectsAndCapacity() {
        Path file = write(dir.resolve("daemon.yaml"), ConfigFiles.resource("realistic-daemon.yaml"));

        assertThat(DaemonYamlFiles.read(file)).isEqualTo(new DaemonYAML(List.of(
                new ProjectEntry("foo-bar", "github.com/foo/bar", CloneStrategy.SHALLOW,
                        new CredentialHelper(CredentialHelperKind.SSH, "/home/me/.ssh/id_ed25519", "")),
                new ProjectEntry("foo-legacy", "github.com/foo/legacy", CloneStrategy.FULL, null)),
                new CapacityConfig(4, 50)));
    }

    @Test
    void blankIdIsDerivedFromTheRepository() {
        Path file = write(dir.resolve("daemon.yaml"), """
                projects:
                  - repository: https://github.com/Foo/Bar.git
                  - id: ""
                    repository: git@github.com:foo/qux.git
                """);

        assertThat(DaemonYamlFiles.read(file).projects()).extracting(ProjectEntry::id).containsExactly("foo-bar",
                "foo-qux");
    }

    @Test
    void legacyRepoUrlIsAcceptedWithOneWarningPerRead() {
        Path file = write(dir.resolve("daemon.yaml"), """
                projects:
                  - repoUrl: github.com/old/one
                  - repoUrl: github.com/old/two
                  - repository: github.com/new/three
                """);

        DaemonYAML config = DaemonYamlFiles.read(file);

        assertThat(config.projects()).extracting(ProjectEntry::repository)
                .containsExactly("github.com/old/one", "github.com/old/two", "github.com/new/three");
        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains(file.toString(), "[2, 3]", "repoUrl", "repository");
        });
    }

    @Test
    void nullProjectsAndCapacityReadAsEmpty() {
        Path file = write(dir.resolve("daemon.yaml"), "projects:\ncapacity: ~\n");

        assertThat(DaemonYamlFiles.read(file)).isEqualTo(DaemonYAML.empty());
    }

    @Test
    void capacityAcceptsEveryYamlCoreIntegerForm() {
        Path file = write(dir.resolve("daemon.yaml"), "capacity: {maxConcurrentSessions: 0x1F, poolMaxDiskGb: 0o17}\n");

        assertThat(DaemonYamlFiles.read(file).capacity()).isEqualTo(new CapacityConfig(31, 15));
    }

    @Test
    void mergeKeysSupplyProjectFieldsAsTheDaemonReadsThem() {
        Path file = write(dir.resolve("daemon.yaml"), """
                defaults: &defaults
                  cloneStrategy: full
                  credentialHelper: {kind: gh}
                projects:
                  - <<: *defaults
                    repository: github.com/foo/bar
                """);

        assertThat(DaemonYamlFiles.read(file).projects()).containsExactly(new ProjectEntry("foo-bar",
                "github.com/foo/bar", CloneStrategy.FULL, new CredentialHelper(CredentialHelperKind.GH, "", "")));
    }

    @Test
    void unknownValuesOfExtensibleEnumsAreKept() {
        Path file = write(dir.resolve("daemon.yaml"), """
                projects:
                  - repository: github.com/foo/bar
                    cloneStrategy: sparse
                    credentialHelper: {kind: vault}
                """);

        ProjectEntry project = DaemonYamlFiles.read(file).projects().get(0);

        assertThat(project.cloneStrategy().value()).isEqualTo("sparse");
        assertThat(project.credentialHelper().kind().value()).isEqualTo("vault");
    }
}
