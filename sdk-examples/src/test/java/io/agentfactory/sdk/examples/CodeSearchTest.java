package io.agentfactory.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.agentfactory.sdk.codeintel.CodeIntel;
import io.agentfactory.sdk.codeintel.Symbol;
import io.agentfactory.sdk.codeintel.SymbolQuery;
import io.agentfactory.sdk.reactor.codeintel.CodeIntelOptions;
import io.agentfactory.sdk.reactor.codeintel.ReactorCodeIntel;

/** Example 9: code search over this repository and over a fixture tree, run as {@code main} runs it. */
class CodeSearchTest {

    private static final Path CORPUS_GO = Path.of("src/bench/corpus/go").toAbsolutePath();

    private final Output out = new Output();

    @AfterEach
    void showTheOutput() {
        out.lines().forEach(System.out::println);
    }

    @Test
    void onThisRepositoryItFindsTheEngineItsPhraseADuplicateAndTheEditedCopy() throws IOException {
        Path repository = CodeSearch.repositoryRoot(Path.of(""));
        String engine = "sdk-reactor/src/main/java/io/agentfactory/sdk/reactor/codeintel/ReactorCodeIntel.java";
        int classLine = lineOf(repository.resolve(engine), "public final class ReactorCodeIntel");

        int exit = Example.exitStatus(new String[0], Map.of(), CodeSearch::run, out);

        assertThat(exit).as(out.text()).isZero();
        assertThat(out.lines()).contains("Indexing " + repository + " (in memory: nothing is written there)",
                "Symbol 'ReactorCodeIntel':", "  exact  class ReactorCodeIntel  " + engine + ":" + classLine,
                "  the original is the best match: yes",
                "  the new function: method ReactorCodeIntel.codeSearchEdit  ReactorCodeIntel.java:" + (lineCount(
                        repository.resolve(engine)) + 1));
        assertThat(out.text()).contains("Code for 'incremental refresh of the persisted index' (BM25):",
                "and refreshed: 1 modified, 1 re-extracted, 0 unchanged, index saved");
        List<String> lines = out.lines();
        int map = lines.indexOf(lines.stream().filter(line -> line.startsWith("Repo map, top 10 of ")).findFirst()
                .orElseThrow());
        assertThat(lines.subList(map + 1, map + 11)).allSatisfy(line -> assertThat(line)
                .matches("  0\\.\\d{4}  (sdk|\\.ci)[^ ]*\\.[a-z]+  \\[.*]"));
        assertThat(lines.get(map + 11)).doesNotStartWith("  0.");
        assertThat(repository.resolve(".donmai")).doesNotExist();
    }

    @Test
    void onAGivenTreeItSearchesTheGivenSymbolAndPhraseAndEditsACopyNotTheTree() throws IOException {
        byte[] before = Files.readAllBytes(CORPUS_GO.resolve("inventory/reservation.go"));

        int exit = Example.exitStatus(new String[] {"--path", CORPUS_GO.toString(), "--symbol", "Reserve", "--phrase",
                "release reservation stock"}, Map.of(), CodeSearch::run, out);

        assertThat(exit).as(out.text()).isZero();
        assertThat(out.lines()).contains("Symbol 'Reserve':", "  exact  method Stock.Reserve  inventory/reservation.go:17",
                "Duplicate check of a re-indented copy of method Stock.Reserve  inventory/reservation.go:17:",
                "  near (distance 0)  inventory/reservation.go:17  Reserve",
                "  the original is the best match: yes",
                "  the new function: function CodeSearchEdit  reservation.go:" + (lineCount(
                        CORPUS_GO.resolve("inventory/reservation.go")) + 2));
        assertThat(out.lines()).anySatisfy(line -> assertThat(line).contains("method Stock.Release  inventory/reservation.go:32"));
        assertThat(Files.readAllBytes(CORPUS_GO.resolve("inventory/reservation.go"))).isEqualTo(before);
        assertThat(CORPUS_GO.resolve(".donmai")).doesNotExist();
    }

    @Test
    void aMissingPathFailsTypedAndExitsOne(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-repo");

        int exit = Example.exitStatus(new String[] {"--path", missing.toString()}, Map.of(), CodeSearch::run, out);

        assertThat(exit).isOne();
        assertThat(out.lines()).last().asString().startsWith("FAILED: CodeIndexException [").contains(missing.toString());
        assertThat(missing).doesNotExist();
    }

    @Test
    void aSymbolThatDoesNotExistFailsTheChecksButStillRuns(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("main.py"), "def greet(name):\n    return 'hi ' + name\n");

        int exit = Example.exitStatus(new String[] {"--path", dir.toString(), "--symbol", "nothingLikeThis"}, Map.of(),
                CodeSearch::run, out);

        assertThat(exit).isOne();
        assertThat(out.lines()).contains("Symbol 'nothingLikeThis':",
                "Duplicate check: no method of five lines or more to copy");
        assertThat(dir.resolve(".donmai")).doesNotExist();
    }

    @Test
    void theDuplicateOfABodyIsFoundAtItsMethod() {
        CodeIntel code = ReactorCodeIntel.open(CORPUS_GO, CodeIntelOptions.defaults().withPersistence(false));
        Symbol place = code.searchSymbols(SymbolQuery.of("Place")).block().hits().get(0).symbol();

        CodeSearch.DuplicateCheck check = CodeSearch.duplicateOf(code, place).block();

        assertThat(check.foundTheOriginal()).isTrue();
        assertThat(check.result().best().orElseThrow().filePath()).isEqualTo("orders/service.go");
    }

    private static int lineOf(Path file, String prefix) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError(prefix + " not in " + file);
    }

    private static int lineCount(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return (int) lines.count();
        }
    }
}
