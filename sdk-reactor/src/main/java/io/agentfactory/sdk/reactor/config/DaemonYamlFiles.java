package io.agentfactory.sdk.reactor.config;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

import io.agentfactory.sdk.config.CapacityIntent;
import io.agentfactory.sdk.config.DaemonYAML;
import io.agentfactory.sdk.config.DaemonYamlLocation;
import io.agentfactory.sdk.daemon.DaemonConfig;
import io.agentfactory.sdk.error.ConfigFileException;
import io.agentfactory.sdk.error.InvalidArgumentException;

/**
 * Blocking reading and writing of {@code daemon.yaml}, for command-line tools and other code that
 * may block. Reactive code uses {@link DaemonYamlStore}, which runs the same implementation on
 * {@code Schedulers.boundedElastic()}. The package documentation lists what a write preserves.
 *
 * <pre>{@code
 * Path path = DaemonYamlFiles.defaultPath();
 * DaemonYamlFiles.update(path, config -> config.addOrUpdateProject(
 *         new ProjectEntry("", "github.com/foo/bar", CloneStrategy.SHALLOW, null)));
 * }</pre>
 */
public final class DaemonYamlFiles {

    private DaemonYamlFiles() {
    }

    /**
     * {@code ~/.donmai/daemon.yaml}, or the path in the environment variable
     * {@value DaemonYamlLocation#ENV_VAR} when it is set and not blank (a leading {@code ~/} is
     * the home directory).
     */
    public static Path defaultPath() {
        return DaemonYamlLocation.defaultPath();
    }

    /**
     * Reads the modelled keys: admission ({@code projectAdmissionVersion}, {@code enabledProjectIds},
     * {@code projectAdmissionMode}, normalized as the daemon reads it), {@code repositories},
     * {@code projects}, {@code capacity} (the disk envelope under either spelling) and
     * {@code repoKeeper}. Under the legacy contract the enabled ids and repositories are derived
     * from the projects. A missing file (or a link to a missing file) reads as
     * {@link DaemonYAML#empty()}; blank project ids are derived from the repository; the legacy
     * {@code repoUrl} key is accepted in place of {@code repository} with one warning logged per
     * read. Takes no lock: writes replace the file atomically, so a read sees the old or the new file.
     *
     * @throws ConfigFileException when the file cannot be read, breaks a limit, is not YAML, its
     *         top level is not a mapping, {@code projects} is not a list of mappings each with a
     *         {@code repository}, or a capacity is not an integer (file and line named)
     */
    public static DaemonYAML read(Path path) {
        return DaemonYamlFile.DEFAULT.read(path);
    }

    /**
     * Reads the daemon's endpoint: the top-level {@code host} and {@code port} keys, with
     * {@code 127.0.0.1} and {@code 7734} for a missing file or key. Other keys are not validated.
     *
     * @throws ConfigFileException when the file cannot be read or parsed, {@code host} is not a
     *         string or {@code port} is not an integer from 1 to 65535
     */
    public static DaemonConfig readDaemonConfig(Path path) {
        return DaemonYamlFile.DEFAULT.readDaemonConfig(path);
    }

    /**
     * Writes {@code config}'s projects and capacity into the file, keeping everything else, under
     * the file's lock, atomically (see the package documentation). Creates the file, and its
     * directories with mode 0700, when missing; the file gets mode 0600. Blank project ids are
     * derived from the repository.
     *
     * <p>Prefer {@link #update}: a write based on an earlier read overwrites projects that another
     * process added since.
     *
     * @return the config as written (ids derived)
     * @throws InvalidArgumentException when a project has a blank repository (nothing is read or written)
     * @throws ConfigFileException when the existing file is invalid (see {@link #read}) or the
     *         write fails; the file is then unchanged and no temporary file is left
     */
    public static DaemonYAML write(Path path, DaemonYAML config) {
        return DaemonYamlFile.DEFAULT.write(path, config);
    }

    /**
     * Read-modify-write that loses nothing: holds the file's lock (against threads and processes)
     * while it reads the file, applies {@code change} and writes the result as {@link #write}
     * does. When {@code change} returns a config equal to the one it was given the file is not
     * rewritten. {@code change} runs on the calling thread, with the lock held: keep it short,
     * free of I/O and of side effects, and do not start another update of the same file from it.
     * It runs once, or again on the new content when a writer that does not take the lock changed
     * the file meanwhile (see the package documentation).
     *
     * @return the config after the change (ids derived)
     * @throws ConfigFileException when the existing file is invalid, the write fails, the result
     *         would not read back (over 1 MiB, for one) or another writer changed the file during
     *         each of 10 attempts; the file is then unchanged
     * @throws InvalidArgumentException when the change produced a project with a blank repository
     * @throws IllegalStateException when called from within {@code change} of an update of the same file
     * @throws RuntimeException whatever {@code change} throws; nothing is written
     */
    public static DaemonYAML update(Path path, UnaryOperator<DaemonYAML> change) {
        return DaemonYamlFile.DEFAULT.update(path, change);
    }

    /**
     * Sets the tunable {@code intent} names to its value, written explicitly even when it is 0
     * (a plain {@link #write} leaves a 0 out, which the daemon reads as "not set"). Holds the
     * file's lock across the read-modify-write, so the rest of the file is the file as it is now.
     * The disk envelope is written under both {@code workareaMaxDiskGb} and {@code poolMaxDiskGb}.
     * Anchors and aliases: a {@code capacity} that aliases a mapping defined elsewhere becomes a
     * local mapping merging it ({@code <<}), so the shared mapping is not changed; a section or
     * value defined in place is edited in place and its aliases follow.
     *
     * @return the config after the change
     * @throws ConfigFileException when the existing file is invalid or the write fails; the file
     *         is then unchanged
     */
    public static DaemonYAML setCapacity(Path path, CapacityIntent intent) {
        return DaemonYamlFile.DEFAULT.setCapacity(path, intent);
    }
}
