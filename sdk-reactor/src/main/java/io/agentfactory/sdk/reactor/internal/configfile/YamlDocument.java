package io.agentfactory.sdk.reactor.internal.configfile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import io.agentfactory.sdk.error.ConfigFileException;
import io.agentfactory.sdk.error.MalformedYamlException;
import io.agentfactory.sdk.reactor.internal.configfile.YamlNode.Entry;
import io.agentfactory.sdk.reactor.internal.configfile.YamlNode.Mapping;
import io.agentfactory.sdk.reactor.internal.configfile.YamlNode.Scalar;
import io.agentfactory.sdk.reactor.internal.configfile.YamlNode.Sequence;

/**
 * One YAML document parsed into a {@link YamlNode} tree, and typed access to it whose errors name
 * the file and line. Not API.
 *
 * <p>The tree is built from the parser's events, not by the composer, so that the limits are
 * explicit and nothing recurses on the input: at most {@value #MAX_DEPTH} levels of nesting and
 * {@value #MAX_ALIASES} aliases, one document, no duplicate keys, scalar keys only. An alias shares
 * the anchored node rather than copying it, and may only refer to a node already complete, so it
 * can neither expand the document nor make it recursive.
 */
public final class YamlDocument {

    /** The deepest nesting of lists and mappings accepted. */
    public static final int MAX_DEPTH = 64;

    /** The most aliases ({@code *name}) accepted in a document. */
    public static final int MAX_ALIASES = 100;

    private static final String NULL_TAG = "tag:yaml.org,2002:null";
    private static final Set<String> PLAIN_NULLS = Set.of("", "~", "null", "Null", "NULL");

    private final String file;
    private final @Nullable YamlNode root;

    private YamlDocument(String file, @Nullable YamlNode root) {
        this.file = file;
        this.root = root;
    }

    /**
     * Parses {@code text}, the content of {@code file}.
     *
     * @throws MalformedYamlException when the text is not YAML or breaks a limit
     */
    public static YamlDocument parse(String file, String text) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setCodePointLimit(ConfigFileText.MAX_BYTES)
                .build();
        TreeBuilder builder = new TreeBuilder(file);
        try {
            // The parser itself, not api.lowlevel.Parse: that package is not exported to modules.
            ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
            while (parser.hasNext()) {
                builder.accept(parser.next());
            }
        }
        catch (MarkedYamlEngineException e) {
            String problem = e.getContext() == null ? e.getProblem() : e.getContext() + ": " + e.getProblem();
            throw new MalformedYamlException(file, line(e.getProblemMark()), problem, e);
        }
        catch (YamlEngineException e) {
            throw new MalformedYamlException(file, 0, String.valueOf(e.getMessage()), e);
        }
        return new YamlDocument(file, builder.root);
    }

    /** The file's path, as errors name it. */
    public String file() {
        return file;
    }

    /**
     * The top-level mapping; empty when the document is empty (no document, or a null one).
     *
     * @throws ConfigFileException when the top level is not a mapping
     */
    public Optional<Mapping> rootMapping() {
        if (root == null || root instanceof Scalar scalar && scalar.isNull()) {
            return Optional.empty();
        }
        if (root instanceof Mapping mapping) {
            return Optional.of(mapping);
        }
        throw invalid(root.line(), "the document must be a mapping, not " + root.describe());
    }

    /**
     * The string at {@code key}; {@code ""} when the key is absent or empty.
     *
     * @throws ConfigFileException when the value is a list or a mapping
     */
    public String text(Mapping mapping, String key) {
        Optional<Entry> entry = mapping.get(key);
        return entry.isEmpty() ? "" : text(entry.get().value(), key);
    }

    /**
     * The string {@code node} holds; {@code ""} when it is empty.
     *
     * @throws ConfigFileException when the node is a list or a mapping
     */
    public String text(YamlNode node, String what) {
        if (node instanceof Scalar scalar) {
            return scalar.text() == null ? "" : scalar.text();
        }
        throw invalid(node.line(), what + " must be a string, not " + node.describe());
    }

    /**
     * The list of strings at {@code key}; empty when the key is absent or empty.
     *
     * @throws ConfigFileException when the value is not a list, or an item is not a string
     */
    public List<String> texts(Mapping mapping, String key) {
        List<YamlNode> items = items(mapping, key);
        List<String> texts = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            if (!(item instanceof Scalar scalar) || scalar.isNull()) {
                throw invalid(item.line(), key + "[" + i + "] must be a string, not " + item.describe());
            }
            texts.add(scalar.text());
        }
        return texts;
    }

    /**
     * The items of the list at {@code key}; empty when the key is absent or empty.
     *
     * @throws ConfigFileException when the value is not a list
     */
    public List<YamlNode> items(Mapping mapping, String key) {
        return valueAt(mapping, key, Sequence.class, "a list").map(Sequence::items).orElse(List.of());
    }

    /**
     * The entries of the mapping at {@code key}; empty when the key is absent or empty.
     *
     * @throws ConfigFileException when the value is not a mapping
     */
    public List<Entry> entries(Mapping mapping, String key) {
        return valueAt(mapping, key, Mapping.class, "a mapping").map(Mapping::entries).orElse(List.of());
    }

    /** An error about this file at {@code line}. */
    public ConfigFileException invalid(int line, String message) {
        return new ConfigFileException(file, line, message, null);
    }

    /** The value at {@code key} as a {@code type}; empty when absent or null, an error when of another shape. */
    private <T extends YamlNode> Optional<T> valueAt(Mapping mapping, String key, Class<T> type, String shape) {
        Optional<YamlNode> value = mapping.get(key).map(Entry::value).filter(v -> !isNull(v));
        if (value.isEmpty() || type.isInstance(value.get())) {
            return value.map(type::cast);
        }
        throw invalid(value.get().line(), key + " must be " + shape + ", not " + value.get().describe());
    }

    private static boolean isNull(YamlNode node) {
        return node instanceof Scalar scalar && scalar.isNull();
    }

    private static int line(Optional<Mark> mark) {
        return mark.map(m -> m.getLine() + 1).orElse(0);
    }

    /** Builds the tree from parser events with an explicit stack of open collections. */
    private static final class TreeBuilder {

        private final String file;
        private final Deque<OpenCollection> open = new ArrayDeque<>();
        private final Map<String, YamlNode> anchors = new HashMap<>();
        private @Nullable YamlNode root;
        private int documents;
        private int aliases;

        TreeBuilder(String file) {
            this.file = file;
        }

        void accept(Event event) {
            int line = line(event.getStartMark());
            switch (event.getEventId()) {
                case DocumentStart -> {
                    if (++documents > 1) {
                        throw new MalformedYamlException(file, line, "holds more than one YAML document", null);
                    }
                }
                case Scalar -> {
                    ScalarEvent scalar = (ScalarEvent) event;
                    add(anchored(scalar, new Scalar(isNull(scalar) ? null : scalar.getValue(), line)));
                }
                case Alias -> add(resolve((AliasEvent) event, line));
                case SequenceStart, MappingStart -> {
                    if (open.size() == MAX_DEPTH) {
                        throw new MalformedYamlException(file, line, "nests deeper than " + MAX_DEPTH + " levels", null);
                    }
                    open.push(new OpenCollection(event.getEventId() == Event.ID.MappingStart, line,
                            ((NodeEvent) event).getAnchor()));
                }
                case SequenceEnd, MappingEnd -> {
                    OpenCollection closed = open.pop();
                    YamlNode node = closed.mapping
                            ? new Mapping(List.copyOf(closed.entries), closed.line)
                            : new Sequence(List.copyOf(closed.items), closed.line);
                    closed.anchor.ifPresent(a -> anchors.put(a.getValue(), node));
                    add(node);
                }
                default -> {
                    // stream and document boundaries, comments: nothing to build
                }
            }
        }

        private YamlNode anchored(NodeEvent event, YamlNode node) {
            event.getAnchor().ifPresent(a -> anchors.put(a.getValue(), node));
            return node;
        }

        private YamlNode resolve(AliasEvent alias, int line) {
            if (++aliases > MAX_ALIASES) {
                throw new MalformedYamlException(file, line, "uses more than " + MAX_ALIASES + " aliases", null);
            }
            YamlNode target = anchors.get(alias.getAlias().getValue());
            if (target == null) {
                // Also an alias to an enclosing, still open collection: a recursive document.
                throw new MalformedYamlException(file, line,
                        "alias *" + alias.getAlias().getValue() + " refers to no complete anchored node", null);
            }
            return target;
        }

        private void add(YamlNode node) {
            OpenCollection parent = open.peek();
            if (parent == null) {
                root = node;
            }
            else {
                parent.add(node);
            }
        }

        private static boolean isNull(ScalarEvent scalar) {
            Optional<String> tag = scalar.getTag();
            if (tag.isPresent()) {
                return tag.get().equals(NULL_TAG);
            }
            return scalar.isPlain() && PLAIN_NULLS.contains(scalar.getValue());
        }

        private final class OpenCollection {

            final boolean mapping;
            final int line;
            final Optional<Anchor> anchor;
            final List<YamlNode> items = new ArrayList<>();
            final List<Entry> entries = new ArrayList<>();
            final Set<String> keys = new HashSet<>();
            @Nullable Scalar pendingKey;

            OpenCollection(boolean mapping, int line, Optional<Anchor> anchor) {
                this.mapping = mapping;
                this.line = line;
                this.anchor = anchor;
            }

            void add(YamlNode node) {
                if (!mapping) {
                    items.add(node);
                    return;
                }
                Scalar key = pendingKey;
                if (key == null) {
                    if (!(node instanceof Scalar scalar)) {
                        throw new MalformedYamlException(file, node.line(), "a key must be a string, not " + node.describe(), null);
                    }
                    String text = scalar.text() == null ? "" : scalar.text();
                    if (!keys.add(text)) {
                        throw new MalformedYamlException(file, node.line(), "duplicate key " + text, null);
                    }
                    pendingKey = scalar;
                    return;
                }
                entries.add(new Entry(key.text() == null ? "" : key.text(), key.line(), node));
                pendingKey = null;
            }
        }
    }
}
