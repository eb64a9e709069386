package io.agentfactory.sdk.reactor.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.comments.CommentLine;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.emitter.Emitable;
import org.snakeyaml.engine.v2.emitter.Emitter;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CommentEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.serializer.Serializer;

/**
 * Puts comments where snakeyaml-engine's emitter can write them, and writes the ones its node
 * model cannot hold.
 *
 * <ul>
 *   <li>A block collection has no end-of-line comment of its own: written after a value that
 *       became a block ({@code projects: # none yet}, {@code projects: [] # c} or
 *       {@code capacity: {} # c} given content), the emitter fails. Such a comment moves onto the
 *       key ({@code projects: # none yet} followed by the items), which is where the parser puts
 *       it when it reads that text back; on a list item or the root it becomes a full-line
 *       comment.</li>
 *   <li>An alias is the anchored node itself, so the composer drops the comment that follows
 *       {@code *b}. The parser keeps them per occurrence ({@link GuardedParser#aliasComments()});
 *       here each is tied to the place the alias occupies (the key/value pair, or the list and
 *       index holding it) and written again right after that alias. A pair or list the update
 *       rebuilt (a project entry it edited, a copy of a shared node) is a new place: the comment
 *       of an alias inside it is not written.</li>
 * </ul>
 */
final class CommentPlacement {

    private final Map<NodeTuple, List<CommentLine>> byPair = new IdentityHashMap<>();
    private final Map<SequenceNode, Map<Integer, AliasInList>> byItem = new IdentityHashMap<>();

    private CommentPlacement() {
    }

    /** No alias comments (a fresh document). */
    static CommentPlacement none() {
        return new CommentPlacement();
    }

    /**
     * Ties the comments after each alias, in document order, to the place each alias holds in the
     * composed tree: the document-order walk that meets an already-visited node meets the aliases
     * in the order the parser read them.
     */
    static CommentPlacement of(@Nullable Node root, List<List<CommentLine>> aliasComments) {
        CommentPlacement placement = new CommentPlacement();
        if (root == null || aliasComments.stream().allMatch(List::isEmpty)) {
            return placement;
        }
        int[] ordinal = {0};
        walk(root, (parent, index, node, isKey) -> {
            List<CommentLine> comments = ordinal[0] < aliasComments.size() ? aliasComments.get(ordinal[0]) : List.of();
            ordinal[0]++;
            if (comments.isEmpty() || isKey) {
                return; // an alias as a key: the loader refuses non-scalar keys, a scalar one keeps no comment
            }
            if (parent instanceof MappingNode mapping) {
                placement.byPair.put(mapping.getValue().get(index), List.copyOf(comments));
            }
            else if (parent instanceof SequenceNode list) {
                placement.byItem.computeIfAbsent(list, l -> new HashMap<>())
                        .put(index, new AliasInList(node, List.copyOf(comments)));
            }
        });
        return placement;
    }

    /**
     * Writes {@code root} as one document, with block collections' end-of-line comments moved
     * where the emitter accepts them and the alias comments that still have their place.
     */
    void dump(DumpSettings settings, Node root, StreamDataWriter out) {
        movableComments(root);
        Deque<List<CommentLine>> pending = new ArrayDeque<>();
        walk(root, (parent, index, node, isKey) -> pending.add(isKey ? List.of() : commentsAt(parent, index, node)));
        Emitter emitter = new Emitter(settings, out);
        Emitable withAliasComments = event -> {
            emitter.emit(event);
            if (event instanceof AliasEvent) {
                List<CommentLine> comments = pending.isEmpty() ? List.of() : pending.removeFirst();
                for (CommentLine comment : comments) {
                    emitter.emit(new CommentEvent(CommentType.IN_LINE, comment.getValue(), comment.getStartMark(),
                            comment.getEndMark()));
                }
            }
        };
        Serializer serializer = new Serializer(settings, withAliasComments);
        serializer.emitStreamStart();
        serializer.serializeDocument(root);
        serializer.emitStreamEnd();
    }

    private List<CommentLine> commentsAt(Node parent, int index, Node node) {
        if (parent instanceof MappingNode mapping) {
            List<CommentLine> comments = byPair.get(mapping.getValue().get(index));
            return comments == null ? List.of() : comments;
        }
        Map<Integer, AliasInList> items = byItem.get(parent);
        AliasInList item = items == null ? null : items.get(index);
        return item != null && item.node() == node ? item.comments() : List.of();
    }

    /** Moves end-of-line comments off block collections, which the emitter cannot write there. */
    private static void movableComments(Node root) {
        if (isBlockWithInlineComments(root)) {
            root.setEndComments(concat(root.getEndComments(), asFullLines(root.getInLineComments())));
            root.setInLineComments(List.of());
        }
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (!seen.add(node)) {
                continue;
            }
            if (node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    Node value = tuple.getValueNode();
                    if (isBlockWithInlineComments(value) && tuple.getKeyNode() instanceof ScalarNode key) {
                        key.setInLineComments(concat(key.getInLineComments(), value.getInLineComments()));
                        value.setInLineComments(List.of());
                    }
                    pending.push(value);
                }
            }
            else if (node instanceof SequenceNode sequence) {
                for (Node item : sequence.getValue()) {
                    if (isBlockWithInlineComments(item)) {
                        item.setBlockComments(concat(item.getBlockComments(), asFullLines(item.getInLineComments())));
                        item.setInLineComments(List.of());
                    }
                    pending.push(item);
                }
            }
        }
    }

    private static boolean isBlockWithInlineComments(Node node) {
        return node instanceof CollectionNode<?> collection && collection.getFlowStyle() == FlowStyle.BLOCK
                && node.getInLineComments() != null && !node.getInLineComments().isEmpty();
    }

    private static List<CommentLine> asFullLines(List<CommentLine> comments) {
        List<CommentLine> lines = new ArrayList<>(comments.size());
        for (CommentLine comment : comments) {
            lines.add(new CommentLine(comment.getStartMark(), comment.getEndMark(), comment.getValue(), CommentType.BLOCK));
        }
        return lines;
    }

    private static List<CommentLine> concat(@Nullable List<CommentLine> first, List<CommentLine> second) {
        List<CommentLine> all = new ArrayList<>(first == null ? List.of() : first);
        all.addAll(second);
        return all;
    }

    /**
     * Visits, in document order (the serializer's), every place where an already-visited node
     * occurs again, that is every alias: its parent, its index there, and the node.
     */
    private static void walk(Node root, AliasVisitor visitor) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(root);
        Deque<Place> pending = new ArrayDeque<>();
        pushChildren(root, pending);
        while (!pending.isEmpty()) {
            Place place = pending.pop();
            if (!seen.add(place.node())) {
                visitor.alias(place.parent(), place.index(), place.node(), place.isKey());
                continue;
            }
            pushChildren(place.node(), pending);
        }
    }

    /** Pushes the children of {@code node} so that they pop in document order (key before value). */
    private static void pushChildren(Node node, Deque<Place> pending) {
        List<Place> children = new ArrayList<>();
        if (node instanceof MappingNode mapping) {
            List<NodeTuple> tuples = mapping.getValue();
            for (int i = 0; i < tuples.size(); i++) {
                children.add(new Place(mapping, i, tuples.get(i).getKeyNode(), true));
                children.add(new Place(mapping, i, tuples.get(i).getValueNode(), false));
            }
        }
        else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                children.add(new Place(sequence, i, items.get(i), false));
            }
        }
        for (int i = children.size() - 1; i >= 0; i--) {
            pending.push(children.get(i));
        }
    }

    @FunctionalInterface
    private interface AliasVisitor {
        void alias(Node parent, int index, Node node, boolean isKey);
    }

    private record Place(Node parent, int index, Node node, boolean isKey) {
    }

    private record AliasInList(Node node, List<CommentLine> comments) {
    }
}
