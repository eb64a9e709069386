package io.agentfactory.sdk.reactor.config;

import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.POOL_MAX_DISK_GB;
import static io.agentfactory.sdk.reactor.config.DaemonYamlReader.WORKAREA_MAX_DISK_GB;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import io.agentfactory.sdk.config.CapacityIntent;

/**
 * Authors one {@link CapacityIntent} into a composed document, explicitly (a 0 is written, not
 * left out), before the general merge runs. Anchors and aliases are treated as the daemon's own
 * tooling treats them:
 * <ul>
 *   <li>a section that is an alias of a mapping defined elsewhere ({@code capacity: *defaults})
 *       becomes a mapping of its own that merges the shared one ({@code <<: *defaults}) and
 *       overrides only the authored key: the shared mapping and its other users keep their
 *       values;</li>
 *   <li>a section defined here (even if aliased elsewhere) is edited in place, so its aliases see
 *       the new value;</li>
 *   <li>a value defined here with an anchor keeps the anchor, and every alias of it follows the
 *       new value; a value that is an alias of a scalar defined elsewhere is replaced here only,
 *       leaving the shared scalar alone.</li>
 * </ul>
 * The disk envelope is authored under both of its spellings ({@code poolMaxDiskGb} and
 * {@code workareaMaxDiskGb}) with the same value.
 */
final class CapacityIntentWriter {

    private final MappingNode root;
    /** Where each node first appears in document order: the tuple whose value it is (its definition). */
    private final Map<Node, NodeTuple> definedAt = new IdentityHashMap<>();

    private CapacityIntentWriter(MappingNode root) {
        this.root = root;
        recordDefinitions(root);
    }

    /** Writes {@code intent} into the document rooted at {@code root}. */
    static void apply(MappingNode root, CapacityIntent intent) {
        new CapacityIntentWriter(root).write(intent);
    }

    /** A plain YAML boolean. */
    static ScalarNode bool(boolean value) {
        return new ScalarNode(Tag.BOOL, Boolean.toString(value), ScalarStyle.PLAIN);
    }

    /** A plain YAML integer. */
    static ScalarNode integer(long value) {
        return new ScalarNode(Tag.INT, Long.toString(value), ScalarStyle.PLAIN);
    }

    private void write(CapacityIntent intent) {
        List<String> fields = intent.key().equals(CapacityIntent.WORKAREA_MAX_DISK_GB)
                ? List.of(POOL_MAX_DISK_GB, WORKAREA_MAX_DISK_GB) : List.of(intent.field());
        NodeTuple section = YamlScalars.find(root, intent.section());
        if (section == null) {
            root.getValue().add(new NodeTuple(YamlScalars.key(intent.section()), newSection(List.of(), fields, intent)));
            return;
        }
        Node value = section.getValueNode();
        if (!(value instanceof MappingNode mapping)) { // a null value: the reader refused anything else
            MappingNode fresh = newSection(List.of(), fields, intent);
            // a block mapping cannot carry an end-of-line comment: it goes to its first value
            fresh.setBlockComments(value.getBlockComments());
            fresh.getValue().get(0).getValueNode().setInLineComments(value.getInLineComments());
            replace(root, section, fresh);
            return;
        }
        if (definedAt.get(mapping) != section) { // borrowed: merge it, override locally
            NodeTuple merge = new NodeTuple(YamlScalars.key("<<"), mapping);
            replace(root, section, newSection(List.of(merge), fields, intent));
            return;
        }
        for (String field : fields) {
            NodeTuple own = YamlScalars.find(mapping, field);
            ScalarNode fresh = valueNode(intent);
            if (own == null) {
                mapping.getValue().add(new NodeTuple(YamlScalars.key(field), fresh));
            }
            else if (own.getValueNode() instanceof ScalarNode old && definedAt.get(old) == own) {
                fresh.setAnchor(old.getAnchor());
                withComments(old, fresh);
                replaceEverywhere(old, fresh);
            }
            else {
                replace(mapping, own, withComments(own.getValueNode(), fresh));
            }
        }
    }

    private static MappingNode newSection(List<NodeTuple> first, List<String> fields, CapacityIntent intent) {
        List<NodeTuple> tuples = new ArrayList<>(first);
        for (String field : fields) {
            tuples.add(new NodeTuple(YamlScalars.key(field), valueNode(intent)));
        }
        return new MappingNode(Tag.MAP, tuples, FlowStyle.BLOCK);
    }

    private static ScalarNode valueNode(CapacityIntent intent) {
        return intent.isFlag() ? bool(intent.value() == 1) : integer(intent.value());
    }

    private void recordDefinitions(Node node) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                Node value = tuple.getValueNode();
                if (!definedAt.containsKey(value)) {
                    definedAt.put(value, tuple);
                    recordDefinitions(value);
                }
            }
        }
        else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                if (!definedAt.containsKey(item)) {
                    definedAt.put(item, null);
                    recordDefinitions(item);
                }
            }
        }
    }

    /** Replaces every reference to {@code old} in the document (its definition and its aliases) by {@code fresh}. */
    private void replaceEverywhere(Node old, Node fresh) {
        Map<Node, Boolean> visited = new IdentityHashMap<>();
        List<Node> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            Node node = pending.remove(pending.size() - 1);
            if (visited.put(node, Boolean.TRUE) != null) {
                continue;
            }
            if (node instanceof MappingNode mapping) {
                List<NodeTuple> tuples = mapping.getValue();
                for (int i = 0; i < tuples.size(); i++) {
                    NodeTuple tuple = tuples.get(i);
                    if (tuple.getValueNode() == old) {
                        tuples.set(i, new NodeTuple(tuple.getKeyNode(), fresh));
                    }
                    else {
                        pending.add(tuple.getValueNode());
                    }
                }
            }
            else if (node instanceof SequenceNode sequence) {
                List<Node> items = sequence.getValue();
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) == old) {
                        items.set(i, fresh);
                    }
                    else {
                        pending.add(items.get(i));
                    }
                }
            }
        }
    }

    private static void replace(MappingNode mapping, NodeTuple tuple, Node value) {
        List<NodeTuple> tuples = mapping.getValue();
        tuples.set(tuples.indexOf(tuple), new NodeTuple(tuple.getKeyNode(), value));
    }

    private static Node withComments(@Nullable Node old, Node replacement) {
        if (old != null) {
            replacement.setBlockComments(old.getBlockComments());
            replacement.setInLineComments(old.getInLineComments());
            replacement.setEndComments(old.getEndComments());
        }
        return replacement;
    }
}
