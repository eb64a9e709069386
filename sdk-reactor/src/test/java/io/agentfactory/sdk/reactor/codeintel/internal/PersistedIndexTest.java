package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.agentfactory.sdk.codeintel.CodeIntel;
import io.agentfactory.sdk.codeintel.Extractor;
import io.agentfactory.sdk.codeintel.FileSymbols;
import io.agentfactory.sdk.codeintel.IndexStats;
import io.agentfactory.sdk.codeintel.IndexedFile;
import io.agentfactory.sdk.codeintel.RefreshResult;
import io.agentfactory.sdk.codeintel.SymbolQuery;
import io.agentfactory.sdk.error.CodeIndexException;
import io.agentfactory.sdk.reactor.codeintel.CodeIntelOptions;
import io.agentfactory.sdk.reactor.codeintel.ReactorCodeIntel;

class PersistedIndexTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final String A_GO = "package a\n\n// Alpha does a.\nfunc Alpha() int {\n\tx := 1\n\treturn x\n}\n";
    private static final String B_GO = "package b\n\n// Beta does b.\nfunc Beta() int {\n\ty := 2\n\treturn y\n}\n";

    @TempDir
    Path root;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger storeLogger = (Logger) LoggerFactory.getLogger(IndexStore.class);

    /** Counts every extraction, delegating to the Go extractor. */
    static final class CountingExtractor implements Extractor {
        final AtomicInteger calls = new AtomicInteger();
        private final GoExtractor go = new GoExtractor();

        @Override
        public String language() {
            return go.language();
        }

        @Override
        public Set<String> extensions() {
            return go.extensions();
        }

        @Override
        public FileSymbols extract(String source, String filePath) {
            calls.incrementAndGet();
            return go.extract(source, filePath);
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(root.resolve("pkg"));
        Files.writeString(root.resolve("a.go"), A_GO);
        Files.writeString(root.resolve("pkg/b.go"), B_GO);
        logs.start();
        storeLogger.addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        storeLogger.detachAppender(logs);
    }

    private static ReactorCodeIntel open(Path root, CountingExtractor counting) {
        return (ReactorCodeIntel) ReactorCodeIntel.open(root, CodeIntelOptions.defaults().withExtractor(counting));
    }

    private Path indexFile() {
        return root.resolve(".donmai/code-index/index.json");
    }

    private List<String> warnings() {
        return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void reopeningFromDiskExtractsNothing() throws Exception {
        CountingExtractor first = new CountingExtractor();
        IndexStats cold = open(root, first).stats().block(TIMEOUT);
        assertThat(first.calls).hasValue(2);
        assertThat(cold.files()).isEqualTo(2);
        byte[] written = Files.readAllBytes(indexFile());
        IndexJson.Loaded loaded = IndexJson.read(written);
        assertThat(loaded.entries()).containsOnlyKeys("a.go", "pkg/b.go");
        assertThat(new String(written, StandardCharsets.UTF_8)).startsWith("{\n  \"version\" : 5,");
        assertThat(loaded.rootHash()).matches("[0-9a-f]{40}");

        CountingExtractor second = new CountingExtractor();
        ReactorCodeIntel reopened = open(root, second);
        assertThat(reopened.stats().block(TIMEOUT)).isEqualTo(cold);
        assertThat(reopened.searchSymbols(SymbolQuery.of("Beta")).block(TIMEOUT).hits()).hasSize(1);
        assertThat(second.calls).hasValue(0);
        assertThat(Files.readAllBytes(indexFile())).isEqualTo(written);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void refreshExtractsOnlyChangedAndAddedFiles() throws Exception {
        Files.writeString(root.resolve("c.go"), "package c\n\nfunc Gamma() {}\n");
        CountingExtractor counting = new CountingExtractor();
        ReactorCodeIntel code = open(root, counting);
        code.stats().block(TIMEOUT);
        assertThat(counting.calls).hasValue(3);
        IndexedFile keptBefore = code.files().filter(f -> f.path().equals("pkg/b.go")).blockFirst(TIMEOUT);

        Files.writeString(root.resolve("a.go"), A_GO.replace("Alpha", "Alef"));
        Files.writeString(root.resolve("pkg/d.go"), "package b\n\nfunc Delta() {}\n");
        Files.delete(root.resolve("c.go"));
        RefreshResult result = code.refreshIncremental().block(TIMEOUT);

        assertThat(counting.calls).hasValue(5);
        assertThat(result.added()).isEqualTo(1);
        assertThat(result.modified()).isEqualTo(1);
        assertThat(result.deleted()).isEqualTo(1);
        assertThat(result.unchanged()).isEqualTo(1);
        assertThat(result.saved()).isTrue();
        assertThat(result.stats().files()).isEqualTo(3);
        IndexedFile keptAfter = code.files().filter(f -> f.path().equals("pkg/b.go")).blockFirst(TIMEOUT);
        assertThat(keptAfter).isSameAs(keptBefore);
        assertThat(code.searchSymbols(SymbolQuery.of("Alef")).block(TIMEOUT).hits()).hasSize(1);
        assertThat(IndexJson.read(Files.readAllBytes(indexFile())).entries()).containsOnlyKeys("a.go", "pkg/b.go", "pkg/d.go");

        byte[] before = Files.readAllBytes(indexFile());
        RefreshResult again = code.refreshIncremental().block(TIMEOUT);
        assertThat(again.extracted()).isZero();
        assertThat(again.saved()).isFalse();
        assertThat(again.rootHash()).isEqualTo(result.rootHash());
        assertThat(counting.calls).hasValue(5);
        assertThat(Files.readAllBytes(indexFile())).isEqualTo(before);
    }

    @Test
    void memoryOnlyWritesNothingAndDonmaiIsNeverIndexed() throws Exception {
        Files.createDirectories(root.resolve(".donmai/code-index"));
        Files.writeString(root.resolve(".donmai/code-index/planted.go"), "package x\n\nfunc Planted() {}\n");
        CodeIntel code = ReactorCodeIntel.open(root, CodeIntelOptions.defaults().withPersistence(false));
        assertThat(code.files().map(IndexedFile::path).collectList().block(TIMEOUT)).containsExactly("a.go", "pkg/b.go");
        assertThat(indexFile()).doesNotExist();
        CodeIntel persistent = ReactorCodeIntel.open(root);
        assertThat(persistent.files().map(IndexedFile::path).collectList().block(TIMEOUT)).containsExactly("a.go", "pkg/b.go");
        assertThat(indexFile()).isRegularFile();
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "truncated", "version4", "deep", "wrongType", "simHashTooBig", "unsafePath", "huge",
            "empty"})
    void aHostileIndexIsIgnoredWithOneWarningAndRebuilt(String kind) throws Exception {
        open(root, new CountingExtractor()).stats().block(TIMEOUT);
        String valid = Files.readString(indexFile());
        String secret = "SECRET-CONTENT-42";
        switch (kind) {
            case "garbage" -> Files.writeString(indexFile(), secret + " not json {");
            case "truncated" -> Files.writeString(indexFile(), valid.substring(0, valid.length() / 2));
            case "version4" -> Files.writeString(indexFile(), valid.replace("\"version\" : 5", "\"version\" : 4"));
            case "deep" -> Files.writeString(indexFile(), "{\"version\":5,\"files\":" + "[".repeat(100_000));
            case "wrongType" -> Files.writeString(indexFile(), valid.replaceFirst("\"line\" : \\d+", "\"line\" : \"" + secret + "\""));
            case "simHashTooBig" -> Files.writeString(indexFile(), valid.replaceFirst("\"simHash\" : \\d+", "\"simHash\" : 18446744073709551616"));
            case "unsafePath" -> Files.writeString(indexFile(), valid.replace("\"a.go\"", "\"../a.go\""));
            case "huge" -> {
                try (RandomAccessFile file = new RandomAccessFile(indexFile().toFile(), "rw")) {
                    file.setLength(IndexStore.MAX_BYTES + 1);
                }
            }
            case "empty" -> Files.write(indexFile(), new byte[0]);
            default -> throw new AssertionError(kind);
        }
        CountingExtractor counting = new CountingExtractor();
        ReactorCodeIntel code = open(root, counting);
        assertThat(code.stats().block(TIMEOUT).files()).isEqualTo(2);
        assertThat(counting.calls).hasValue(2);
        assertThat(warnings()).hasSize(1);
        assertThat(warnings().get(0)).startsWith("ignoring the persisted code index").doesNotContain(secret);
        assertThat(IndexJson.read(Files.readAllBytes(indexFile())).entries()).containsOnlyKeys("a.go", "pkg/b.go");
    }

    @Test
    void aSymlinkedIndexIsNotFollowedNorWrittenThrough(@TempDir Path elsewhere) throws Exception {
        open(root, new CountingExtractor()).stats().block(TIMEOUT);
        Path target = elsewhere.resolve("index.json");
        Files.copy(indexFile(), target);
        byte[] targetBytes = Files.readAllBytes(target);
        Files.delete(indexFile());
        Files.createSymbolicLink(indexFile(), target);

        CountingExtractor counting = new CountingExtractor();
        open(root, counting).stats().block(TIMEOUT);
        assertThat(counting.calls).hasValue(2);
        assertThat(warnings()).singleElement().asString().contains("symbolic link");
        assertThat(Files.isSymbolicLink(indexFile())).isFalse();
        assertThat(Files.readAllBytes(target)).isEqualTo(targetBytes);
    }

    @Test
    void aHeldLockFailsTheWriteAfterTheBoundedWaitAndStaleTemporariesAreSwept() throws Exception {
        Path dir = Files.createDirectories(root.resolve(".donmai/code-index"));
        Path stale = Files.writeString(dir.resolve(".index.json.12345.tmp"), "half");
        IndexStore store = new IndexStore(root, Duration.ofMillis(200));
        try (FileChannel channel = FileChannel.open(dir.resolve("index.json.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            assertThatThrownBy(() -> store.save(List.of(), "x"))
                    .isInstanceOf(CodeIndexException.class)
                    .hasMessageContaining("held the code index lock");
        }
        assertThat(indexFile()).doesNotExist();
        assertThat(stale).exists();
        store.save(List.of(), MerkleTree.rootHash(java.util.Map.of()));
        assertThat(stale).doesNotExist();
        assertThat(IndexJson.read(Files.readAllBytes(indexFile())).entries()).isEmpty();
        // the lock was released: a second store takes it at once
        new IndexStore(root, Duration.ofMillis(200)).save(List.of(), "y");
    }

    @Test
    void aSymlinkedLockFileIsRefused(@TempDir Path elsewhere) throws Exception {
        Path dir = Files.createDirectories(root.resolve(".donmai/code-index"));
        Files.createSymbolicLink(dir.resolve("index.json.lock"), elsewhere.resolve("planted"));
        assertThatThrownBy(() -> new IndexStore(root, Duration.ofMillis(200)).save(List.of(), "x"))
                .isInstanceOf(CodeIndexException.class)
                .hasMessageContaining("symbolic link");
        assertThat(elsewhere.resolve("planted")).doesNotExist();
    }

    @Test
    void twoInstancesRefreshingConcurrentlyAlwaysLeaveAParseableIndex() throws Exception {
        ReactorCodeIntel one = open(root, new CountingExtractor());
        ReactorCodeIntel two = open(root, new CountingExtractor());
        for (int round = 0; round < 8; round++) {
            Files.writeString(root.resolve("a.go"), A_GO.replace("Alpha", "Alpha" + round));
            Mono.zip(one.refreshIncremental().subscribeOn(Schedulers.parallel()),
                    two.refreshIncremental().subscribeOn(Schedulers.parallel())).block(TIMEOUT);
            IndexJson.Loaded loaded = IndexJson.read(Files.readAllBytes(indexFile()));
            assertThat(loaded.entries()).containsOnlyKeys("a.go", "pkg/b.go");
            assertThat(loaded.entries().get("a.go").file().symbols().get(0).name()).isEqualTo("Alpha" + round);
        }
        try (var listing = Files.list(indexFile().getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("index.json", "index.json.lock");
        }
    }

    @Test
    void concurrentRefreshesOfOneInstanceShareOneBuild() throws Exception {
        CountingExtractor counting = new CountingExtractor();
        ReactorCodeIntel code = open(root, counting);
        code.stats().block(TIMEOUT);
        Files.writeString(root.resolve("a.go"), A_GO.replace("Alpha", "Aleph"));
        var results = Mono.zip(code.refreshIncremental(), code.refreshIncremental(), code.refresh()).block(TIMEOUT);
        assertThat(results.getT1().modified()).isEqualTo(1);
        assertThat(counting.calls.get()).isBetween(3, 5);
        assertThat(code.searchSymbols(SymbolQuery.of("Aleph")).block(TIMEOUT).hits()).hasSize(1);
    }

    @Test
    void cancellingARefreshLeavesTheLockFree() throws Exception {
        ReactorCodeIntel code = open(root, new CountingExtractor());
        code.stats().block(TIMEOUT);
        for (int round = 0; round < 5; round++) {
            Files.writeString(root.resolve("a.go"), A_GO.replace("Alpha", "Cancelled" + round));
            code.refreshIncremental().subscribe().dispose();
        }
        new IndexStore(root, Duration.ofSeconds(10)).save(List.of(), MerkleTree.rootHash(java.util.Map.of()));
        RefreshResult after = code.refreshIncremental().block(TIMEOUT);
        assertThat(after.stats().files()).isEqualTo(2);
        assertThat(IndexJson.read(Files.readAllBytes(indexFile())).entries()).containsOnlyKeys("a.go", "pkg/b.go");
    }

    // --- ci-bench: JavaScript entries are reused ---

    @Test
    void anUnchangedJavaScriptFileIsNeitherReextractedNorRewritten() throws Exception {
        Files.createDirectories(root.resolve("web"));
        Files.writeString(root.resolve("web/app.js"), "export function start(port) {\n  return port + 1;\n}\n");
        Files.writeString(root.resolve("web/view.ts"), "export function render(): string {\n  return 'x';\n}\n");
        ReactorCodeIntel code = (ReactorCodeIntel) ReactorCodeIntel.open(root);
        IndexStats cold = code.stats().block(TIMEOUT);
        assertThat(cold.filesPerLanguage()).containsEntry("javascript", 1).containsEntry("typescript", 1);
        byte[] written = Files.readAllBytes(indexFile());

        RefreshResult again = code.refreshIncremental().block(TIMEOUT);
        assertThat(again.extracted()).isZero();
        assertThat(again.unchanged()).isEqualTo(4);
        assertThat(again.saved()).isFalse();

        ReactorCodeIntel reopened = (ReactorCodeIntel) ReactorCodeIntel.open(root);
        assertThat(reopened.stats().block(TIMEOUT)).isEqualTo(cold);
        assertThat(reopened.refreshIncremental().block(TIMEOUT).extracted()).isZero();
        assertThat(Files.readAllBytes(indexFile())).isEqualTo(written);
    }

    @Test
    void aRefreshRightAfterAnotherDiffsAgainstItsResultNotTheIndexBeforeIt() throws Exception {
        ReactorCodeIntel code = (ReactorCodeIntel) ReactorCodeIntel.open(root);
        code.stats().block(TIMEOUT);
        for (int round = 0; round < 200; round++) {
            Files.writeString(root.resolve("a.go"), A_GO + "// round " + round + "\n");
            RefreshResult edited = code.refreshIncremental().block(TIMEOUT);
            assertThat(edited.modified()).as("round %d", round).isEqualTo(1);
            RefreshResult next = code.refreshIncremental().block(TIMEOUT);
            assertThat(next.extracted()).as("round %d: %s", round, next).isZero();
            assertThat(next.saved()).as("round %d", round).isFalse();
        }
    }
}
