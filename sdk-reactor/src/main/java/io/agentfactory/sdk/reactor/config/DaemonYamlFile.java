package io.agentfactory.sdk.reactor.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
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
     * Under the lock: reads and validates the file, applies {@code change}, merges the result into
     * the document and replaces the file atomically. Nothing is written when anything fails, or
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
                YamlDocument document = load(target.file(), file);
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
                writer.replace(target.file(), document.emit().getBytes(StandardCharsets.UTF_8));
                return next;
            }
        }
        catch (IOException e) {
            throw new ConfigFileException(file, 0, "cannot write: " + describe(e), e);
        }
    }

    /** The parsed file; a missing file (or a link to one) is a document without a root. */
    private static YamlDocument load(Path path, String file) {
        byte @Nullable [] bytes;
        try {
            bytes = readBounded(path);
        }
        catch (IOException e) {
            throw new ConfigFileException(file, 0, "cannot read: " + describe(e), e);
        }
        return bytes == null ? YamlDocument.absent() : YamlDocument.parse(file, bytes);
    }

    /** At most {@link YamlDocument#MAX_BYTES} + 1 bytes (enough to see it is too big), {@code null} when missing. */
    private static byte @Nullable [] readBounded(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(YamlDocument.MAX_BYTES + 1);
        }
        catch (NoSuchFileException e) {
            return null;
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
