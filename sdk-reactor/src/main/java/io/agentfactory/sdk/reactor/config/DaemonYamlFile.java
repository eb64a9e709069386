package io.agentfactory.sdk.reactor.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.config.CapacityIntent;
import io.agentfactory.sdk.config.DaemonYAML;
import io.agentfactory.sdk.config.ProjectEntry;
import io.agentfactory.sdk.daemon.DaemonConfig;
import io.agentfactory.sdk.error.ConfigFileException;
import io.agentfactory.sdk.error.InvalidArgumentException;

/**
 * The one implementation behind {@link DaemonYamlFiles} (blocking) and {@link DaemonYamlStore}
 * (reactive): blocking file operations on {@code daemon.yaml}. Stateless apart from the
 * fault-injection seam; the per-file locks are process-wide.
 */
final class DaemonYamlFile {

    /** How many times an update is redone when a writer that does not take the lock changes the file meanwhile. */
    static final int MAX_ATTEMPTS = 10;

    /** The instance the public API uses. */
    static final DaemonYamlFile DEFAULT = new DaemonYamlFile(AtomicFileWriter.BeforeRename.NONE);

    private final AtomicFileWriter writer;

    /** An instance whose writes run {@code beforeRename} between the synced temporary file and the rename. */
    DaemonYamlFile(AtomicFileWriter.BeforeRename beforeRename) {
        this.writer = new AtomicFileWriter(beforeRename);
    }

    DaemonYAML read(Path path) {
        String file = path.toString();
        YamlDocument document = load(path, file);
        return new DaemonYamlReader(file).read(document.root());
    }

    DaemonConfig readDaemonConfig(Path path) {
        String file = path.toString();
        YamlDocument document = load(path, file);
        return new DaemonYamlReader(file).readDaemonConfig(document.root());
    }

    DaemonYAML write(Path path, DaemonYAML config) {
        DaemonYAML valid = validated(config);
        return readModifyWrite(path, current -> valid, false);
    }

    DaemonYAML update(Path path, UnaryOperator<DaemonYAML> change) {
        return readModifyWrite(path, current -> validated(Objects.requireNonNull(change.apply(current),
                "the change returned null")), true);
    }

    /**
     * Authors {@code intent} explicitly (zero included) under the lock, on the file as it is now;
     * the rest of the file is rewritten only as far as the merge of the unchanged config needs.
     */
    DaemonYAML setCapacity(Path path, CapacityIntent intent) {
        Objects.requireNonNull(intent, "intent");
        return readModifyWrite(path, current -> validated(current.withIntent(intent)), intent);
    }

    /**
     * Under the lock: sweeps temporary files of crashed writers, reads and validates the file,
     * applies {@code change}, merges the result into the document, checks that the new text is
     * one the reader accepts and reads back as the result, and replaces the file atomically if it
     * is still what was read. When a writer that does not take the lock (an editor saving by
     * rename, the daemon) changed it meanwhile, the whole update is done again on the new
     * content, at most {@value #MAX_ATTEMPTS} times. Nothing is written when anything fails, or
     * when {@code skipUnchanged} and the change returned the config it was given.
     */
    private DaemonYAML readModifyWrite(Path path, UnaryOperator<DaemonYAML> change, boolean skipUnchanged) {
        return readModifyWrite(path, change, skipUnchanged, null);
    }

    private DaemonYAML readModifyWrite(Path path, UnaryOperator<DaemonYAML> change, CapacityIntent intent) {
        return readModifyWrite(path, change, false, intent);
    }

    private DaemonYAML readModifyWrite(Path path, UnaryOperator<DaemonYAML> change, boolean skipUnchanged,
            @Nullable CapacityIntent intent) {
        String file = path.toString();
        try {
            ConfigTarget target = ConfigTarget.of(path);
            OwnerOnly.createDirectories(target.file().getParent());
            try (ConfigFileLock lock = ConfigFileLock.acquire(target.lockFile())) {
                AtomicFileWriter.sweepStaleTemporaries(target.file());
                for (int attempt = 1; ; attempt++) {
                    FileSnapshot before = FileSnapshot.of(target.file());
                    YamlDocument document = before.document(file);
                    DaemonYamlReader reader = new DaemonYamlReader(file);
                    DaemonYAML current = reader.read(document.root());
                    requireKnownAdmissionVersion(file, current);
                    DaemonYAML next = change.apply(current);
                    if (skipUnchanged && next.equals(current)) {
                        return current;
                    }
                    if (intent != null) {
                        CapacityIntentWriter.apply(document.rootMapping(), intent);
                    }
                    DaemonYamlMerger.merge(reader, document.rootMapping(), next);
                    byte[] content = readableAs(file, document.emit().getBytes(StandardCharsets.UTF_8), next);
                    try {
                        writer.replace(target.file(), content, before::matches);
                        return next;
                    }
                    catch (AtomicFileWriter.TargetChanged e) {
                        if (attempt == MAX_ATTEMPTS) {
                            throw new ConfigFileException(file, 0, "changed by another writer during each of "
                                    + MAX_ATTEMPTS + " attempts to update it; nothing written", e);
                        }
                    }
                }
            }
        }
        catch (IOException e) {
            throw new ConfigFileException(file, 0, "cannot write: " + describe(e), e);
        }
    }

    /**
     * {@code content} when the reader accepts it and reads {@code expected} from it: within
     * {@link YamlDocument#MAX_BYTES}, valid, the same projects and capacity. A write that the SDK
     * itself could not read again is refused before anything touches the file.
     */
    private static byte[] readableAs(String file, byte[] content, DaemonYAML expected) {
        if (content.length > YamlDocument.MAX_BYTES) {
            throw new ConfigFileException(file, 0, "the updated file would be " + content.length
                    + " bytes, more than the " + YamlDocument.MAX_BYTES + " a read accepts; nothing written", null);
        }
        DaemonYAML reread;
        try {
            reread = new DaemonYamlReader(file).read(YamlDocument.parse(file, content).root());
        }
        catch (ConfigFileException e) {
            throw new ConfigFileException(file, 0, "the updated text would not read back (" + e.getMessage()
                    + "); nothing written", e);
        }
        if (!reread.equals(expected)) {
            throw new ConfigFileException(file, 0, "the updated text would read back as other projects or capacity"
                    + " than written; nothing written", null);
        }
        return content;
    }

    /** The parsed file; a missing file (or a link to one) is a document without a root. */
    private static YamlDocument load(Path path, String file) {
        try {
            return FileSnapshot.of(path).document(file);
        }
        catch (IOException e) {
            throw new ConfigFileException(file, 0, "cannot read: " + describe(e), e);
        }
    }

    /**
     * A file as read: its bytes (at most {@link YamlDocument#MAX_BYTES} + 1, enough to see it is
     * too big; {@code null} when missing) and its identity ({@code fileKey}: device and inode on
     * Unix), to tell later whether another writer replaced or edited it.
     */
    private record FileSnapshot(byte @Nullable [] bytes, @Nullable Object identity) {

        static FileSnapshot of(Path path) throws IOException {
            try (InputStream in = Files.newInputStream(path)) {
                Object identity = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
                return new FileSnapshot(in.readNBytes(YamlDocument.MAX_BYTES + 1), identity);
            }
            catch (NoSuchFileException e) {
                return new FileSnapshot(null, null);
            }
        }

        YamlDocument document(String file) {
            return bytes == null ? YamlDocument.absent(file) : YamlDocument.parse(file, bytes);
        }

        /** Whether {@code path} still has this identity and these bytes. */
        boolean matches(Path path) throws IOException {
            FileSnapshot now = of(path);
            return Objects.equals(identity, now.identity) && Arrays.equals(bytes, now.bytes);
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof FileSnapshot that && Objects.equals(identity, that.identity)
                    && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Objects.hash(identity, Arrays.hashCode(bytes));
        }

        @Override
        public String toString() {
            return "FileSnapshot[" + (bytes == null ? "missing" : bytes.length + " bytes") + "]";
        }
    }

    /**
     * A file under an admission contract newer than this SDK knows is not rewritten: its
     * semantics are unknown, and a rewrite could widen or narrow what the daemon admits.
     */
    private static void requireKnownAdmissionVersion(String file, DaemonYAML current) {
        int version = current.projectAdmissionVersion();
        if (version != 0 && version != DaemonYAML.PROJECT_ADMISSION_V2) {
            throw new ConfigFileException(file, 0, "projectAdmissionVersion " + version
                    + " is newer than this SDK understands (0 or 2); not rewriting the file", null);
        }
    }

    /** Blank ids derived; a blank repository refused before anything is read or written. */
    private static DaemonYAML validated(DaemonYAML config) {
        int version = config.projectAdmissionVersion();
        if (version != 0 && version != DaemonYAML.PROJECT_ADMISSION_V2) {
            throw new InvalidArgumentException("projectAdmissionVersion must be 0 (legacy) or 2, not " + version);
        }
        List<ProjectEntry> projects = new ArrayList<>(config.projects().size());
        for (ProjectEntry project : config.projects()) {
            if (project.repository().isBlank()) {
                throw new InvalidArgumentException("projects[" + projects.size() + "].repository is blank");
            }
            projects.add(DaemonYamlReader.withDerivedId(project));
        }
        return new DaemonYAML(config.projectAdmissionVersion(), config.enabledProjectIds(),
                config.projectAdmissionMode(), config.repositories(), projects, config.capacity(), config.repoKeeper());
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
