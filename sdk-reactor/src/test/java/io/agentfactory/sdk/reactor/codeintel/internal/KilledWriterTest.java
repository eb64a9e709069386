package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.agentfactory.sdk.codeintel.FileSymbols;
import io.agentfactory.sdk.codeintel.IndexedFile;
import io.agentfactory.sdk.codeintel.Symbol;
import io.agentfactory.sdk.codeintel.SymbolKind;

/** A writer killed with SIGKILL in the middle of its writes leaves the previous or the new index, never a torn one. */
class KilledWriterTest {

    @TempDir
    Path root;

    /** Child: writes ever-growing indexes in a loop, printing "saved N" after each. */
    public static void main(String[] args) {
        IndexStore store = new IndexStore(Path.of(args[0]), Duration.ofSeconds(30));
        for (int round = 1; ; round++) {
            store.save(entries(round), "r" + round);
            System.out.println("saved " + round);
            System.out.flush();
        }
    }

    static List<FileEntry> entries(int round) {
        List<FileEntry> entries = new ArrayList<>();
        for (int i = 0; i < 200 + round; i++) {
            String path = "pkg/f" + i + ".go";
            String text = "package pkg\n\nfunc F" + i + "() {\n\tx := " + round + "\n\treturn\n}\n";
            Symbol symbol = new Symbol("F" + i, SymbolKind.FUNCTION, path, 3, 6, "func F" + i + "()", "", true, "", "go");
            FileSymbols extracted = new FileSymbols(path, "go", List.of(symbol), List.of(), List.of());
            entries.add(CodeIndex.entry(new FileDiscovery.SourceFile(path, text, GitBlobHash.of(text.getBytes(StandardCharsets.UTF_8))),
                    extracted, 1_764_763_200_000L + round));
        }
        return entries;
    }

    @Test
    void aKilledWriterLeavesAReadableIndexAndItsTemporaryFileIsSwept() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), KilledWriterTest.class.getName(), root.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("saved 5")) {
                // wait for a few complete writes; the child keeps writing
            }
            assertThat(line).isEqualTo("saved 5");
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        Path file = root.resolve(IndexStore.RELATIVE);
        IndexJson.Loaded loaded = IndexJson.read(Files.readAllBytes(file));
        int round = Integer.parseInt(loaded.rootHash().substring(1));
        assertThat(round).isGreaterThanOrEqualTo(5);
        assertThat(loaded.entries()).hasSize(200 + round);
        IndexedFile first = loaded.entries().get("pkg/f0.go").file();
        assertThat(first.symbols()).singleElement().extracting(Symbol::name).isEqualTo("F0");

        IndexStore store = new IndexStore(root, Duration.ofSeconds(30));
        store.save(entries(1), "after");
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("index.json", "index.json.lock");
        }
    }
}
