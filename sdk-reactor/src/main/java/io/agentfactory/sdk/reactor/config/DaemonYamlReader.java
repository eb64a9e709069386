package io.agentfactory.sdk.reactor.config;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import io.agentfactory.sdk.config.CapacityConfig;
import io.agentfactory.sdk.config.CloneStrategy;
import io.agentfactory.sdk.config.CredentialHelper;
import io.agentfactory.sdk.config.CredentialHelperKind;
import io.agentfactory.sdk.config.DaemonYAML;
import io.agentfactory.sdk.config.ProjectEntry;
import io.agentfactory.sdk.config.ProjectIds;
import io.agentfactory.sdk.daemon.DaemonConfig;
import io.agentfactory.sdk.error.ConfigFileException;

/**
 * Reads the modelled parts of a composed {@code daemon.yaml} (sdk-api/CONTRACT.md §5): {@code projects}
 * and {@code capacity}, or the daemon's {@code host} and {@code port}. Every shape error is a
 * {@link ConfigFileException} naming the file, the line and the key path (never a value).
 */
final class DaemonYamlReader {

    static final String PROJECTS = "projects";
    static final String CAPACITY = "capacity";
    static final String ID = "id";
    static final String REPOSITORY = "repository";
    static final String LEGACY_REPOSITORY = "repoUrl";
    static final String CLONE_STRATEGY = "cloneStrategy";
    static final String CREDENTIAL_HELPER = "credentialHelper";
    static final String KIND = "kind";
    static final String SSH_KEY_PATH = "sshKeyPath";
    static final String ENV_VAR_NAME = "envVarName";
    static final String MAX_CONCURRENT_SESSIONS = "maxConcurrentSessions";
    static final String POOL_MAX_DISK_GB = "poolMaxDiskGb";
    static final String HOST = "host";
    static final String PORT = "port";

    private static final Logger LOG = LoggerFactory.getLogger(DaemonYamlReader.class);

    private final String file;

    DaemonYamlReader(String file) {
        this.file = file;
    }

    /**
     * The projects and capacity of the document rooted at {@code root} ({@code null}: no
     * document, the empty config). Blank ids are derived from the repository; entries written
     * with the legacy {@code repoUrl} key are accepted with one warning for the whole file.
     */
    DaemonYAML read(@Nullable Node root) {
        MappingNode mapping = rootMapping(root);
        if (mapping == null) {
            return DaemonYAML.empty();
        }
        List<Integer> legacyLines = new ArrayList<>();
        List<ProjectEntry> projects = projects(mapping, legacyLines);
        CapacityConfig capacity = capacity(mapping);
        if (!legacyLines.isEmpty()) {
            LOG.warn("{}: project(s) at line(s) {} use the legacy key '{}'; the next write uses '{}'", file,
                    legacyLines, LEGACY_REPOSITORY, REPOSITORY);
        }
        return new DaemonYAML(projects, capacity);
    }

    /** The daemon's endpoint: top-level {@code host} and {@code port}, defaults where absent. */
    DaemonConfig readDaemonConfig(@Nullable Node root) {
        MappingNode mapping = rootMapping(root);
        if (mapping == null) {
            return DaemonConfig.defaults();
        }
        Node host = YamlScalars.lookup(mapping, HOST);
        Node port = YamlScalars.lookup(mapping, PORT);
        String hostValue = host == null ? "" : text(host, HOST);
        int portValue = 0;
        if (port != null) {
            portValue = integer(port, PORT);
            if (portValue < 0 || portValue > 65535) {
                throw error(port, PORT + " must be between 1 and 65535");
            }
        }
        return new DaemonConfig(hostValue, portValue);
    }

    /** The project a {@code projects} item describes, its id derived when blank. */
    ProjectEntry project(Node item, int index, List<Integer> legacyLines) {
        String where = PROJECTS + "[" + index + "]";
        if (!(item instanceof MappingNode entry)) {
            throw error(item, where + " must be a mapping");
        }
        String repository = optionalText(entry, REPOSITORY, where);
        if (repository.isBlank()) {
            String legacy = optionalText(entry, LEGACY_REPOSITORY, where);
            if (!legacy.isBlank()) {
                legacyLines.add(line(entry));
                repository = legacy;
            }
        }
        if (repository.isBlank()) {
            throw error(entry, where + " has no " + REPOSITORY);
        }
        Node helper = YamlScalars.lookup(entry, CREDENTIAL_HELPER);
        return withDerivedId(new ProjectEntry(optionalText(entry, ID, where), repository,
                CloneStrategy.of(optionalText(entry, CLONE_STRATEGY, where)),
                helper == null ? null : credentialHelper(helper, where + "." + CREDENTIAL_HELPER)));
    }

    /** A {@code credentialHelper} value: {@code null} for a null scalar, else a mapping. */
    @Nullable CredentialHelper credentialHelper(Node value, String where) {
        if (YamlScalars.isNull(value)) {
            return null;
        }
        if (!(value instanceof MappingNode helper)) {
            throw error(value, where + " must be a mapping");
        }
        return new CredentialHelper(CredentialHelperKind.of(optionalText(helper, KIND, where)),
                optionalText(helper, SSH_KEY_PATH, where), optionalText(helper, ENV_VAR_NAME, where));
    }

    /** The entry, with its id derived from the repository when blank (the reference's DeriveProjectID). */
    static ProjectEntry withDerivedId(ProjectEntry entry) {
        if (!entry.id().isBlank()) {
            return entry;
        }
        return new ProjectEntry(ProjectIds.derive(entry.repository()), entry.repository(), entry.cloneStrategy(),
                entry.credentialHelper());
    }

    private List<ProjectEntry> projects(MappingNode root, List<Integer> legacyLines) {
        Node value = YamlScalars.lookup(root, PROJECTS);
        if (value == null || YamlScalars.isNull(value)) {
            return List.of();
        }
        if (!(value instanceof SequenceNode items)) {
            throw error(value, PROJECTS + " must be a list");
        }
        List<ProjectEntry> projects = new ArrayList<>(items.getValue().size());
        for (Node item : items.getValue()) {
            projects.add(project(item, projects.size(), legacyLines));
        }
        return projects;
    }

    private CapacityConfig capacity(MappingNode root) {
        Node value = YamlScalars.lookup(root, CAPACITY);
        if (value == null || YamlScalars.isNull(value)) {
            return CapacityConfig.empty();
        }
        if (!(value instanceof MappingNode capacity)) {
            throw error(value, CAPACITY + " must be a mapping");
        }
        return new CapacityConfig(optionalInteger(capacity, MAX_CONCURRENT_SESSIONS, CAPACITY),
                optionalInteger(capacity, POOL_MAX_DISK_GB, CAPACITY));
    }

    private @Nullable MappingNode rootMapping(@Nullable Node root) {
        if (root == null || YamlScalars.isNull(root)) {
            return null;
        }
        if (!(root instanceof MappingNode mapping)) {
            throw error(root, "the top level must be a mapping");
        }
        return mapping;
    }

    private String optionalText(MappingNode mapping, String key, String where) {
        Node value = YamlScalars.lookup(mapping, key);
        return value == null ? "" : text(value, where + "." + key);
    }

    private int optionalInteger(MappingNode mapping, String key, String where) {
        Node value = YamlScalars.lookup(mapping, key);
        return value == null ? 0 : integer(value, where + "." + key);
    }

    private String text(Node value, String where) {
        String text = YamlScalars.text(value);
        if (text == null) {
            throw error(value, where + " must be a string");
        }
        return text;
    }

    private int integer(Node value, String where) {
        Integer integer = YamlScalars.integer(value);
        if (integer == null) {
            throw error(value, where + " must be an integer");
        }
        return integer;
    }

    private ConfigFileException error(Node node, String message) {
        return new ConfigFileException(file, line(node), message, null);
    }

    private static int line(Node node) {
        return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    }
}
