package io.agentfactory.sdk.reactor.config;

import static io.agentfactory.sdk.reactor.config.ConfigFiles.mode;
import static io.agentfactory.sdk.reactor.config.ConfigFiles.names;
import static io.agentfactory.sdk.reactor.config.ConfigFiles.project;
import static io.agentfactory.sdk.reactor.config.ConfigFiles.text;
import static io.agentfactory.sdk.reactor.config.ConfigFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.agentfactory.sdk.error.ConfigFileException;

/** The write is atomic and owner-only: sdk-api/CONTRACT.md §5, temporary file + rename, 0700 / 0600. */
class AtomicWriteTest {

    private static final String ORIGINAL = "machine:\n  id: m1\nprojects: []\n";

    @TempDir
    Path dir;

    @Test
    void failureBetweenTemporaryWriteAndRenameLeavesTheOldFileAndNoTemporaryFile() {
        Path file = write(dir.resolve("daemon.yaml"), ORIGINAL);
        List<String> seenAtTheFault = new ArrayList<>();
        DaemonYamlFile failing = new DaemonYamlFile(temporary -> {
            seenAtTheFault.add(temporary.getFileName() + " " + mode(temporary) + "\n" + text(temporary));
            throw new IOException("disk full (injected)");
        });

        assertThatThrownBy(() -> failing.update(file, config -> config.addOrUpdateProject(project("github.com/foo/bar"))))
                .isInstanceOfSatisfying(ConfigFileException.class, e -> {
                    assertThat(e.file()).isEqualTo(file.toString());
                    assertThat(e).hasMessageContaining("disk full (injected)");
                });

        assertThat(seenAtTheFault).singleElement().asString()
                .matches("(?s)\\.daemon\\.yaml\\.\\d+\\.tmp rw-------\n.*github.com/foo/bar.*");
        assertThat(text(file)).isEqualTo(ORIGINAL);
        assertThat(names(dir)).containsExactly("daemon.yaml", "daemon.yaml.lock");
    }

    @Test
    void uncheckedFailureBeforeTheRenameAlsoLeavesNoTrace() {
        Path file = write(dir.resolve("daemon.yaml"), ORIGINAL);
        IllegalStateException injected = new IllegalStateException("injected");
        DaemonYamlFile failing = new DaemonYamlFile(temporary -> {
            throw injected;
        });

        assertThatThrownBy(() -> failing.update(file, config -> config.addOrUpdateProject(project("github.com/foo/bar"))))
                .isSameAs(injected);

        assertThat(text(file)).isEqualTo(ORIGINAL);
        assertThat(names(dir)).containsExactly("daemon.yaml", "daemon.yaml.lock");
    }

    @Test
    void failedFirstWriteLeavesNoFile() {
        Path file = dir.resolve("daemon.yaml");
        DaemonYamlFile failing = new DaemonYamlFile(temporary -> {
            throw new IOException("injected");
        });

        assertThatThrownBy(() -> failing.update(file, config -> config.addOrUpdateProject(project("github.com/foo/bar"))))
                .isInstanceOf(ConfigFileException.class);

        assertThat(names(dir)).containsExactly("daemon.yaml.lock");
    }

    @Test
    void theLockIsReleasedAfterAFailedWrite() {
        Path file = write(dir.resolve("daemon.yaml"), ORIGINAL);
        DaemonYamlFile failing = new DaemonYamlFile(temporary -> {
            throw new IOException("injected");
        });
        assertThatThrownBy(() -> failing.update(file, config -> config.addOrUpdateProject(project("github.com/a/a"))))
                .isInstanceOf(ConfigFileException.class);

        DaemonYamlFiles.update(file, config -> config.addOrUpdateProject(project("github.com/b/b")));

        assertThat(DaemonYamlFiles.read(file).projects()).extracting(p -> p.repository()).containsExactly("github.com/b/b");
    }

    @Test
    void missingDirectoriesAreCreated0700AndTheFile0600() {
        assumeTrue(ConfigFiles.posix(dir));
        Path file = dir.resolve("home/.donmai/daemon.yaml");

        DaemonYamlFiles.update(file, config -> config.addOrUpdateProject(project("github.com/foo/bar")));

        assertThat(mode(dir.resolve("home"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("home/.donmai"))).isEqualTo("rwx------");
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("home/.donmai/daemon.yaml.lock"))).isEqualTo("rw-------");
    }

    @Test
    void anExistingReadableFileIsRewritten0600() throws IOException {
        assumeTrue(ConfigFiles.posix(dir));
        Path file = write(dir.resolve("daemon.yaml"), ORIGINAL);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        DaemonYamlFiles.update(file, config -> config.addOrUpdateProject(project("github.com/foo/bar")));

        assertThat(mode(file)).isEqualTo("rw-------");
    }

    @Test
    void anExistingDirectoryKeepsItsMode() throws IOException {
        assumeTrue(ConfigFiles.posix(dir));
        Path existing = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rwxr-x---"));

        DaemonYamlFiles.update(existing.resolve("daemon.yaml"),
                config -> config.addOrUpdateProject(project("github.com/foo/bar")));

        assertThat(mode(existing)).isEqualTo("rwxr-x---");
    }

    @Test
    void unchangedResultDoesNotRewriteTheFile() throws IOException {
        Path file = write(dir.resolve("daemon.yaml"), ORIGINAL);
        Object before = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        assumeTrue(before != null);

        DaemonYamlFiles.update(file, config -> config.removeProject("github.com/not/there").config());

        assertThat(Files.readAttributes(file, BasicFileAttributes.class).fileKey())
                .isEqualTo(before);
    }

    @Test
    void writeAlwaysReplacesTheFile() throws IOException {
        Path file = write(dir.resolve("daemon.yaml"), ORIGINAL);
        Object before = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        assumeTrue(before != null);

        DaemonYamlFiles.write(file, DaemonYamlFiles.read(file));

        assertThat(Files.readAttributes(file, BasicFileAttributes.class).fileKey())
                .isNotEqualTo(before);
        assertThat(text(file)).isEqualTo(ORIGINAL);
    }
}
