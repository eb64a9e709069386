package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.agentfactory.sdk.codeintel.IndexedFile;
import io.agentfactory.sdk.codeintel.Symbol;
import io.agentfactory.sdk.codeintel.SymbolKind;

/**
 * The streaming {@link IndexJson#write} gives exactly the bytes of the former writer (a Jackson tree
 * pretty-printed with the default printer), kept here as the oracle; the bytes read back to the
 * same entries; {@link IndexStore#save} streams them into the index file.
 */
class IndexJsonWriterTest {

    private static final long NOW = 1_764_763_200_123L;

    @TempDir
    Path root;

    /**
     * The former writer: a tree of every field, pretty-printed in one go (verbatim, but for
     * {@code lastIndexed}, now each entry's own instead of one "now" for all).
     */
    private static byte[] treeWriter(List<FileEntry> entries, String rootHash) {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode top = mapper.createObjectNode();
        top.put("version", IndexJson.VERSION);
        ObjectNode files = top.putObject("files");
        for (FileEntry entry : entries) {
            IndexedFile file = entry.file();
            ObjectNode node = files.putObject(file.path());
            node.put("filePath", file.path());
            node.put("gitHash", file.gitHash());
            node.put("contentHash", entry.fingerprint().contentHash());
            node.put("simHash", new BigInteger(Long.toUnsignedString(entry.fingerprint().simHash())));
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
                h.put("simHash", new BigInteger(Long.toUnsignedString(f.simHash())));
            }
            node.put("lastIndexed", entry.lastIndexed());
        }
        top.put("rootHash", rootHash);
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(top);
    }

    private static byte[] streamed(List<FileEntry> entries, String rootHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IndexJson.write(entries, rootHash, out);
        return out.toByteArray();
    }

    private static String hash(char c) {
        return String.valueOf(c).repeat(40);
    }

    /** Unicode, quotes, backslashes, control characters, empty lists, simHashes on both sides of 2^63, endLine 0 and not. */
    static List<FileEntry> varied() {
        String weird = "pkg/ünï \"cödé\" 😀.go";
        Symbol plain = new Symbol("Alpha", SymbolKind.FUNCTION, "a.go", 3, 7, "func Alpha() int", "Alpha does a.", true, "", "go");
        Symbol noEnd = new Symbol("beta", SymbolKind.VARIABLE, "a.go", 9, 0, "", "", false, "", "");
        Symbol hostile = new Symbol("Ω\"quoted\"\\back", SymbolKind.METHOD, weird, 1, 1,
                "func (r *R) M(s string) { return \"\\t\" }\u0001\u001f\u007f", "line one\nline two\ttab\r\u2028\u2029 </script>",
                true, "R\u00e9cepteur", "go");
        Symbol many = new Symbol("Z", SymbolKind.STRUCT, weird, 2, 2_000_000_000, "type Z struct{}", "", false, "Outer", "go");
        List<FileEntry> entries = new ArrayList<>();
        entries.add(new FileEntry(new IndexedFile("a.go", "go", hash('a'), List.of(plain, noEnd), List.of("fmt", "os/exec"),
                List.of("Alpha")), new DuplicateFingerprint("", 0, "00000000000000ff", 0L),
                List.of(new DuplicateFingerprint("Alpha", 3, "0123456789abcdef", Long.MAX_VALUE)), NOW));
        entries.add(new FileEntry(new IndexedFile("empty.ts", "typescript", hash('0'), List.of(), List.of(), List.of()),
                new DuplicateFingerprint("", 0, "ffffffffffffffff", -1L), List.of(), 0L));
        entries.add(new FileEntry(new IndexedFile(weird, "go", hash('f'), List.of(hostile, many), List.of("\"quoted\"", "ünï"),
                List.of("Ω\"quoted\"\\back")), new DuplicateFingerprint("", 0, "8000000000000000", Long.MIN_VALUE),
                List.of(new DuplicateFingerprint("Ω\"quoted\"\\back", 1, "fedcba9876543210", 0x8000_0000_0000_0001L),
                        new DuplicateFingerprint("Z", 2, "0000000000000001", 1L)), Long.MAX_VALUE));
        return entries;
    }

    @Test
    void streamedBytesEqualTheTreeWritersBytes() {
        List<FileEntry> entries = varied();
        String rootHash = hash('9');
        byte[] expected = treeWriter(entries, rootHash);
        byte[] actual = streamed(entries, rootHash);
        assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(actual).isEqualTo(expected);
        String text = new String(actual, StandardCharsets.UTF_8);
        assertThat(text).contains("\"simHash\" : 18446744073709551615,", "\"simHash\" : 9223372036854775808,",
                "\"simHash\" : 9223372036854775807\n", "\"simHash\" : 9223372036854775809\n", "\"simHash\" : 0,");
        assertThat(text).contains("\"lastIndexed\" : 1764763200123\n", "\"lastIndexed\" : 0\n",
                "\"lastIndexed\" : 9223372036854775807\n");
    }

    @Test
    void anEmptyIndexHasTheTreeWritersBytes() {
        byte[] actual = streamed(List.of(), "");
        assertThat(actual).isEqualTo(treeWriter(List.of(), ""));
        assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo("{\n  \"version\" : 5,\n  \"files\" : { },\n  \"rootHash\" : \"\"\n}");
    }

    @Test
    void writtenBytesReadBackToTheSameEntries() throws Exception {
        List<FileEntry> entries = varied();
        IndexJson.Loaded loaded = IndexJson.read(streamed(entries, hash('9')));
        assertThat(loaded.rootHash()).isEqualTo(hash('9'));
        assertThat(loaded.entries()).hasSize(3);
        for (FileEntry entry : entries) {
            assertThat(loaded.entries().get(entry.file().path())).isEqualTo(entry);
        }
    }

    @Test
    void aMissingLastIndexedReadsAsZeroAndABadOneRejectsTheFile() throws Exception {
        String good = new String(streamed(varied().subList(1, 2), hash('9')), StandardCharsets.UTF_8);
        assertThat(good).contains(",\n      \"lastIndexed\" : 0\n");
        String missing = good.replace(",\n      \"lastIndexed\" : 0\n", "\n");
        assertThat(IndexJson.read(missing.getBytes(StandardCharsets.UTF_8)).entries().get("empty.ts").lastIndexed()).isZero();
        for (String bad : List.of("-1", "1.5", "\"1\"", "true", "9223372036854775808")) {
            byte[] hostile = good.replace("\"lastIndexed\" : 0", "\"lastIndexed\" : " + bad).getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> IndexJson.read(hostile)).isInstanceOf(IndexJson.Invalid.class)
                    .hasMessage("lastIndexed is not a non-negative integer");
        }
    }

    @Test
    void theCallersStreamIsFlushedButNotClosed() {
        AtomicBoolean closed = new AtomicBoolean();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                sink.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                sink.write(b, off, len);
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        IndexJson.write(varied(), hash('9'), out);
        assertThat(closed).isFalse();
        assertThat(sink.toByteArray()).isEqualTo(treeWriter(varied(), hash('9')));
    }

    @Test
    void aFailingStreamIsAJacksonErrorNotAHalfSuccess() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        };
        assertThatThrownBy(() -> IndexJson.write(varied(), hash('9'), broken)).isInstanceOf(JacksonException.class);
    }

    @Test
    void saveStreamsTheSameBytesIntoTheIndexFileAndLeavesNoTemporaryFile() throws Exception {
        IndexStore store = new IndexStore(root, Duration.ofSeconds(10));
        List<FileEntry> entries = varied();
        store.save(entries, hash('9'));
        byte[] written = Files.readAllBytes(store.file());
        assertThat(written).isEqualTo(treeWriter(entries, hash('9')));
        assertThat(store.load()).get().extracting(IndexJson.Loaded::entries).isEqualTo(IndexJson.read(written).entries());
        try (var listing = Files.list(store.file().getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("index.json", "index.json.lock");
        }
    }

    @Test
    void aSaveFailingMidStreamKeepsThePreviousIndexAndDeletesItsTemporaryFile() throws Exception {
        IndexStore store = new IndexStore(root, Duration.ofSeconds(10));
        store.save(varied().subList(0, 1), hash('1'));
        byte[] previous = Files.readAllBytes(store.file());
        List<FileEntry> good = varied();
        List<FileEntry> failing = new AbstractList<>() {
            @Override
            public FileEntry get(int index) {
                if (index == 2) {
                    throw new IllegalStateException("entry source failed");
                }
                return good.get(index);
            }

            @Override
            public int size() {
                return good.size();
            }
        };
        assertThatThrownBy(() -> store.save(failing, hash('2'))).isInstanceOf(IllegalStateException.class)
                .hasMessage("entry source failed");
        assertThat(Files.readAllBytes(store.file())).isEqualTo(previous);
        try (var listing = Files.list(store.file().getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("index.json", "index.json.lock");
        }
    }
}
