package io.agentfactory.sdk.reactor.codeintel.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;

import io.agentfactory.sdk.codeintel.FileSymbols;
import io.agentfactory.sdk.codeintel.Symbol;
import io.agentfactory.sdk.codeintel.SymbolKind;

/**
 * Reads the symbols of one Kotlin file from its tree-sitter syntax tree, by the rules of
 * {@link KotlinExtractor}: types (class, data/sealed/value/annotation class, interface, enum class,
 * named object and named companion object), functions (an extension function's receiver type, generics
 * and {@code ?} dropped, is its parent), {@code val}/{@code var} declarations and primary-constructor
 * properties, type aliases. A declaration's line is that of its first token after leading annotations,
 * its signature the text from there to its body (line breaks joined, comments left out), its
 * documentation the KDoc block above it (blank lines, other comments and annotations may stand
 * between). Block bodies ({@code { }}) get their closing line; expression bodies and bodyless
 * declarations do not. Function bodies are not entered (no local declarations). The walk uses an
 * explicit stack, not recursion.
 *
 * <p>The parser and the tree hold native memory: both are closed before {@link #read} returns. A parser
 * is made for each call, so this is thread-safe.
 */
final class KotlinTreeReader {

    private static final String LANGUAGE = "kotlin";

    private final String filePath;
    private final byte[] utf8;
    private final String[] lines;
    private final SymbolCollector found = new SymbolCollector();

    private KotlinTreeReader(String source, String filePath) {
        this.filePath = filePath;
        this.utf8 = source.getBytes(StandardCharsets.UTF_8);
        this.lines = SourceLines.split(source);
    }

    /**
     * The symbols of {@code source}, or {@code null} when the tree has a syntax error (the caller then
     * uses the regex extractor) or the source holds text whose byte offsets the native side counts
     * differently ({@code NUL} characters, unpaired surrogates).
     */
    static @Nullable FileSymbols read(TSLanguage language, String source, String filePath) {
        if (!offsetsAgree(source)) {
            return null;
        }
        KotlinTreeReader reader = new KotlinTreeReader(source, filePath);
        try (TSParser parser = new TSParser()) {
            parser.setLanguage(language);
            try (TSTree tree = parser.parseString(null, source)) {
                TSNode root = tree.getRootNode();
                if (root.hasError()) {
                    return null;
                }
                reader.walk(root);
            }
        }
        return reader.found.result(filePath, LANGUAGE);
    }

    /** No {@code NUL} (a lexer's end of input) and no unpaired surrogate (encoded differently by the binding). */
    private static boolean offsetsAgree(String source) {
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= source.length() || !Character.isLowSurrogate(source.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** One declaration to read: the node, its enclosing type's name (or {@code ""}) and whether it is in a type body. */
    private record Pending(TSNode node, String parent, boolean inType) {
    }

    private void walk(TSNode root) {
        Deque<Pending> stack = new ArrayDeque<>();
        List<Pending> top = new ArrayList<>();
        for (TSNode child : namedChildren(root)) {
            switch (child.getType()) {
                case "import_list" -> namedChildren(child).forEach(this::importHeader);
                case "import_header" -> importHeader(child);
                default -> top.add(new Pending(child, "", false));
            }
        }
        pushReversed(stack, top);
        while (!stack.isEmpty()) {
            Pending p = stack.pop();
            List<Pending> members = declaration(p);
            pushReversed(stack, members);
        }
    }

    private static void pushReversed(Deque<Pending> stack, List<Pending> items) {
        for (int i = items.size() - 1; i >= 0; i--) {
            stack.push(items.get(i));
        }
    }

    private void importHeader(TSNode header) {
        if (!header.getType().equals("import_header")) {
            return;
        }
        String name = "";
        boolean wildcard = false;
        for (TSNode child : namedChildren(header)) {
            switch (child.getType()) {
                case "identifier" -> name = text(child);
                case "wildcard_import" -> wildcard = true;
                default -> {
                    // an alias or a comment
                }
            }
        }
        if (!name.isEmpty()) {
            found.imported(wildcard ? name + ".*" : name);
        }
    }

    /** A node's named children and their types, read once (every read is a call into the native library). */
    private record Kids(List<TSNode> nodes, List<String> types) {

        static Kids of(TSNode node) {
            int count = node.getNamedChildCount();
            List<TSNode> nodes = new ArrayList<>(count);
            List<String> types = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                TSNode child = node.getNamedChild(i);
                nodes.add(child);
                types.add(child.getType());
            }
            return new Kids(nodes, types);
        }

        @Nullable TSNode first(String type) {
            int i = types.indexOf(type);
            return i < 0 ? null : nodes.get(i);
        }
    }

    /**
     * Where a declaration starts once leading annotations (in its modifiers) are skipped, and whether its
     * modifiers make it exported (neither {@code private} nor {@code internal}).
     */
    private record Head(int offset, int row, boolean exported) {
    }

    private Head head(TSNode node, Kids kids) {
        TSNode modifiers = kids.nodes().isEmpty() || !kids.types().get(0).equals("modifiers") ? null : kids.nodes().get(0);
        if (modifiers == null) {
            return new Head(node.getStartByte(), node.getStartPoint().getRow(), true);
        }
        @Nullable TSNode first = null;
        boolean exported = true;
        Kids mods = Kids.of(modifiers);
        for (int i = 0; i < mods.nodes().size(); i++) {
            String type = mods.types().get(i);
            if (first == null && !type.equals("annotation")) {
                first = mods.nodes().get(i);
            }
            if (type.equals("visibility_modifier")) {
                String visibility = text(mods.nodes().get(i));
                exported &= !visibility.equals("private") && !visibility.equals("internal");
            }
        }
        if (first == null) { // annotations only: the declaration starts at the token after them
            TSNode after = modifiers.getNextSibling();
            first = after == null || after.isNull() ? node : after;
        }
        return new Head(first.getStartByte(), first.getStartPoint().getRow(), exported);
    }

    /** Reports the declaration {@code p} (if it is one) and returns the members to read next, in source order. */
    private List<Pending> declaration(Pending p) {
        TSNode node = p.node();
        String type = node.getType();
        return switch (type) {
            case "class_declaration", "object_declaration", "companion_object" -> type(p, type, Kids.of(node));
            case "function_declaration" -> {
                function(p, Kids.of(node));
                yield List.of();
            }
            case "property_declaration" -> {
                property(p, Kids.of(node));
                yield List.of();
            }
            case "type_alias" -> {
                Kids kids = Kids.of(node);
                TSNode name = kids.first("type_identifier");
                if (name != null) {
                    declared(node, head(node, kids), text(name), SymbolKind.TYPE, 0, null, p.parent());
                }
                yield List.of();
            }
            default -> List.of(); // init blocks, secondary constructors, enum entries, statements of a script
        };
    }

    private List<Pending> type(Pending p, String type, Kids kids) {
        TSNode node = p.node();
        @Nullable TSNode name = kids.first("type_identifier");
        @Nullable TSNode body = kids.first("class_body");
        if (body == null) {
            body = kids.first("enum_class_body");
        }
        String members = p.parent();
        if (name != null) { // an unnamed companion object is no symbol: its members belong to the enclosing type
            SymbolKind kind = type.equals("class_declaration") ? classKind(node) : SymbolKind.CLASS;
            members = text(name);
            declared(node, head(node, kids), members, kind, body == null ? 0 : endLine(body), body, p.parent());
            TSNode constructor = kids.first("primary_constructor");
            if (constructor != null) {
                Kids parameters = Kids.of(constructor);
                for (int i = 0; i < parameters.nodes().size(); i++) {
                    if (parameters.types().get(i).equals("class_parameter")) {
                        constructorProperty(parameters.nodes().get(i), members);
                    }
                }
            }
        }
        List<Pending> next = new ArrayList<>();
        if (body != null) {
            for (TSNode member : Kids.of(body).nodes()) {
                next.add(new Pending(member, members, true));
            }
        }
        return next;
    }

    /** {@code interface} and {@code enum} are keywords of the declaration itself in this grammar, not modifiers. */
    private static SymbolKind classKind(TSNode node) {
        for (int i = 0; i < node.getChildCount(); i++) {
            TSNode child = node.getChild(i);
            if (!child.isNamed()) {
                switch (child.getType()) {
                    case "interface" -> {
                        return SymbolKind.INTERFACE;
                    }
                    case "enum" -> {
                        return SymbolKind.ENUM;
                    }
                    case "class", "object" -> {
                        return SymbolKind.CLASS;
                    }
                    default -> {
                        // fun (of a fun interface), ...
                    }
                }
            }
        }
        return SymbolKind.CLASS;
    }

    private void constructorProperty(TSNode parameter, String owner) {
        Kids kids = Kids.of(parameter);
        TSNode name = kids.first("simple_identifier");
        if (kids.first("binding_pattern_kind") != null && name != null) { // else a plain constructor parameter
            declared(parameter, head(parameter, kids), text(name), SymbolKind.PROPERTY, 0, null, owner);
        }
    }

    private void function(Pending p, Kids kids) {
        TSNode node = p.node();
        @Nullable TSNode name = null;
        @Nullable TSNode receiver = null;
        @Nullable TSNode body = null;
        for (int i = 0; i < kids.nodes().size(); i++) {
            String type = kids.types().get(i);
            if (name == null && type.equals("simple_identifier")) {
                name = kids.nodes().get(i);
            } else if (name == null && type.endsWith("_type")) {
                receiver = kids.nodes().get(i);
            } else if (type.equals("function_body")) {
                body = kids.nodes().get(i);
            }
        }
        if (name == null) {
            return;
        }
        String parent = receiver != null ? typeName(text(receiver)) : p.parent();
        boolean block = body != null && utf8[body.getStartByte()] == '{';
        declared(node, head(node, kids), text(name), parent.isEmpty() ? SymbolKind.FUNCTION : SymbolKind.METHOD,
                block ? endLine(body) : 0, body, parent);
    }

    private void property(Pending p, Kids kids) {
        TSNode node = p.node();
        @Nullable TSNode receiver = null;
        List<TSNode> names = new ArrayList<>();
        for (int i = 0; i < kids.nodes().size(); i++) {
            String type = kids.types().get(i);
            if (type.equals("variable_declaration")) {
                names.add(kids.nodes().get(i));
                break;
            }
            if (type.equals("multi_variable_declaration")) {
                Kids variables = Kids.of(kids.nodes().get(i));
                for (int k = 0; k < variables.nodes().size(); k++) {
                    if (variables.types().get(k).equals("variable_declaration")) {
                        names.add(variables.nodes().get(k));
                    }
                }
                break;
            }
            if (type.endsWith("_type")) {
                receiver = kids.nodes().get(i); // an extension property
            }
        }
        String parent = receiver != null ? typeName(text(receiver)) : p.parent();
        SymbolKind kind = p.inType() || receiver != null ? SymbolKind.PROPERTY : SymbolKind.VARIABLE;
        Head head = head(node, kids);
        for (TSNode variable : names) {
            TSNode name = Kids.of(variable).first("simple_identifier");
            if (name != null) {
                declared(node, head, text(name), kind, 0, null, parent);
            }
        }
    }

    /**
     * Reports a symbol; {@code body} is where the signature stops, {@code null} for a declaration
     * without one, or whose signature is {@code ""} (properties, type aliases, constructor properties).
     */
    private void declared(TSNode node, Head head, String name, SymbolKind kind, int endLine, @Nullable TSNode body,
            String parent) {
        int line = head.row() + 1;
        boolean typeOrFunction = kind != SymbolKind.PROPERTY && kind != SymbolKind.VARIABLE && kind != SymbolKind.TYPE;
        String signature = typeOrFunction ? signature(node, head, body) : "";
        found.declared(new Symbol(name, kind, filePath, line, endLine == 0 || endLine < line ? 0 : endLine, signature,
                documentation(node.getStartPoint().getRow()), head.exported(), parent, LANGUAGE));
    }

    /**
     * The declaration from its first token after leading annotations up to its body (or its end),
     * comments left out; a line break and the indentation after it become one space, or none after an
     * opening or before a closing bracket, a dot or a comma.
     */
    private String signature(TSNode node, Head head, @Nullable TSNode body) {
        int from = head.offset();
        int to = body != null ? body.getStartByte() : node.getEndByte();
        if (to <= from) {
            return "";
        }
        List<int[]> comments = mayHoldComments(from, to) ? comments(node, from, to) : List.of();
        StringBuilder text = new StringBuilder();
        int at = from;
        for (int[] comment : comments) {
            text.append(new String(utf8, at, comment[0] - at, StandardCharsets.UTF_8));
            text.append('\n'); // a comment separates like a line break
            at = comment[1];
        }
        text.append(new String(utf8, at, to - at, StandardCharsets.UTF_8));
        return joinLines(text.toString());
    }

    /** Whether the bytes in [from, to) hold {@code //} or {@code /*} (else no comment walk is needed). */
    private boolean mayHoldComments(int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (utf8[i] == '/' && (utf8[i + 1] == '/' || utf8[i + 1] == '*')) {
                return true;
            }
        }
        return false;
    }

    /** The comment byte ranges inside [from, to) of the declaration's header (its body is not entered), in order. */
    private static List<int[]> comments(TSNode node, int from, int to) {
        List<int[]> ranges = new ArrayList<>();
        Deque<TSNode> stack = new ArrayDeque<>();
        stack.push(node);
        while (!stack.isEmpty()) {
            TSNode n = stack.pop();
            String type = n.getType();
            if (type.equals("line_comment") || type.equals("multiline_comment")) {
                if (n.getStartByte() >= from && n.getEndByte() <= to) {
                    ranges.add(new int[] {n.getStartByte(), n.getEndByte()});
                }
                continue;
            }
            for (int i = n.getNamedChildCount() - 1; i >= 0; i--) {
                TSNode child = n.getNamedChild(i);
                if (child.getStartByte() < to && child.getEndByte() > from) { // the body starts at to: not entered
                    stack.push(child);
                }
            }
        }
        ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
        return ranges;
    }

    static String joinLines(String text) {
        String[] parts = text.split("\\R", -1);
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            String piece = joined.isEmpty() ? part.stripTrailing() : part.strip();
            if (piece.isEmpty()) {
                continue;
            }
            if (!joined.isEmpty() && spaceBetween(joined.charAt(joined.length() - 1), piece.charAt(0))) {
                joined.append(' ');
            }
            joined.append(piece);
        }
        return joined.toString().strip();
    }

    private static boolean spaceBetween(char before, char after) {
        return "([<.".indexOf(before) < 0 && ")]>.,".indexOf(after) < 0;
    }

    /**
     * The KDoc block above {@code row}: lines going up that are blank, line comments, other block
     * comments or start with {@code @} (annotations that this grammar may read as a statement of their
     * own before a declaration) are passed over; the first {@code /** ... *&#47;} block found is the documentation, any
     * other line means there is none.
     */
    private String documentation(int row) {
        int i = row - 1;
        while (i >= 0) {
            String t = lines[i].strip();
            if (t.isEmpty() || t.startsWith("//") || t.startsWith("@")) { // annotation lines the grammar may read apart
                i--;
                continue;
            }
            if (!t.endsWith("*/")) {
                return "";
            }
            int start = i;
            while (start >= 0 && !lines[start].strip().startsWith("/*")) {
                start--;
            }
            if (start < 0) {
                return "";
            }
            if (lines[start].strip().startsWith("/**")) {
                StringBuilder doc = new StringBuilder();
                for (int k = start; k <= i; k++) {
                    doc.append(lines[k]).append('\n');
                }
                String block = doc.toString().strip();
                int close = block.indexOf("*/", 3);
                return close >= 0 ? block.substring(0, close + 2) : block;
            }
            i = start - 1;
        }
        return "";
    }

    /** A receiver type's name: generic arguments, a trailing {@code ?} and enclosing parentheses dropped. */
    static String typeName(String type) {
        StringBuilder name = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && c != '?' && c != '(' && c != ')' && !Character.isWhitespace(c)) {
                name.append(c);
            }
        }
        return name.toString();
    }

    private int endLine(TSNode node) {
        return node.getEndPoint().getRow() + 1;
    }

    private String text(TSNode node) {
        return new String(utf8, node.getStartByte(), node.getEndByte() - node.getStartByte(), StandardCharsets.UTF_8);
    }

    private static List<TSNode> namedChildren(TSNode node) {
        int count = node.getNamedChildCount();
        List<TSNode> children = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            children.add(node.getNamedChild(i));
        }
        return children;
    }
}
