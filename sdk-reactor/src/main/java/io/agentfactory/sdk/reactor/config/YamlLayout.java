package io.agentfactory.sdk.reactor.config;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.DumpSettingsBuilder;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The whole-document layout choices the emitter makes once for every node, taken from the file
 * being rewritten so that untouched sections come out as they were written: the block indent,
 * where a block sequence's {@code -} sits under its key, the document markers and the line break.
 *
 * @param indent spaces per block mapping level
 * @param indicatorIndent spaces from the parent key to a sequence's {@code -}
 * @param indentWithIndicator whether an item's content is indented past the {@code -} by {@code indent}
 * @param explicitStart whether the document starts with {@code ---}
 * @param explicitEnd whether the document ends with {@code ...}
 * @param lineBreak {@code "\n"} or {@code "\r\n"}
 */
record YamlLayout(int indent, int indicatorIndent, boolean indentWithIndicator, boolean explicitStart,
        boolean explicitEnd, String lineBreak) {

    /** The layout of a fresh file: the one sdk-api/CONTRACT.md §5 shows ({@code projects:\n  - id: …}). */
    static final YamlLayout FRESH = new YamlLayout(2, 2, true, false, false, "\n");

    private static final int MAX_INDENT = 10;

    /** The layout of {@code text}, whose composed root is {@code root}. */
    static YamlLayout of(String text, @Nullable Node root, boolean explicitStart, boolean explicitEnd) {
        Probe probe = new Probe();
        if (root instanceof MappingNode mapping) {
            probe.visit(mapping, 0);
        }
        int indent = probe.indent > 0 ? Math.min(probe.indent, MAX_INDENT) : FRESH.indent;
        String lineBreak = text.contains("\r\n") ? "\r\n" : "\n";
        return sequenceLayout(indent, probe.dashOffset, probe.contentOffset)
                .withDocument(explicitStart, explicitEnd, lineBreak);
    }

    /**
     * The emitter settings closest to a file whose sequences put {@code -} {@code dash} columns
     * past their key and the item's content {@code content} columns past it (-1 when the file has
     * no block sequence). The emitter can place the content either at {@code indent} or at
     * {@code dash + indent}, so a layout such as yaml.v3's ({@code indent} 4, {@code -} at 4,
     * content at 6) cannot be reproduced; those files get their {@code -} kept in place and
     * the content at {@code dash + indent}.
     */
    private static YamlLayout sequenceLayout(int indent, int dash, int content) {
        if (dash < 0) {
            return indent == FRESH.indent ? FRESH : new YamlLayout(indent, 0, false, false, false, "\n");
        }
        if (dash == 0 || content == indent && dash <= indent - 2) {
            return new YamlLayout(indent, dash, false, false, false, "\n");
        }
        return new YamlLayout(indent, Math.min(dash, MAX_INDENT - 1), true, false, false, "\n");
    }

    private YamlLayout withDocument(boolean start, boolean end, String breakChars) {
        return new YamlLayout(indent, indicatorIndent, indentWithIndicator, start, end, breakChars);
    }

    /** Applies this layout to emitter settings. */
    DumpSettingsBuilder applyTo(DumpSettingsBuilder builder) {
        return builder.setIndent(indent)
                .setIndicatorIndent(indicatorIndent)
                .setIndentWithIndicator(indentWithIndicator)
                .setExplicitStart(explicitStart)
                .setExplicitEnd(explicitEnd)
                .setBestLineBreak(lineBreak);
    }

    /** Finds, in document order, the first nested block mapping and the first block sequence under a key. */
    private static final class Probe {
        int indent = -1;
        int dashOffset = -1;
        int contentOffset = -1;

        void visit(MappingNode mapping, int depth) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (indent > 0 && dashOffset >= 0 || depth > 8) {
                    return;
                }
                Optional<Mark> key = tuple.getKeyNode().getStartMark();
                Node value = tuple.getValueNode();
                if (key.isEmpty() || !isBlock(value) || value.getStartMark().isEmpty()) {
                    continue;
                }
                int keyColumn = key.get().getColumn();
                int valueColumn = value.getStartMark().get().getColumn();
                if (value instanceof MappingNode nested) {
                    if (indent < 0 && valueColumn > keyColumn) {
                        indent = valueColumn - keyColumn;
                    }
                    visit(nested, depth + 1);
                }
                else if (value instanceof SequenceNode sequence && dashOffset < 0) {
                    dashOffset = valueColumn - keyColumn;
                    Node first = sequence.getValue().isEmpty() ? null : sequence.getValue().get(0);
                    contentOffset = first == null || first.getStartMark().isEmpty() ? -1
                            : first.getStartMark().get().getColumn() - keyColumn;
                    if (first instanceof MappingNode item) {
                        visit(item, depth + 1);
                    }
                }
            }
        }

        /** A block collection whose start mark is its first item (an anchor would move the mark onto itself). */
        private static boolean isBlock(Node node) {
            return node instanceof CollectionNode<?> collection && collection.getFlowStyle() == FlowStyle.BLOCK
                    && node.getAnchor().isEmpty();
        }
    }
}
