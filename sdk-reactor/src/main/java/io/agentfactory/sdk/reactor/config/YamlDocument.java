package io.agentfactory.sdk.reactor.config;

import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.comments.CommentLine;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

import io.agentfactory.sdk.error.ConfigFileException;

/**
 * One {@code daemon.yaml} as a snakeyaml-engine node tree: composed (never constructed into Java
 * objects) under explicit limits, edited in place, emitted with the layout it was read with.
 *
 * <p>Limits, each rejected with a {@link ConfigFileException} naming the file (and the line when
 * the parser knows it): more than {@value #MAX_BYTES} bytes or code points; more than
 * {@value #MAX_ALIASES} aliases to collections (alias bombs); collections nested deeper than
 * {@value #MAX_DEPTH}; duplicate keys; non-scalar or recursive keys; more than one document;
 * bytes that are not UTF-8. Tags are kept as text and never resolved to classes; {@code ${VAR}}
 * environment substitution is off.
 */
final class YamlDocument {

    /** The largest file read, in bytes (also the code point limit of the parser). */
    static final int MAX_BYTES = 1024 * 1024;
    /** The most aliases to collections a document may hold. */
    static final int MAX_ALIASES = 50;
    /** The deepest nesting of collections a document may hold. */
    static final int MAX_DEPTH = 64;

    private static final LoadSettings LOAD = LoadSettings.builder()
            .setParseComments(true)
            .setSchema(CoreSchemaKeepingMergeKeys.INSTANCE)
            .setAllowDuplicateKeys(false)
            .setAllowRecursiveKeys(false)
            .setAllowNonScalarKeys(false)
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setCodePointLimit(MAX_BYTES)
            .setEnvConfig(Optional.empty())
            .setUseMarks(true)
            .build();

    private final String file;
    private final String preamble;
    private final YamlLayout layout;
    private final CommentPlacement comments;
    private final @Nullable CommentLine startMarkerComment;
    private final @Nullable CommentLine endMarkerComment;
    private @Nullable Node root;

    private YamlDocument(String file, String preamble, YamlLayout layout, @Nullable Node root, CommentPlacement comments,
            @Nullable GuardedParser parser) {
        this.file = file;
        this.preamble = preamble;
        this.layout = layout;
        this.root = root;
        this.comments = comments;
        this.startMarkerComment = parser == null ? null : parser.startMarkerComment();
        this.endMarkerComment = parser == null ? null : parser.endMarkerComment();
    }

    /** The document of a file that does not exist yet. */
    static YamlDocument absent(String file) {
        return new YamlDocument(file, "", YamlLayout.FRESH, null, CommentPlacement.none(), null);
    }

    /**
     * Composes {@code bytes} (the whole file).
     *
     * @throws ConfigFileException when the bytes break a limit or are not YAML
     */
    static YamlDocument parse(String file, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new ConfigFileException(file, 0, "larger than " + MAX_BYTES + " bytes", null);
        }
        String text = decode(file, bytes);
        GuardedParser parser = new GuardedParser(new ParserImpl(LOAD, new StreamReader(LOAD, text)), file, text,
                MAX_DEPTH, MAX_ALIASES);
        Node root;
        try {
            root = new Composer(LOAD, parser).getSingleNode().orElse(null);
        }
        catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(mark -> mark.getLine() + 1).orElse(0);
            throw new ConfigFileException(file, line, "not valid YAML: " + e.getProblem(), e);
        }
        catch (YamlEngineException e) {
            throw new ConfigFileException(file, 0, "not valid YAML: " + e.getMessage(), e);
        }
        catch (ConfigFileException e) {
            throw e; // a limit of the guarded parser, naming its line
        }
        catch (RuntimeException e) {
            // snakeyaml-engine fails on some comment placements with ClassCastException and the like
            throw new ConfigFileException(file, 0, "cannot be read by the YAML parser: " + e, e);
        }
        if (root != null && root.getTag().equals(Tag.COMMENT)) {
            // Only comments: no document. Keep the text verbatim ahead of whatever gets written.
            return new YamlDocument(file, text, YamlLayout.of(text, null, false, false), null, CommentPlacement.none(),
                    null);
        }
        if (root != null) {
            rejectDuplicateKeys(file, root);
        }
        return new YamlDocument(file, "", YamlLayout.of(text, root, parser.explicitStart(), parser.explicitEnd()), root,
                CommentPlacement.of(root, parser.aliasComments()), parser);
    }

    /** The root node; {@code null} when the file is missing, empty or only comments. */
    @Nullable Node root() {
        return root;
    }

    /**
     * The root mapping, created when the document has none (missing, empty, comments-only or a
     * null document). The caller has checked that an existing root is a mapping or null.
     */
    MappingNode rootMapping() {
        if (root instanceof MappingNode mapping) {
            return mapping;
        }
        MappingNode fresh = new MappingNode(Tag.MAP, new ArrayList<>(), FlowStyle.BLOCK);
        root = fresh;
        return fresh;
    }

    /**
     * The document as text, in the layout it was read with (a fresh file gets {@link YamlLayout#FRESH}),
     * comments placed as {@link CommentPlacement} describes.
     *
     * @throws ConfigFileException when the emitter fails (nothing has been written anywhere)
     */
    String emit() {
        DumpSettings settings = layout.applyTo(DumpSettings.builder())
                .setDumpComments(true)
                .setSchema(CoreSchemaKeepingMergeKeys.INSTANCE)
                .setWidth(Integer.MAX_VALUE)
                .setSplitLines(false)
                .build();
        TextSink sink = new TextSink();
        if (!preamble.isEmpty()) {
            sink.write(preamble);
            if (!preamble.endsWith("\n")) {
                sink.write(layout.lineBreak());
            }
        }
        TextSink document = new TextSink();
        try {
            comments.dump(settings, rootMapping(), document);
        }
        catch (RuntimeException e) {
            throw new ConfigFileException(file, 0, "cannot be written: the YAML emitter failed (" + e + ")", e);
        }
        sink.write(withMarkerComments(document.toString()));
        return sink.toString();
    }

    /** The {@code ---} and {@code ...} lines of {@code text} with the end-of-line comments they had. */
    private String withMarkerComments(String text) {
        String result = text;
        if (startMarkerComment != null && result.startsWith("---")) {
            String marker = "--- #" + startMarkerComment.getValue();
            String rest = result.substring(3);
            // the content either starts on the next line or, after a space, on the marker line: move it down
            result = marker + (rest.startsWith(" ") ? layout.lineBreak() + rest.substring(1) : rest);
        }
        String end = "..." + layout.lineBreak();
        if (endMarkerComment != null && result.endsWith(end)) {
            result = result.substring(0, result.length() - end.length()) + "... #" + endMarkerComment.getValue()
                    + layout.lineBreak();
        }
        return result;
    }

    private static String decode(String file, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        }
        catch (CharacterCodingException e) {
            throw new ConfigFileException(file, 0, "not valid UTF-8", e);
        }
    }

    /** The composer leaves duplicate keys to a constructor, which is never run here; check them. */
    private static void rejectDuplicateKeys(String file, Node root) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Node> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            Node node = pending.remove(pending.size() - 1);
            if (!seen.add(node)) {
                continue; // an alias: already checked
            }
            if (node instanceof MappingNode mapping) {
                Set<String> keys = new HashSet<>();
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key && !keys.add(key.getValue())) {
                        int line = key.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
                        throw new ConfigFileException(file, line, "duplicate key '" + key.getValue() + "'", null);
                    }
                    pending.add(tuple.getValueNode());
                }
            }
            else if (node instanceof SequenceNode sequence) {
                pending.addAll(sequence.getValue());
            }
        }
    }

    /**
     * The YAML 1.2 core schema, except that {@code <<} stays a plain string: the composer would
     * otherwise flatten merge keys into copies of the base's entries, and a write would replace
     * {@code <<: *base} with them. {@link YamlScalars#lookup} applies merges when reading.
     */
    private static final class CoreSchemaKeepingMergeKeys implements Schema {

        static final Schema INSTANCE = new CoreSchemaKeepingMergeKeys();

        private final ScalarResolver resolver = new CoreScalarResolver(false);
        private final Map<Tag, ConstructNode> constructors = new CoreSchema().getSchemaTagConstructors();

        @Override
        public ScalarResolver getScalarResolver() {
            return resolver;
        }

        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
            return constructors;
        }
    }

    private static final class TextSink extends StringWriter implements StreamDataWriter {

        @Override
        public void write(String text) {
            super.write(text);
        }

        @Override
        public void write(String text, int offset, int length) {
            super.write(text, offset, length);
        }
    }
}
