package io.agentfactory.sdk.reactor.config;

import static io.agentfactory.sdk.reactor.config.ConfigFiles.bytes;
import static io.agentfactory.sdk.reactor.config.ConfigFiles.names;
import static io.agentfactory.sdk.reactor.config.ConfigFiles.project;
import static io.agentfactory.sdk.reactor.config.ConfigFiles.text;
import static io.agentfactory.sdk.reactor.config.ConfigFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.agentfactory.sdk.config.DaemonYAML;
import io.agentfactory.sdk.config.ProjectEntry;
import io.agentfactory.sdk.error.ConfigFileException;

/**
 * What other writers and hostile files do to a {@code daemon.yaml} update: writers that take no
 * lock, a planted lock link, writers killed mid-write, a file grown past the read limit, numbers
 * made to be slow to parse. Real files and real child processes throughout.
 */
class HostileWriterTest {

    private static final String ORIGINAL = "machine:\n  id: m1\nprojects:\n  - id: foo-bar\n    repository: github.com/foo/bar\n";

    @TempDir
    Path dir;

    // --- a writer that does not take the lock (issue 12, item 20)

    @Test
    void anEditorSavingByRenameBetweenTheReadAndTheRenameIsNotOverwritten() {
        Path file = write(dir.resolve("daemon.yaml"), ORIGINAL);
        AtomicInteger renames = new AtomicInteger();
        DaemonYamlFile racing = new DaemonYamlFile(temporary -> {
            if (renames.getAndIncrement() == 0) {
                // an editor (or the daemon) saves its own version by rename, taking no lock
                Path saved = write(dir.resolve("editor-save"), ORIGINAL + "  - id: editor\n    repository: github.com/editor/added\n");
                Files.move(saved, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        });

        DaemonYAML result = racing.update(file, config -> config.addOrUpdateProject(project("github.com/sdk/added")));

        assertThat(result.projects()).extracting(ProjectEntry::repository)
                .containsExactly("github.com/foo/bar", "github.com/editor/added", "github.com/sdk/added");
        assertThat(DaemonYamlFiles.read(file)).isEqualTo(result);
        assertThat(renames).hasValue(2);
        assertThat(names(dir)).containsExactly("daemon.yaml", "daemon.yaml.lock");
    }

    @Test
    void anEditInPlaceBetweenTheReadAndTheRenameIsNotOverwritten() {
        Path file = write(dir.resolve("daemon.yaml"), ORIGINAL);
        AtomicInteger calls = new AtomicInteger();
        DaemonYamlFile racing = new DaemonYamlFile(temporary -> {
            if (calls.getAndIncrement() == 0) {
                Files.writeString(file, ORIGINAL + "capacity:\n  maxConcurrentSessions: 7\n"); // same inode
            }
        });

        DaemonYAML result = racing.update(file, config -> config.addOrUpdateProject(project("github.com/sdk/added")));

        assertThat(result.capacity().maxConcurrentSessions()).isEqualTo(7);
        assertThat(result.projects()).extracting(ProjectEntry::repository)
                .containsExactly("github.com/foo/bar", "github.com/sdk/added");
        assertThat(DaemonYamlFiles.read(file)).isEqualTo(result);
    }

    @Test
    void aWriterThatChangesTheFileBeforeEveryRenameMakesTheUpdateFailTypedWithoutOverwritingIt() {
        Path file = write(dir.resolve("daemon.yaml"), ORIGINAL);
        AtomicInteger calls = new AtomicInteger();
        DaemonYamlFile racing = new DaemonYamlFile(temporary ->
                Files.writeString(file, ORIGINAL + "# external write " + calls.incrementAndGet() + "\n"));

        assertThatThrownBy(() -> racing.update(file, config -> config.addOrUpdateProject(project("github.com/sdk/added"))))
                .isInstanceOfSatisfying(ConfigFileException.class, e -> assertThat(e)
                        .hasMessageContaining("changed by another writer during each of " + DaemonYamlFile.MAX_ATTEMPTS));

        assertThat(calls).hasValue(DaemonYamlFile.MAX_ATTEMPTS);
        assertThat(text(file)).isEqualTo(ORIGINAL + "# external write " + DaemonYamlFile.MAX_ATTEMPTS + "\n");
        assertThat(names(dir)).containsExactly("daemon.yaml", "daemon.yaml.lock");
    }

    // --- a symbolic link planted at the lock's name (item 21)

    @Test
    void aSymbolicLinkAtTheLockFileIsNotFollowed() throws IOException {
        Path file = write(dir.resolve("daemon.yaml"), ORIGINAL);
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path target = elsewhere.resolve("created-by-the-sdk");
        Files.createSymbolicLink(dir.resolve("daemon.yaml.lock"), target);

        assertThatThrownBy(() -> DaemonYamlFiles.update(file, config -> config.addOrUpdateProject(project("github.com/a/b"))))
                .isInstanceOfSatisfying(ConfigFileException.class, e -> assertThat(e)
                        .hasMessageContaining("the lock file is a symbolic link"));

        assertThat(Files.exists(target)).isFalse();
        assertThat(names(elsewhere)).isEmpty();
        assertThat(text(file)).isEqualTo(ORIGINAL);
    }

    @Test
    void aSymbolicLinkAtTheLockFileToAnExistingFileIsNeitherLockedNorChanged() throws IOException {
        Path file = write(dir.resolve("daemon.yaml"), ORIGINAL);
        Path victim = write(dir.resolve("victim"), "precious\n");
        Files.createSymbolicLink(dir.resolve("daemon.yaml.lock"), victim);

        assertThatThrownBy(() -> DaemonYamlFiles.write(file, DaemonYAML.empty())).isInstanceOf(ConfigFileException.class);

        assertThat(text(victim)).isEqualTo("precious\n");
        assertThat(text(file)).isEqualTo(ORIGINAL);
    }

    // --- writers killed mid-write (item 22)

    @Test
    void temporaryFilesOfWritersKilledMidWriteAreSweptByTheNextUpdate() {
        Path file = write(dir.resolve("daemon.yaml"), ORIGINAL);
        for (int i = 0; i < 3; i++) {
            try (ChildJvm child = ChildJvm.start(CrashingWriterMain.class, file.toString(), "repo-" + i)) {
                child.await("written");
                child.close(); // SIGKILL: no cleanup runs
                child.exitCode();
            }
            // each writer, holding the lock, swept the one its killed predecessor left: one is left
            assertThat(names(dir)).hasSize(3).contains("daemon.yaml", "daemon.yaml.lock")
                    .filteredOn(name -> name.matches("\\.daemon\\.yaml\\.\\d+\\.tmp")).hasSize(1);
            assertThat(text(file)).isEqualTo(ORIGINAL);
        }

        DaemonYamlFiles.update(file, config -> config.addOrUpdateProject(project("github.com/a/b")));

        assertThat(names(dir)).containsExactly("daemon.yaml", "daemon.yaml.lock");
    }

    @Test
    void theSweepLeavesOtherFilesAlone() throws IOException {
        Path file = write(dir.resolve("daemon.yaml"), ORIGINAL);
        write(dir.resolve("daemon.yaml.tmp"), "the Go writer's temporary file\n"); // not ours: a Go writer may be mid-write
        write(dir.resolve(".daemon.yaml.backup.tmp"), "x\n");
        write(dir.resolve(".other.yaml.123.tmp"), "x\n");
        Files.createDirectory(dir.resolve(".daemon.yaml.456.tmp"));

        DaemonYamlFiles.update(file, config -> config.addOrUpdateProject(project("github.com/a/b")));

        assertThat(names(dir)).containsExactly(".daemon.yaml.456.tmp", ".daemon.yaml.backup.tmp", ".other.yaml.123.tmp",
                "daemon.yaml", "daemon.yaml.lock", "daemon.yaml.tmp");
    }

    // --- a write larger than a read accepts (item 14)

    @Test
    void aWriteLargerThanTheReaderAcceptsIsRefusedBeforeTheRename() {
        String nearlyFull = "machine:\n  note: " + "x".repeat(YamlDocument.MAX_BYTES - 200) + "\n";
        Path file = write(dir.resolve("daemon.yaml"), nearlyFull);
        byte[] before = bytes(file);

        assertThatThrownBy(() -> DaemonYamlFiles.update(file, config -> {
            DaemonYAML next = config;
            for (int i = 0; i < 10; i++) {
                next = next.addOrUpdateProject(project("github.com/foo/repo-" + i));
            }
            return next;
        })).isInstanceOfSatisfying(ConfigFileException.class, e -> assertThat(e)
                .hasMessageContaining("more than the 1048576 a read accepts; nothing written"));

        assertThat(bytes(file)).isEqualTo(before);
        assertThat(names(dir)).containsExactly("daemon.yaml", "daemon.yaml.lock");
        assertThat(DaemonYamlFiles.read(file).projects()).isEmpty();
    }

    // --- integers made to be slow to parse (item 23)

    @Test
    void aMillionDigitCapacityIsRejectedWithoutParsingIt() {
        String digits = "1" + "0".repeat(1_000_000);
        Path number = write(dir.resolve("number.yaml"), "capacity:\n  maxConcurrentSessions: " + digits + "\n");
        Path text = write(dir.resolve("text.yaml"), "capacity:\n  note: x" + digits + "\n");
        DaemonYamlFiles.read(text); // warm up the parser

        // Rejecting the number must cost about what reading a string of the same length costs
        // (BigInteger alone took ~12 s on these digits; reading the text takes under a second).
        // Compared in CPU time of this thread, with a generous factor for a loaded machine.
        long textCost = cpuNanos(() -> DaemonYamlFiles.read(text));
        long numberCost = cpuNanos(() -> assertThatThrownBy(() -> DaemonYamlFiles.read(number))
                .isInstanceOfSatisfying(ConfigFileException.class, e -> {
                    assertThat(e.line()).hasValue(2);
                    assertThat(e).hasMessageContaining("capacity.maxConcurrentSessions must be an integer");
                }));

        assertThat(numberCost).as("CPU ns to reject the number vs to read the text (%d)", textCost)
                .isLessThan(4 * textCost + 500_000_000L);
    }

    private static long cpuNanos(Runnable action) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        action.run();
        return threads.getCurrentThreadCpuTime() - start;
    }

    @Test
    void leadingZerosDoNotCountAgainstTheLength() {
        Path file = write(dir.resolve("daemon.yaml"), "capacity:\n  maxConcurrentSessions: " + "0".repeat(100_000) + "42\n"
                + "  poolMaxDiskGb: 0x" + "0".repeat(50) + "7FFFFFFF\n");

        assertThat(DaemonYamlFiles.read(file).capacity().maxConcurrentSessions()).isEqualTo(42);
        assertThat(DaemonYamlFiles.read(file).capacity().poolMaxDiskGb()).isEqualTo(Integer.MAX_VALUE);
    }
}
