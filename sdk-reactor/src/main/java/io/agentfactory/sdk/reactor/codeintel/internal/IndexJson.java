package io.agentfactory.sdk.reactor.codeintel.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

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

    /** The JSON bytes of {@code entries} (indented by two spaces, like the reference). */
    static byte[] write(List<FileEntry> entries, String rootHash, long nowMillis) {
        ObjectNode top = MAPPER.createObjectNode();
        top.put("version", VERSION);
        ObjectNode files = top.putObject("files");
        for (FileEntry entry : entries) {
            IndexedFile file = entry.file();
            ObjectNode node = files.putObject(file.path());
            node.put("filePath", file.path());
            node.put("gitHash", file.gitHash());
            node.put("contentHash", entry.fingerprint().contentHash());
            node.put("simHash", unsigned(entry.fingerprint().simHash()));
            node.put("language", file.language());
            ArrayNode symbols = node.putArray("symbols");
            for (Symbol symbol : file.symbols()) {
                ObjectNode s = symbols.addObject();
                s.put("name", symbol.name());
                s.put("kind", symbol.kind().wireName());
                s.put("filePath", symbol.filePath());
                s.put("line", symbol.line());
                if (symbol.endLine() != 0) {
                    s.put("endLine", symbol.endLine());
                }
                s.put("signature", symbol.signature());
                s.put("documentation", symbol.documentation());
                s.put("exported", symbol.exported());
                s.put("parentName", symbol.parentName());
                s.put("language", symbol.language());
            }
            ArrayNode imports = node.putArray("imports");
            file.imports().forEach(imports::add);
            ArrayNode exports = node.putArray("exports");
            file.exports().forEach(exports::add);
            ArrayNode hashes = node.putArray("symbolHashes");
            for (DuplicateFingerprint f : entry.symbolFingerprints()) {
                ObjectNode h = hashes.addObject();
                h.put("symbolName", f.symbolName());
                h.put("line", f.line());
                h.put("contentHash", f.contentHash());
                h.put("simHash", unsigned(f.simHash()));
            }
            node.put("lastIndexed", nowMillis);
        }
        top.put("rootHash", rootHash);
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(top);
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
        return new FileEntry(file, new DuplicateFingerprint("", 0, text(node, "contentHash"), simHash(node)), hashes);
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

    private static BigInteger unsigned(long value) {
        return new BigInteger(Long.toUnsignedString(value));
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
