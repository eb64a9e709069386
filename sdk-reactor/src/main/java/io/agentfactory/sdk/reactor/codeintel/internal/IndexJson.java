package io.agentfactory.sdk.reactor.codeintel.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import io.agentfactory.sdk.codeintel.IndexedFile;
import io.agentfactory.sdk.codeintel.Symbol;
import io.agentfactory.sdk.codeintel.SymbolKind;

/**
 * The reference's {@code index.json}, schema version 5:
 * {@code {"version":5,"files":{"<path>":{filePath,gitHash,contentHash,simHash,symbols,imports,exports,symbolHashes,lastIndexed}},"rootHash"}}.
 * {@code simHash} is an unsigned 64-bit JSON integer, as the reference writes it. We add a per-file
 * {@code language} (the reference ignores unknown fields; a file without it is taken as not ours and
 * re-extracted). Reading is strict: any missing field, wrong type or out-of-range value rejects the
 * whole file, and parser limits bound nesting depth and string length.
 */
final class IndexJson {

    /** The schema version the reference writes and reads (a hard gate: any other is discarded). */
    static final int VERSION = 5;

    private static final BigInteger UNSIGNED_LIMIT = BigInteger.ONE.shiftLeft(64);

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(16)
                            .maxStringLength(1 << 22)
                            .maxNumberLength(40)
                            .maxNameLength(4096)
                            .build())
                    .build())
            .build();

    /** The reference's indentation (two spaces), the default pretty printer. */
    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    /** Why a persisted index was not used. The message names the reason, never the content. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String reason) {
            super(reason);
        }
    }

    /** A persisted index: entries by path and the root hash it was written with. */
    record Loaded(Map<String, FileEntry> entries, String rootHash) {
        Loaded {
            entries = Map.copyOf(entries);
        }
    }

    private IndexJson() {
    }

    /**
     * Streams the JSON of {@code entries} to {@code out} (indented by two spaces, like the reference),
     * with no tree in between: the bytes are those a Jackson tree of the same fields pretty-printed
     * with the default printer gives. {@code simHash} is written as its unsigned decimal, {@code lastIndexed}
     * is each entry's own (an unchanged entry keeps its time). Flushes {@code out} at the end; closing it is the caller's.
     *
     * @throws tools.jackson.core.JacksonException when {@code out} fails
     */
    static void write(List<FileEntry> entries, String rootHash, OutputStream out) {
        try (JsonGenerator g = PRETTY.createGenerator(new Unclosed(out))) {
            g.writeStartObject();
            g.writeNumberProperty("version", VERSION);
            g.writeName("files");
            g.writeStartObject();
            for (FileEntry entry : entries) {
                writeEntry(g, entry);
            }
            g.writeEndObject();
            g.writeStringProperty("rootHash", rootHash);
            g.writeEndObject();
        }
    }

    private static void writeEntry(JsonGenerator g, FileEntry entry) {
        IndexedFile file = entry.file();
        g.writeName(file.path());
        g.writeStartObject();
        g.writeStringProperty("filePath", file.path());
        g.writeStringProperty("gitHash", file.gitHash());
        g.writeStringProperty("contentHash", entry.fingerprint().contentHash());
        g.writeName("simHash");
        g.writeNumber(Long.toUnsignedString(entry.fingerprint().simHash()));
        g.writeStringProperty("language", file.language());
        g.writeArrayPropertyStart("symbols");
        for (Symbol symbol : file.symbols()) {
            g.writeStartObject();
            g.writeStringProperty("name", symbol.name());
            g.writeStringProperty("kind", symbol.kind().wireName());
            g.writeStringProperty("filePath", symbol.filePath());
            g.writeNumberProperty("line", symbol.line());
            if (symbol.endLine() != 0) {
                g.writeNumberProperty("endLine", symbol.endLine());
            }
            g.writeStringProperty("signature", symbol.signature());
            g.writeStringProperty("documentation", symbol.documentation());
            g.writeBooleanProperty("exported", symbol.exported());
            g.writeStringProperty("parentName", symbol.parentName());
            g.writeStringProperty("language", symbol.language());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("imports");
        for (String value : file.imports()) {
            g.writeString(value);
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("exports");
        for (String value : file.exports()) {
            g.writeString(value);
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("symbolHashes");
        for (DuplicateFingerprint f : entry.symbolFingerprints()) {
            g.writeStartObject();
            g.writeStringProperty("symbolName", f.symbolName());
            g.writeNumberProperty("line", f.line());
            g.writeStringProperty("contentHash", f.contentHash());
            g.writeName("simHash");
            g.writeNumber(Long.toUnsignedString(f.simHash()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberProperty("lastIndexed", entry.lastIndexed());
        g.writeEndObject();
    }

    /** Passes writes through; closing only flushes, so the caller keeps its stream (and channel) open. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    /** Parses {@code bytes}; any deviation from the schema is {@link Invalid}. */
    static Loaded read(byte[] bytes) throws Invalid {
        JsonNode top;
        try {
            top = MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new Invalid("not valid JSON within the parser limits");
        }
        if (top == null || !top.isObject()) {
            throw new Invalid("the top level is not an object");
        }
        JsonNode version = top.get("version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() != VERSION) {
            throw new Invalid("schema version is not " + VERSION);
        }
        JsonNode files = top.get("files");
        if (files == null || !files.isObject()) {
            throw new Invalid("files is not an object");
        }
        Map<String, FileEntry> entries = new HashMap<>();
        for (Map.Entry<String, JsonNode> field : files.properties()) {
            FileEntry entry = entry(field.getKey(), field.getValue());
            entries.put(entry.file().path(), entry);
        }
        return new Loaded(entries, text(top, "rootHash"));
    }

    private static FileEntry entry(String path, JsonNode node) throws Invalid {
        if (!node.isObject()) {
            throw new Invalid("a file entry is not an object");
        }
        if (!path.equals(text(node, "filePath")) || !safePath(path)) {
            throw new Invalid("a file entry has an inconsistent or unsafe path");
        }
        String gitHash = text(node, "gitHash");
        if (!gitHash.matches("[0-9a-f]{40}")) {
            throw new Invalid("a gitHash is not 40 hex digits");
        }
        String language = text(node, "language");
        List<Symbol> symbols = new ArrayList<>();
        for (JsonNode s : array(node, "symbols")) {
            symbols.add(symbol(s, path));
        }
        List<DuplicateFingerprint> hashes = new ArrayList<>();
        for (JsonNode h : array(node, "symbolHashes")) {
            if (!h.isObject()) {
                throw new Invalid("a symbolHashes element is not an object");
            }
            hashes.add(new DuplicateFingerprint(text(h, "symbolName"), positive(h, "line"), text(h, "contentHash"), simHash(h)));
        }
        IndexedFile file = new IndexedFile(path, language, gitHash, symbols, strings(node, "imports"), strings(node, "exports"));
        return new FileEntry(file, new DuplicateFingerprint("", 0, text(node, "contentHash"), simHash(node)), hashes,
                lastIndexed(node));
    }

    private static Symbol symbol(JsonNode s, String path) throws Invalid {
        if (!s.isObject()) {
            throw new Invalid("a symbol is not an object");
        }
        SymbolKind kind = kind(text(s, "kind"));
        int line = positive(s, "line");
        int endLine = 0;
        JsonNode end = s.get("endLine");
        if (end != null && !end.isNull()) {
            endLine = positive(s, "endLine");
            if (endLine < line) {
                throw new Invalid("a symbol ends before it starts");
            }
        }
        JsonNode exported = s.get("exported");
        if (exported == null || !exported.isBoolean()) {
            throw new Invalid("a symbol's exported is not a boolean");
        }
        if (!path.equals(text(s, "filePath"))) {
            throw new Invalid("a symbol names another file");
        }
        return new Symbol(text(s, "name"), kind, path, line, endLine, optional(s, "signature"), optional(s, "documentation"),
                exported.booleanValue(), optional(s, "parentName"), optional(s, "language"));
    }

    private static SymbolKind kind(String wire) throws Invalid {
        for (SymbolKind kind : SymbolKind.values()) {
            if (kind.wireName().equals(wire)) {
                return kind;
            }
        }
        throw new Invalid("unknown symbol kind");
    }

    /** Relative, {@code /}-separated, no empty, {@code .} or {@code ..} segment. */
    private static boolean safePath(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            return false;
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonNode node, String name) throws Invalid {
        JsonNode value = node.get(name);
        if (value == null || !value.isString()) {
            throw new Invalid("field " + name + " is missing or not a string");
        }
        return value.asString();
    }

    private static String optional(JsonNode node, String name) throws Invalid {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? "" : text(node, name);
    }

    private static int positive(JsonNode node, String name) throws Invalid {
        JsonNode value = node.get(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            throw new Invalid("field " + name + " is not a positive int");
        }
        return value.intValue();
    }

    /** The entry's {@code lastIndexed}: a non-negative integer, {@code 0} when absent or null. */
    private static long lastIndexed(JsonNode node) throws Invalid {
        JsonNode value = node.get("lastIndexed");
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new Invalid("lastIndexed is not a non-negative integer");
        }
        return value.longValue();
    }

    private static long simHash(JsonNode node) throws Invalid {
        JsonNode value = node.get("simHash");
        if (value == null || !value.isIntegralNumber()) {
            throw new Invalid("simHash is not an integer");
        }
        BigInteger big = value.bigIntegerValue();
        if (big.signum() < 0 || big.compareTo(UNSIGNED_LIMIT) >= 0) {
            throw new Invalid("simHash is out of the unsigned 64-bit range");
        }
        return big.longValue();
    }

    private static Iterable<JsonNode> array(JsonNode node, String name) throws Invalid {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new Invalid("field " + name + " is not an array");
        }
        return value;
    }

    private static List<String> strings(JsonNode node, String name) throws Invalid {
        List<String> out = new ArrayList<>();
        for (JsonNode value : array(node, name)) {
            if (!value.isString()) {
                throw new Invalid("field " + name + " holds a non-string");
            }
            out.add(value.asString());
        }
        return out;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
