package io.agentfactory.sdk.reactor.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import io.agentfactory.sdk.config.CapacityConfig;
import io.agentfactory.sdk.config.CloneStrategy;
import io.agentfactory.sdk.config.CredentialHelper;
import io.agentfactory.sdk.config.CredentialHelperKind;
import io.agentfactory.sdk.config.DaemonYAML;
import io.agentfactory.sdk.config.ProjectEntry;
import io.agentfactory.sdk.config.ProjectAdmissionMode;
import io.agentfactory.sdk.config.ProjectIds;
import io.agentfactory.sdk.config.RepoKeeperConfig;
import io.agentfactory.sdk.config.RepositoryEntry;
import io.agentfactory.sdk.daemon.DaemonConfig;
import io.agentfactory.sdk.error.ConfigFileException;

/**
 * Reads the modelled parts of a composed {@code daemon.yaml} (sdk-api/CONTRACT.md §5): admission
 * ({@code projectAdmissionVersion}, {@code enabledProjectIds}, {@code projectAdmissionMode}),
 * {@code repositories}, {@code projects}, {@code capacity} and {@code repoKeeper}, or the daemon's {@code host} and {@code port}. Every shape error is a
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
    static final String WORKAREA_MAX_DISK_GB = "workareaMaxDiskGb";
    static final String PROJECT_ADMISSION_VERSION = "projectAdmissionVersion";
    static final String ENABLED_PROJECT_IDS = "enabledProjectIds";
    static final String PROJECT_ADMISSION_MODE = "projectAdmissionMode";
    static final String REPOSITORIES = "repositories";
    static final String PATH_ID = "pathId";
    static final String PROJECT_ID = "projectId";
    static final String SOURCE = "source";
    static final String PRIMARY = "primary";
    static final String REPO_KEEPER = "repoKeeper";
    static final String ENABLED = "enabled";
    static final String MAX_DISK_GB = "maxDiskGb";
    static final String FETCH_INTERVAL_SECONDS = "fetchIntervalSeconds";
    static final String AUTHORIZATION_WINDOW_SECONDS = "authorizationWindowSeconds";
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
        return new DaemonYAML(admissionVersion(mapping), enabledProjectIds(mapping), admissionMode(mapping),
                repositories(mapping), projects, capacity, repoKeeper(mapping));
    }

    // ── the newer generation: admission v2, repositories, repoKeeper ──────────────────────────

    /** {@code projectAdmissionVersion}: 0 when absent; never negative. */
    int admissionVersion(MappingNode root) {
        Node value = YamlScalars.lookup(root, PROJECT_ADMISSION_VERSION);
        if (value == null) {
            return 0;
        }
        int version = integer(value, PROJECT_ADMISSION_VERSION);
        if (version < 0) {
            throw error(value, PROJECT_ADMISSION_VERSION + " must be >= 0");
        }
        return version;
    }

    /** {@code enabledProjectIds}: a list of strings, empty when absent or null. */
    List<String> enabledProjectIds(MappingNode root) {
        Node value = YamlScalars.lookup(root, ENABLED_PROJECT_IDS);
        return value == null ? List.of() : stringList(value, ENABLED_PROJECT_IDS);
    }

    /** The strings of a sequence value ({@code null}: none). */
    List<String> stringList(Node value, String where) {
        if (YamlScalars.isNull(value)) {
            return List.of();
        }
        if (!(value instanceof SequenceNode items)) {
            throw error(value, where + " must be a list");
        }
        List<String> ids = new ArrayList<>(items.getValue().size());
        for (Node item : items.getValue()) {
            ids.add(text(item, where + "[" + ids.size() + "]"));
        }
        return ids;
    }

    /** {@code projectAdmissionMode}, normalized as the daemon reads it. */
    ProjectAdmissionMode admissionMode(MappingNode root) {
        Node value = YamlScalars.lookup(root, PROJECT_ADMISSION_MODE);
        return value == null ? ProjectAdmissionMode.ENUMERATED
                : ProjectAdmissionMode.normalize(text(value, PROJECT_ADMISSION_MODE));
    }

    /** The entries of {@code repositories}, as written (the model normalizes them). */
    List<RepositoryEntry> repositories(MappingNode root) {
        Node value = YamlScalars.lookup(root, REPOSITORIES);
        if (value == null || YamlScalars.isNull(value)) {
            return List.of();
        }
        if (!(value instanceof SequenceNode items)) {
            throw error(value, REPOSITORIES + " must be a list");
        }
        List<RepositoryEntry> repositories = new ArrayList<>(items.getValue().size());
        for (Node item : items.getValue()) {
            repositories.add(repository(item, repositories.size()));
        }
        return repositories;
    }

    /** One {@code repositories} item. */
    RepositoryEntry repository(Node item, int index) {
        String where = REPOSITORIES + "[" + index + "]";
        if (!(item instanceof MappingNode entry)) {
            throw error(item, where + " must be a mapping");
        }
        Node helper = YamlScalars.lookup(entry, CREDENTIAL_HELPER);
        return new RepositoryEntry(optionalText(entry, ID, where), optionalText(entry, PATH_ID, where),
                optionalText(entry, PROJECT_ID, where), optionalText(entry, SOURCE, where),
                optionalBoolean(entry, PRIMARY, where), CloneStrategy.of(optionalText(entry, CLONE_STRATEGY, where)),
                helper == null ? null : credentialHelper(helper, where + "." + CREDENTIAL_HELPER));
    }

    /** {@code repoKeeper}: empty when absent or null; negative values refused as the daemon refuses them. */
    RepoKeeperConfig repoKeeper(MappingNode root) {
        Node value = YamlScalars.lookup(root, REPO_KEEPER);
        if (value == null || YamlScalars.isNull(value)) {
            return RepoKeeperConfig.empty();
        }
        if (!(value instanceof MappingNode keeper)) {
            throw error(value, REPO_KEEPER + " must be a mapping");
        }
        return new RepoKeeperConfig(optionalBoolean(keeper, ENABLED, REPO_KEEPER),
                nonNegativeLong(keeper, MAX_DISK_GB), nonNegativeLong(keeper, FETCH_INTERVAL_SECONDS),
                nonNegativeLong(keeper, AUTHORIZATION_WINDOW_SECONDS));
    }

    /**
     * The disk envelope as the daemon reads it: {@code workareaMaxDiskGb} when it is set and not 0,
     * else {@code poolMaxDiskGb}, else 0.
     */
    int diskEnvelope(MappingNode capacity) {
        int current = optionalInteger(capacity, WORKAREA_MAX_DISK_GB, CAPACITY);
        return current != 0 ? current : optionalInteger(capacity, POOL_MAX_DISK_GB, CAPACITY);
    }

    /** A boolean value ({@code false} for null), or {@code null} when the node is not a YAML boolean. */
    static @Nullable Boolean bool(Node node) {
        if (YamlScalars.isNull(node)) {
            return false;
        }
        if (!(node instanceof ScalarNode scalar) || !node.getTag().equals(Tag.BOOL)) {
            return null;
        }
        return scalar.getValue().equalsIgnoreCase("true");
    }

    /** A 64-bit integer value ({@code 0} for null), or {@code null} when the node is not one. */
    static @Nullable Long longValue(Node node) {
        if (YamlScalars.isNull(node)) {
            return 0L;
        }
        if (!(node instanceof ScalarNode scalar) || !node.getTag().equals(Tag.INT)) {
            return null;
        }
        String text = scalar.getValue();
        try {
            BigInteger value = text.startsWith("0x") ? new BigInteger(text.substring(2), 16)
                    : text.startsWith("0o") ? new BigInteger(text.substring(2), 8) : new BigInteger(text);
            return value.longValueExact();
        }
        catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private boolean optionalBoolean(MappingNode mapping, String key, String where) {
        Node value = YamlScalars.lookup(mapping, key);
        if (value == null) {
            return false;
        }
        Boolean bool = bool(value);
        if (bool == null) {
            throw error(value, where + "." + key + " must be true or false");
        }
        return bool;
    }

    private long nonNegativeLong(MappingNode mapping, String key) {
        Node value = YamlScalars.lookup(mapping, key);
        if (value == null) {
            return 0;
        }
        Long number = longValue(value);
        if (number == null) {
            throw error(value, REPO_KEEPER + "." + key + " must be an integer");
        }
        if (number < 0) {
            throw error(value, REPO_KEEPER + "." + key + " must be >= 0");
        }
        return number;
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
        return new CapacityConfig(optionalInteger(capacity, MAX_CONCURRENT_SESSIONS, CAPACITY), diskEnvelope(capacity));
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
