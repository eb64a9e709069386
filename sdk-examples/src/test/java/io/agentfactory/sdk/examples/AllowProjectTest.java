package io.agentfactory.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.config.CloneStrategy;
import io.agentfactory.sdk.config.ProjectEntry;
import io.agentfactory.sdk.error.ConfigFileException;
import io.agentfactory.sdk.reactor.config.DaemonYamlFiles;
import io.agentfactory.sdk.reactor.config.DaemonYamlStore;

/** Example 6: allowing a project edits daemon.yaml under its lock, atomically, keeping everything else. */
class AllowProjectTest extends SimulatedServicesPerTest {

    private static final String DAEMON_YAML = """
            # written by hand
            apiVersion: donmai.dev/v1
            machine:
              id: build-box   # keep me
            projects:
              - id: foo-bar
                repository: github.com/foo/bar
                cloneStrategy: full
            capacity:
              maxConcurrentSessions: 2
            """;

    @TempDir
    Path directory;

    @Test
    void theRepositoryIsAddedAndEveryOtherKeyAndCommentKept() throws Exception {
        Path file = write(DAEMON_YAML);

        AllowProject.Change change = new AllowProject(DaemonYamlStore.at(file)).allow("github.com/acme/mobile-app").block();

        assertThat(change.added()).isTrue();
        assertThat(change.before()).extracting(ProjectEntry::repository).containsExactly("github.com/foo/bar");
        assertThat(change.after()).containsExactly(
                new ProjectEntry("foo-bar", "github.com/foo/bar", CloneStrategy.FULL, null),
                new ProjectEntry("acme-mobile-app", "github.com/acme/mobile-app", CloneStrategy.SHALLOW, null));
        assertThat(change.fileAfter()).isEqualTo(Files.readAllLines(file));
        assertThat(change.fileAfter()).contains("# written by hand", "apiVersion: donmai.dev/v1", "  maxConcurrentSessions: 2")
                .anySatisfy(line -> assertThat(line).contains("id: build-box").contains("# keep me"));
    }

    @Test
    void allowingARepositoryThatIsAlreadyAllowedWritesNothing() throws Exception {
        Path file = write(DAEMON_YAML);
        FileTime written = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, written);

        AllowProject.Change change = new AllowProject(DaemonYamlStore.at(file)).allow("github.com/foo/bar").block();

        assertThat(change.added()).isFalse();
        assertThat(change.after()).isEqualTo(change.before());
        assertThat(Files.readString(file)).isEqualTo(DAEMON_YAML);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(written);
    }

    @Test
    void aMissingFileIsCreatedReadableByItsOwnerOnly() throws Exception {
        Path file = directory.resolve("new/.donmai/daemon.yaml");

        AllowProject.Change change = new AllowProject(DaemonYamlStore.at(file)).allow("github.com/acme/mobile-app").block();

        assertThat(change.before()).isEmpty();
        assertThat(DaemonYamlFiles.read(file).projects()).extracting(ProjectEntry::repository)
                .containsExactly("github.com/acme/mobile-app");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aBrokenFileFailsNamingFileAndLineAndIsLeftAsItWas() throws Exception {
        String broken = "apiVersion: donmai.dev/v1\nprojects:\n  - repository: [unclosed\n";
        Path file = write(broken);

        StepVerifier.create(new AllowProject(DaemonYamlStore.at(file)).allow("github.com/acme/mobile-app"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(ConfigFileException.class, bad -> {
                    assertThat(bad.file()).isEqualTo(file.toString());
                    assertThat(bad.line()).isPresent();
                }))
                .verify(Duration.ofSeconds(10));
        assertThat(Files.readString(file)).isEqualTo(broken);
    }

    @Test
    void allowsRunningAtOnceLoseNoProject() throws Exception {
        Path file = write(DAEMON_YAML);
        AllowProject allow = new AllowProject(DaemonYamlStore.at(file));
        List<String> repositories = IntStream.range(0, 8).mapToObj(i -> "github.com/acme/service-" + i).toList();

        Flux.fromIterable(repositories).flatMap(allow::allow).then().block(Duration.ofSeconds(30));

        assertThat(DaemonYamlFiles.read(file).projects()).extracting(ProjectEntry::repository)
                .hasSize(9).containsAll(repositories);
    }

    @Test
    void theSimulatedDaemonAllowsTheRepositoryOnceTheFileSaysSo() {
        String repository = "github.com/acme/mobile-app";
        assertThat(AllowProject.daemonAllows(services.daemon(), repository).block()).isFalse();

        new AllowProject(DaemonYamlStore.at(services.daemonYaml())).allow(repository).block();

        assertThat(AllowProject.daemonAllows(services.daemon(), repository).block()).isTrue();
        assertThat(services.daemon().getStatus().block().projectsAllowed()).isEqualTo(4);
    }

    @Test
    void runPrintsBeforeAfterAndTheFileAndPassesItsCheck() {
        assertThat(AllowProject.run(services, out)).isTrue();
        assertThat(out.text()).contains("  after:  [github.com/acme/platform-api, github.com/acme/web-console, "
                + "github.com/acme/billing-service, github.com/acme/mobile-app]",
                "    | # Worker daemon configuration", "the daemon now allows github.com/acme/mobile-app: yes");
    }

    private Path write(String text) throws Exception {
        Path file = directory.resolve("daemon.yaml");
        Files.writeString(file, text);
        return file;
    }
}
