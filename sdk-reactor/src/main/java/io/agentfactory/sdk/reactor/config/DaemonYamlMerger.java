package io.agentfactory.sdk.reactor.config;

import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.AUTHORIZATION_WINDOW_SECONDS;
import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.CAPACITY;
import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.CLONE_STRATEGY;
import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.CREDENTIAL_HELPER;
import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.ENABLED;
import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.ENABLED_PROJECT_IDS;
import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.ENV_VAR_NAME;
import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.FETCH_INTERVAL_SECONDS;
import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.ID;
import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.KIND;
import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.LEGACY_REPOSITORY;
import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.MAX_CONCURRENT_SESSIONS;
import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.MAX_DISK_GB;
import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.PATH_ID;
import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.POOL_MAX_DISK_GB;
import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.PRIMARY;
import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.PROJECTS;
import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.PROJECT_ADMISSION_MODE;
import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.PROJECT_ADMISSION_VERSION;
import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.PROJECT_ID;
import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.REPOSITORIES;
import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.REPOSITORY;
import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.REPO_KEEPER;
import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.SOURCE;
import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.SSH_KEY_PATH;
import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.WORKAREA_MAX_DISK_GB;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import io.agentfactory.sdk.config.CapacityConfig;
import io.agentfactory.sdk.config.CredentialHelper;
import io.agentfactory.sdk.config.DaemonYAML;
import io.agentfactory.sdk.config.ProjectAdmissionMode;
import io.agentfactory.sdk.config.ProjectEntry;
import io.agentfactory.sdk.config.RepoKeeperConfig;
import io.agentfactory.sdk.config.RepositoryEntry;
import io.agentfactory.sdk.config.RepositoryIds;

/**
 * Writes a {@link DaemonYAML} into a composed document, touching as little as possible: only the
 * values of the top-level {@code projects}, {@code capacity} and {@code repoKeeper} keys change,
 * and, unless the config is legacy, the admission keys ({@code projectAdmissionVersion},
 * {@code enabledProjectIds}, {@code repositories}, {@code projectAdmissionMode}).
 *
 * <ul>
 *   <li>An existing project entry is matched by repository (each at most once) and edited;
 *       unmatched entries are removed, new ones appended in the model's order.</li>
 *   <li>A modelled key whose value already reads as the model's value keeps its node: text,
 *       quoting, comments. A changed value gets a new node that keeps the old one's comments and
 *       quotes. An absent model value (empty string, 0, no credential helper) removes its key,
 *       like the reference's {@code omitempty}, unless a merge key would then supply another
 *       value, in which case an explicit empty value is written.</li>
 *   <li>Keys the SDK does not model, merge keys included, are kept where they are; missing
 *       modelled keys are inserted in the model's order.</li>
 *   <li>Nodes referenced once are edited in place; a node also reached through an alias is
 *       copied first, so the other places that alias it keep their value.</li>
 * </ul>
 *
 * <p>The document has been read by {@link DaemonYamlReader} first, so its shapes are valid here.
 */
final class DaemonYamlMerger {

    private final DaemonYamlReader reader;
    private final Set<Node> shared = Collections.newSetFromMap(new IdentityHashMap<>());

    private DaemonYamlMerger(DaemonYamlReader reader, Node root) {
        this.reader = reader;
        findShared(root);
    }

    /** Replaces the projects and capacity of {@code root} with those of {@code config}. */
    static void merge(DaemonYamlReader reader, MappingNode root, DaemonYAML config) {
        DaemonYamlMerger merger = new DaemonYamlMerger(reader, root);
        merger.mergeAdmission(root, config);
        merger.mergeProjects(root, config.projects());
        merger.mergeCapacity(root, config.capacity());
        merger.mergeSection(root, REPO_KEEPER, repoKeeperFields(config.repoKeeper()),
                config.repoKeeper().equals(RepoKeeperConfig.empty()));
    }

    // ── admission v2 and repositories ─────────────────────────────────────────────────────────

    /**
     * Legacy (version 0): nothing; the file's own admission keys are kept as they are. Otherwise
     * {@code projectAdmissionVersion}; in version 2 also {@code enabledProjectIds} (written even
     * when empty: it is authoritative), {@code repositories} and {@code projectAdmissionMode}
     * (written only as {@code all-routed}; removed when consent is withdrawn).
     */
    private void mergeAdmission(MappingNode root, DaemonYAML config) {
        int version = config.projectAdmissionVersion();
        if (version == 0) {
            return;
        }
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(PROJECT_ADMISSION_VERSION, node -> Integer.valueOf(version).equals(YamlScalars.integer(node)),
                current -> YamlScalars.integer(version), () -> YamlScalars.integer(0)));
        if (config.isAdmissionV2()) {
            List<String> ids = config.enabledProjectIds();
            fields.add(new Field(ENABLED_PROJECT_IDS, node -> sameIds(node, ids), current -> stringSequence(ids),
                    () -> stringSequence(List.of())));
            fields.add(new Field(REPOSITORIES, node -> false, current -> repositoryList(current, config.repositories()),
                    () -> sequence(List.of())));
            ProjectAdmissionMode mode = config.projectAdmissionMode();
            fields.add(new Field(PROJECT_ADMISSION_MODE,
                    node -> node instanceof ScalarNode && ProjectAdmissionMode.normalize(YamlScalars.text(node)) == mode,
                    current -> mode == ProjectAdmissionMode.ALL_ROUTED
                            ? YamlScalars.string(mode.value(), quotingOf(current)) : null,
                    () -> YamlScalars.string(ProjectAdmissionMode.ENUMERATED.value(), ScalarStyle.PLAIN)));
        }
        List<NodeTuple> merged = mergeFields(root, root.getValue(), fields);
        root.getValue().clear();
        root.getValue().addAll(merged);
    }

    private boolean sameIds(Node node, List<String> ids) {
        try {
            return new DaemonYAML(DaemonYAML.PROJECT_ADMISSION_V2, reader.stringList(node, ENABLED_PROJECT_IDS), null,
                    List.of(), List.of(), null, null).enabledProjectIds().equals(ids);
        }
        catch (RuntimeException e) {
            return false;
        }
    }

    /** A block list of plain strings ({@code []} when empty). */
    private static SequenceNode stringSequence(List<String> values) {
        List<Node> items = new ArrayList<>(values.size());
        values.forEach(value -> items.add(YamlScalars.string(value, ScalarStyle.PLAIN)));
        return sequence(items);
    }

    /**
     * The {@code repositories} list for {@code repositories}: existing items matched by project
     * and normalized source are edited in place (unmodelled keys and comments kept) and keep the
     * file's order; items the model cannot hold (no project or no source) are kept verbatim;
     * other items are removed; new repositories are appended in model order.
     */
    private Node repositoryList(@Nullable Node current, List<RepositoryEntry> repositories) {
        List<RepositoryEntry> remaining = new ArrayList<>(repositories);
        List<Node> merged = new ArrayList<>();
        SequenceNode target = null;
        if (current instanceof SequenceNode existing) {
            target = editable(existing);
            List<Node> items = target.getValue();
            for (int index = 0; index < items.size(); index++) {
                Node item = items.get(index);
                RepositoryEntry read = reader.repository(item, index);
                if (read.projectId().isBlank() || read.source().isBlank()) {
                    merged.add(item);
                    continue;
                }
                int match = indexOfRepository(remaining, read);
                if (match < 0) {
                    continue;
                }
                MappingNode entry = editable((MappingNode) item);
                entry.setValue(mergeFields(entry, entry.getValue(), repositoryFields(remaining.remove(match))));
                merged.add(entry);
            }
        }
        for (RepositoryEntry repository : remaining) {
            merged.add(mapping(mergeFields(null, List.of(), repositoryFields(repository))));
        }
        if (target == null) {
            return sequence(merged);
        }
        becomeBlockWhenFilled(target, merged.size());
        target.getValue().clear();
        target.getValue().addAll(merged);
        return target;
    }

    private static int indexOfRepository(List<RepositoryEntry> repositories, RepositoryEntry read) {
        String key = RepositoryIds.normalizeSource(read.source());
        for (int i = 0; i < repositories.size(); i++) {
            RepositoryEntry candidate = repositories.get(i);
            if (candidate.projectId().equals(read.projectId().trim())
                    && RepositoryIds.normalizeSource(candidate.source()).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private List<Field> repositoryFields(RepositoryEntry repository) {
        return List.of(text(ID, repository.id(), false), text(PATH_ID, repository.pathId(), true),
                text(PROJECT_ID, repository.projectId(), false), text(SOURCE, repository.source(), false),
                flag(PRIMARY, repository.primary()), text(CLONE_STRATEGY, repository.cloneStrategy().value(), true),
                credentialHelper(repository.credentialHelper()));
    }

    private static List<Field> repoKeeperFields(RepoKeeperConfig keeper) {
        return List.of(flag(ENABLED, keeper.enabled()), longInteger(MAX_DISK_GB, keeper.maxDiskGb()),
                longInteger(FETCH_INTERVAL_SECONDS, keeper.fetchIntervalSeconds()),
                longInteger(AUTHORIZATION_WINDOW_SECONDS, keeper.authorizationWindowSeconds()));
    }

    private static Field flag(String key, boolean desired) {
        return new Field(key, node -> Boolean.valueOf(desired).equals(DaemonYamlReader.bool(node)),
                current -> desired ? CapacityIntentWriter.bool(true) : null, () -> CapacityIntentWriter.bool(false));
    }

    private static Field longInteger(String key, long desired) {
        return new Field(key, node -> Long.valueOf(desired).equals(DaemonYamlReader.longValue(node)),
                current -> desired == 0 ? null : CapacityIntentWriter.integer(desired),
                () -> CapacityIntentWriter.integer(0));
    }

    /**
     * The disk envelope under both spellings, in lock-step: when the model's value is what the
     * file already reads as (see {@link DaemonYamlReader#diskEnvelope}), both keys keep their
     * nodes; when it changed, both get the new value (both go when it is 0), so a daemon reading
     * either spelling sees the same limit.
     */
    private List<Field> diskEnvelopeFields(@Nullable MappingNode existing, int desired) {
        boolean unchanged = (existing == null ? 0 : reader.diskEnvelope(existing)) == desired;
        List<Field> fields = new ArrayList<>(2);
        for (String key : List.of(POOL_MAX_DISK_GB, WORKAREA_MAX_DISK_GB)) {
            fields.add(new Field(key, node -> unchanged || Integer.valueOf(desired).equals(YamlScalars.integer(node)),
                    current -> unchanged || desired == 0 ? null : YamlScalars.integer(desired),
                    () -> YamlScalars.integer(0)));
        }
        return fields;
    }

    private void mergeProjects(MappingNode root, List<ProjectEntry> projects) {
        NodeTuple tuple = YamlScalars.find(root, PROJECTS);
        if (tuple == null) {
            if (!projects.isEmpty()) {
                root.getValue().add(new NodeTuple(YamlScalars.key(PROJECTS), sequence(entries(List.of(), projects))));
            }
            return;
        }
        if (tuple.getValueNode() instanceof SequenceNode existing) {
            SequenceNode target = editable(existing);
            List<Node> merged = entries(target.getValue(), projects);
            becomeBlockWhenFilled(target, merged.size());
            target.getValue().clear();
            target.getValue().addAll(merged);
            replaceValue(root, tuple, target);
        }
        else if (!projects.isEmpty()) { // a null value
            replaceValue(root, tuple, sequence(entries(List.of(), projects)));
        }
    }

    /** The entries for {@code projects}, reusing each existing item at most once, matched by repository. */
    private List<Node> entries(List<Node> existing, List<ProjectEntry> projects) {
        List<MappingNode> unused = new ArrayList<>();
        List<String> repositories = new ArrayList<>();
        for (Node item : existing) {
            unused.add((MappingNode) item);
            repositories.add(reader.project(item, repositories.size(), new ArrayList<>()).repository());
        }
        List<Node> entries = new ArrayList<>(projects.size());
        for (ProjectEntry project : projects) {
            int match = repositories.indexOf(project.repository());
            if (match < 0) {
                entries.add(mapping(mergeFields(null, List.of(), projectFields(project))));
                continue;
            }
            MappingNode item = unused.remove(match);
            repositories.remove(match);
            MappingNode target = editable(item);
            target.setValue(mergeFields(target, withoutLegacyKey(target), projectFields(project)));
            entries.add(target);
        }
        return entries;
    }

    private void mergeCapacity(MappingNode root, CapacityConfig capacity) {
        NodeTuple tuple = YamlScalars.find(root, CAPACITY);
        MappingNode existing = tuple != null && tuple.getValueNode() instanceof MappingNode m ? m : null;
        List<Field> fields = new ArrayList<>();
        fields.add(integer(MAX_CONCURRENT_SESSIONS, capacity.maxConcurrentSessions()));
        fields.addAll(diskEnvelopeFields(existing, capacity.poolMaxDiskGb()));
        mergeSection(root, CAPACITY, fields, capacity.equals(CapacityConfig.empty()));
    }

    /** Writes {@code fields} into the top-level mapping {@code key}, adding it unless {@code empty}. */
    private void mergeSection(MappingNode root, String key, List<Field> fields, boolean empty) {
        NodeTuple tuple = YamlScalars.find(root, key);
        if (tuple == null) {
            if (!empty) {
                root.getValue().add(new NodeTuple(YamlScalars.key(key), mapping(mergeFields(null, List.of(), fields))));
            }
            return;
        }
        if (tuple.getValueNode() instanceof MappingNode existing) {
            if (unchanged(mergeFields(existing, existing.getValue(), fields), existing.getValue())) {
                return; // nothing to write: a shared section stays shared (its aliases keep following it)
            }
            MappingNode target = editable(existing);
            List<NodeTuple> merged = mergeFields(target, target.getValue(), fields);
            becomeBlockWhenFilled(target, merged.size());
            target.setValue(merged);
            replaceValue(root, tuple, target);
        }
        else if (!empty) { // a null value
            replaceValue(root, tuple, mapping(mergeFields(null, List.of(), fields)));
        }
    }

    private List<Field> projectFields(ProjectEntry project) {
        return List.of(text(ID, project.id(), true), text(REPOSITORY, project.repository(), false),
                text(CLONE_STRATEGY, project.cloneStrategy().value(), true),
                credentialHelper(project.credentialHelper()));
    }

    private Field credentialHelper(@Nullable CredentialHelper desired) {
        return new Field(CREDENTIAL_HELPER,
                node -> Objects.equals(desired, reader.credentialHelper(node, CREDENTIAL_HELPER)),
                current -> {
                    if (desired == null) {
                        return null;
                    }
                    List<Field> fields = List.of(text(KIND, desired.kind().value(), true),
                            text(SSH_KEY_PATH, desired.sshKeyPath(), true),
                            text(ENV_VAR_NAME, desired.envVarName(), true));
                    if (current instanceof MappingNode helper) {
                        MappingNode target = editable(helper);
                        target.setValue(mergeFields(target, target.getValue(), fields));
                        return target;
                    }
                    return mapping(mergeFields(null, List.of(), fields));
                },
                YamlScalars::nullValue);
    }

    private static Field text(String key, String desired, boolean omitEmpty) {
        return new Field(key, node -> desired.equals(YamlScalars.text(node)),
                current -> omitEmpty && desired.isEmpty() ? null : YamlScalars.string(desired, quotingOf(current)),
                () -> YamlScalars.string("", ScalarStyle.PLAIN));
    }

    private static Field integer(String key, int desired) {
        return new Field(key, node -> Integer.valueOf(desired).equals(YamlScalars.integer(node)),
                current -> desired == 0 ? null : YamlScalars.integer(desired),
                () -> YamlScalars.integer(0));
    }

    /**
     * The tuples of a mapping after writing {@code fields} into {@code tuples} (the tuples of
     * {@code original}, possibly adjusted; {@code null} for a new mapping): unmodelled keys kept
     * in place, modelled ones kept, replaced or removed, missing ones inserted in model order.
     */
    private static List<NodeTuple> mergeFields(@Nullable MappingNode original, List<NodeTuple> tuples,
            List<Field> fields) {
        List<NodeTuple> merged = new ArrayList<>(tuples.size() + fields.size());
        Set<String> present = new HashSet<>();
        for (NodeTuple tuple : tuples) {
            Field field = YamlScalars.isMergeKey(tuple.getKeyNode()) ? null : find(fields, YamlScalars.keyOf(tuple));
            if (field == null) {
                merged.add(tuple);
                continue;
            }
            present.add(field.key());
            Node current = tuple.getValueNode();
            if (field.holdsDesired().test(current)) {
                merged.add(tuple);
                continue;
            }
            Node desired = desiredOver(original, field, current);
            if (desired != null) {
                merged.add(new NodeTuple(tuple.getKeyNode(), withCommentsOf(current, desired)));
            }
        }
        for (Field field : fields) {
            if (present.contains(field.key())) {
                continue;
            }
            Node inherited = original == null ? null : YamlScalars.inherited(original, field.key());
            if (inherited != null && field.holdsDesired().test(inherited)) {
                continue;
            }
            Node desired = desiredOver(original, field, null);
            if (desired != null) {
                insertInModelOrder(merged, new NodeTuple(YamlScalars.key(field.key()), desired), fields);
            }
        }
        return merged;
    }

    /**
     * The node to write for {@code field} over {@code current} (its own value, or {@code null});
     * {@code null} to leave the key out, unless a merge key would then supply a different value.
     */
    private static @Nullable Node desiredOver(@Nullable MappingNode original, Field field, @Nullable Node current) {
        Node desired = field.desired().apply(current);
        if (desired != null || original == null) {
            return desired;
        }
        Node inherited = YamlScalars.inherited(original, field.key());
        return inherited != null && !field.holdsDesired().test(inherited) ? field.zero().get() : null;
    }

    /** Inserts before the first modelled key that comes later in the model, else at the end. */
    private static void insertInModelOrder(List<NodeTuple> tuples, NodeTuple tuple, List<Field> fields) {
        int rank = rank(fields, YamlScalars.keyOf(tuple));
        for (int i = 0; i < tuples.size(); i++) {
            if (rank(fields, YamlScalars.keyOf(tuples.get(i))) > rank) {
                tuples.add(i, tuple);
                return;
            }
        }
        tuples.add(tuple);
    }

    /** The entry's tuples with the legacy {@code repoUrl} key renamed to {@code repository} (or dropped beside it). */
    private static List<NodeTuple> withoutLegacyKey(MappingNode item) {
        boolean hasCanonical = YamlScalars.find(item, REPOSITORY) != null;
        List<NodeTuple> tuples = new ArrayList<>(item.getValue().size());
        for (NodeTuple tuple : item.getValue()) {
            if (!LEGACY_REPOSITORY.equals(YamlScalars.keyOf(tuple))) {
                tuples.add(tuple);
            }
            else if (!hasCanonical) {
                tuples.add(new NodeTuple(withCommentsOf(tuple.getKeyNode(), YamlScalars.key(REPOSITORY)),
                        tuple.getValueNode()));
            }
        }
        return tuples;
    }

    /** The node itself when only one place refers to it, else a copy (without its anchor) to edit. */
    @SuppressWarnings("unchecked")
    private <N extends CollectionNode<?>> N editable(N node) {
        return shared.contains(node) ? (N) withCommentsOf(node, copyChildren(node)) : node;
    }

    /** A deep copy, except that nodes aliased from elsewhere stay shared (and so stay aliases). */
    private Node copy(Node node) {
        if (shared.contains(node)) {
            return node;
        }
        Node copy = node instanceof ScalarNode scalar
                ? new ScalarNode(scalar.getTag(), scalar.getValue(), scalar.getScalarStyle())
                : copyChildren((CollectionNode<?>) node);
        return withCommentsOf(node, copy);
    }

    private CollectionNode<?> copyChildren(CollectionNode<?> node) {
        if (node instanceof MappingNode mapping) {
            List<NodeTuple> tuples = new ArrayList<>(mapping.getValue().size());
            for (NodeTuple tuple : mapping.getValue()) {
                tuples.add(new NodeTuple(copy(tuple.getKeyNode()), copy(tuple.getValueNode())));
            }
            return new MappingNode(mapping.getTag(), tuples, mapping.getFlowStyle());
        }
        List<Node> items = new ArrayList<>();
        for (Node item : ((SequenceNode) node).getValue()) {
            items.add(copy(item));
        }
        return new SequenceNode(node.getTag(), items, node.getFlowStyle());
    }

    /** Records every node that is reachable more than once (through aliases). */
    private void findShared(Node root) {
        Map<Node, Boolean> seen = new IdentityHashMap<>();
        List<Node> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            Node node = pending.remove(pending.size() - 1);
            if (seen.put(node, Boolean.TRUE) != null) {
                shared.add(node);
                continue;
            }
            if (node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    pending.add(tuple.getKeyNode());
                    pending.add(tuple.getValueNode());
                }
            }
            else if (node instanceof SequenceNode sequence) {
                pending.addAll(sequence.getValue());
            }
        }
    }

    /** Whether a merge kept exactly the tuples it was given, in order. */
    private static boolean unchanged(List<NodeTuple> merged, List<NodeTuple> original) {
        if (merged.size() != original.size()) {
            return false;
        }
        for (int i = 0; i < merged.size(); i++) {
            if (merged.get(i) != original.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static void replaceValue(MappingNode mapping, NodeTuple tuple, Node value) {
        if (tuple.getValueNode() == value) {
            return;
        }
        List<NodeTuple> tuples = mapping.getValue();
        tuples.set(tuples.indexOf(tuple), new NodeTuple(tuple.getKeyNode(), withCommentsOf(tuple.getValueNode(), value)));
    }

    /** {@code []} and {@code {}} that get content are written as blocks. */
    private static void becomeBlockWhenFilled(CollectionNode<?> collection, int newSize) {
        if (collection.getValue().isEmpty() && newSize > 0) {
            collection.setFlowStyle(FlowStyle.BLOCK);
        }
    }

    private static Node withCommentsOf(@Nullable Node old, Node replacement) {
        if (old != null && old != replacement) {
            replacement.setBlockComments(old.getBlockComments());
            replacement.setInLineComments(old.getInLineComments());
            replacement.setEndComments(old.getEndComments());
        }
        return replacement;
    }

    /** A changed string keeps the quotes it had; anything else starts plain (the emitter quotes when needed). */
    private static ScalarStyle quotingOf(@Nullable Node current) {
        if (current instanceof ScalarNode scalar && (scalar.getScalarStyle() == ScalarStyle.SINGLE_QUOTED
                || scalar.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED)) {
            return scalar.getScalarStyle();
        }
        return ScalarStyle.PLAIN;
    }

    private static SequenceNode sequence(List<Node> items) {
        return new SequenceNode(Tag.SEQ, new ArrayList<>(items), FlowStyle.BLOCK);
    }

    private static MappingNode mapping(List<NodeTuple> tuples) {
        return new MappingNode(Tag.MAP, new ArrayList<>(tuples), FlowStyle.BLOCK);
    }

    private static @Nullable Field find(List<Field> fields, String key) {
        int rank = rank(fields, key);
        return rank < 0 ? null : fields.get(rank);
    }

    private static int rank(List<Field> fields, String key) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * One modelled key of a mapping.
     *
     * @param key the key
     * @param holdsDesired whether a value node already reads as the model's value
     * @param desired the node to write given the mapping's own value node ({@code null} when it has
     *        none); a {@code null} result leaves the key out
     * @param zero an explicit empty value, written instead of leaving the key out when a merge key
     *        would otherwise supply a value
     */
    private record Field(String key, Predicate<Node> holdsDesired, Function<@Nullable Node, @Nullable Node> desired,
            Supplier<Node> zero) {
    }
}
