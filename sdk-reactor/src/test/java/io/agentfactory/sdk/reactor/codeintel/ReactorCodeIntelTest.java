package io.agentfactory.sdk.reactor.codeintel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.codeintel.CodeIntel;
import io.agentfactory.sdk.codeintel.CodeMatch;
import io.agentfactory.sdk.codeintel.CodeQuery;
import io.agentfactory.sdk.codeintel.CodeSearchHit;
import io.agentfactory.sdk.codeintel.DuplicateKind;
import io.agentfactory.sdk.codeintel.DuplicateMatch;
import io.agentfactory.sdk.codeintel.DuplicateQuery;
import io.agentfactory.sdk.codeintel.DuplicateResult;
import io.agentfactory.sdk.codeintel.Extractor;
import io.agentfactory.sdk.codeintel.FileSymbols;
import io.agentfactory.sdk.codeintel.IndexStats;
import io.agentfactory.sdk.codeintel.IndexedFile;
import io.agentfactory.sdk.codeintel.SymbolHit;
import io.agentfactory.sdk.codeintel.SymbolKind;
import io.agentfactory.sdk.codeintel.SymbolMatch;
import io.agentfactory.sdk.codeintel.SymbolQuery;
import io.agentfactory.sdk.codeintel.SymbolSearchResult;
import io.agentfactory.sdk.error.CodeIndexException;
import io.agentfactory.sdk.error.ErrorKind;
import io.agentfactory.sdk.error.InvalidArgumentException;

class ReactorCodeIntelTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final String STORE_GO = """
            package store

            // Store keeps users.
            type Store struct {
            	users map[string]string
            }

            // Lookup finds a user by id.
            func (s *Store) Lookup(id string) (string, bool) {
            	name, ok := s.users[id]
            	if !ok {
            		return "", false
            	}
            	return name, true
            }

            func newStore() *Store {
            	return &Store{users: map[string]string{}}
            }
            """;

    @TempDir
    Path root;

    @BeforeEach
    void tree() throws IOException {
        write("go/store.go", STORE_GO);
        write("web/src/user.ts", "export function getUserById(id: string): User {\n  return users[id]\n}\n");
        write("py/app.py", "def lookup_user(name):\n    return name\n");
        write("rs/lib.rs", "pub fn lookup(x: u32) -> u32 {\n    x\n}\n");
        write("jvm/Registry.java", "public class Registry {\n    public Registry() {\n    }\n}\n");
        write("jvm/User.kt", "data class User(val id: String)\n");
        write("notes.md", "func NotCode() {}\n");
        write("node_modules/dep/index.js", "export function dep() {}\n");
        write("vendor/v.go", "package v\nfunc Vendored() {}\n");
        write(".hidden/h.py", "def hidden():\n    pass\n");
        write("build/b.ts", "export const built = 1\n");
        write("dist/d.js", "export const dist = 1\n");
        write(".next/n.js", "export const next = 1\n");
        write(".git/config.go", "package git\n");
        write(".donmai/code-index/x.ts", "export const indexed = 1\n");
        Files.write(root.resolve("py/latin1.py"), new byte[] {'x', ' ', '=', ' ', '"', (byte) 0xE9, '"', '\n'});
        Files.createSymbolicLink(root.resolve("link.go"), root.resolve("go/store.go"));
        Files.createSymbolicLink(root.resolve("linked"), root.resolve("go"));
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static <T> T await(Mono<T> mono) {
        return mono.block(TIMEOUT);
    }

    @Test
    void indexesOnlyTheReferenceScopeSkippingIgnoredDirectoriesSymlinksAndNonUtf8Files() {
        CodeIntel code = ReactorCodeIntel.open(root);

        List<IndexedFile> files = code.files().collectList().block(TIMEOUT);

        assertThat(files).extracting(IndexedFile::path).containsExactly(
                "go/store.go", "jvm/Registry.java", "jvm/User.kt", "py/app.py", "rs/lib.rs", "web/src/user.ts");
        assertThat(files).extracting(IndexedFile::language).containsExactly("go", "java", "kotlin", "python", "rust", "typescript");
        IndexStats stats = await(code.stats());
        assertThat(stats.files()).isEqualTo(6);
        assertThat(stats.skippedFiles()).isEqualTo(1);
        assertThat(stats.filesPerLanguage()).isEqualTo(Map.of("go", 1, "java", 1, "kotlin", 1, "python", 1, "rust", 1, "typescript", 1));
        assertThat(stats.symbols()).isEqualTo(files.stream().mapToInt(f -> f.symbols().size()).sum());
    }

    @Test
    void blobHashesAreWhatGitHashObjectPrints() throws Exception {
        write("go/crlf.go", "package store\r\n\r\nfunc Crlf() {}\r\n");
        write("web/src/unicode.ts", "export const greeting = 'grüß dich 👋'\n");
        List<IndexedFile> files = ReactorCodeIntel.open(root).files().collectList().block(TIMEOUT);

        for (IndexedFile file : files) {
            assertThat(file.gitHash()).as(file.path()).isEqualTo(gitHashObject(root.resolve(file.path())));
        }
        assertThat(files).hasSize(8);
    }

    private static String gitHashObject(Path file) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "hash-object", "--no-filters", file.toString()).redirectErrorStream(true).start();
        try {
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(git.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(git.exitValue()).as(out).isZero();
            return out;
        } finally {
            git.destroyForcibly();
        }
    }

    @Test
    void filesLargerThanTheLimitAreSkippedAndCounted() throws IOException {
        write("web/src/big.ts", "export const big = '" + "x".repeat(2048) + "'\n");

        IndexStats stats = await(ReactorCodeIntel.open(root, CodeIntelOptions.defaults().withMaxFileBytes(1024)).stats());

        assertThat(stats.files()).isEqualTo(6);
        assertThat(stats.skippedFiles()).isEqualTo(2);
    }

    @Test
    void theWalkAndReadsRunOffTheNonBlockingThreads() {
        CodeIntel code = ReactorCodeIntel.open(root);

        // BlockHound fails this if the tree is read on the parallel thread that subscribes.
        StepVerifier.create(Mono.defer(code::stats).subscribeOn(Schedulers.parallel()).map(IndexStats::files))
                .expectNext(6)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void symbolSearchRanksExactPrefixContainsAndSubsequenceWithExportedBoost() {
        CodeIntel code = ReactorCodeIntel.open(root);

        SymbolSearchResult result = await(code.searchSymbols(new SymbolQuery("look", 10, Set.of(), "")));

        assertThat(result.hits()).extracting(h -> h.symbol().name() + " " + h.match() + " " + h.score()).containsExactly(
                "Lookup PREFIX 7.5",
                "lookup PREFIX 7.5",
                "lookup_user PREFIX 7.5");
        assertThat(result.hits()).extracting(h -> h.symbol().filePath()).containsExactly("go/store.go", "rs/lib.rs", "py/app.py");
        assertThat(await(code.searchSymbols(SymbolQuery.of("nwstr"))).hits())
                .extracting(SymbolHit::match, h -> h.symbol().name(), SymbolHit::score)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SymbolMatch.SUBSEQUENCE, "newStore", 0.5));
        assertThat(await(code.searchSymbols(SymbolQuery.of("tore"))).hits()).extracting(SymbolHit::match, SymbolHit::score)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SymbolMatch.CONTAINS, 3.0),
                        org.assertj.core.groups.Tuple.tuple(SymbolMatch.CONTAINS, 2.0));
    }

    @Test
    void anExactNameReturnsOnlyExactMatchesAndSaysHowManyTheLimitCut() {
        CodeIntel code = ReactorCodeIntel.open(root);

        SymbolSearchResult all = await(code.searchSymbols(SymbolQuery.of("registry")));
        SymbolSearchResult one = await(code.searchSymbols(new SymbolQuery("Registry", 1, Set.of(), "")));

        assertThat(all.hits()).extracting(h -> h.symbol().kind() + ":" + h.symbol().line())
                .containsExactly("CLASS:1", "METHOD:2");
        assertThat(all.truncatedExactMatches()).isZero();
        assertThat(one.hits()).hasSize(1);
        assertThat(one.truncatedExactMatches()).isEqualTo(1);
    }

    @Test
    void symbolSearchFiltersByKindAndFilePattern() {
        CodeIntel code = ReactorCodeIntel.open(root);

        assertThat(await(code.searchSymbols(new SymbolQuery("registry", 0, Set.of(SymbolKind.METHOD), ""))).hits())
                .extracting(h -> h.symbol().kind()).containsExactly(SymbolKind.METHOD);
        assertThat(await(code.searchSymbols(new SymbolQuery("look", 0, Set.of(), "*.rs"))).hits())
                .extracting(h -> h.symbol().filePath()).containsExactly("rs/lib.rs");
        assertThat(await(code.searchSymbols(new SymbolQuery("get", 0, Set.of(), "web/**"))).hits())
                .extracting(h -> h.symbol().name()).containsExactly("getUserById");
    }

    @Test
    void codeSearchBoostsNamesAndBreaksTiesByPathThenLine() throws IOException {
        write("a/copy.go", "package a\n\nfunc Twin() {}\n");
        write("b/copy.go", "package a\n\nfunc Twin() {}\n");
        CodeIntel code = ReactorCodeIntel.open(root);

        List<CodeSearchHit> twins = code.searchCode(CodeQuery.of("twin")).collectList().block(TIMEOUT);
        List<CodeSearchHit> user = code.searchCode(CodeQuery.of("user")).collectList().block(TIMEOUT);

        assertThat(twins).extracting(h -> h.symbol().filePath(), CodeSearchHit::match).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a/copy.go", CodeMatch.EXACT_NAME),
                org.assertj.core.groups.Tuple.tuple("b/copy.go", CodeMatch.EXACT_NAME));
        assertThat(twins.get(0).score()).isEqualTo(twins.get(1).score());
        assertThat(user).isNotEmpty();
        assertThat(user).isSortedAccordingTo((x, y) -> Double.compare(y.score(), x.score()));
        assertThat(user.get(0).symbol().name()).isEqualTo("User");
        assertThat(user.get(0).match()).isEqualTo(CodeMatch.EXACT_NAME);
        assertThat(user).filteredOn(h -> h.symbol().name().equals("getUserById")).extracting(CodeSearchHit::match)
                .containsExactly(CodeMatch.NAME_CONTAINS);
        assertThat(code.searchCode(new CodeQuery("user", 0, "python")).collectList().block(TIMEOUT))
                .extracting(h -> h.symbol().name()).containsExactly("lookup_user");
        assertThat(code.searchCode(new CodeQuery("user", 1, "")).collectList().block(TIMEOUT)).hasSize(1);
    }

    @Test
    void aPastedFunctionBodyIsFoundAtItsSymbolBeforeTheFileAndNewCodeIsNot() {
        CodeIntel code = ReactorCodeIntel.open(root);
        String lookup = """
                func (s *Store) Lookup(id string) (string, bool) {
                	name, ok := s.users[id]
                	if !ok {
                		return "", false
                	}
                	return name, true
                }
                """;

        DuplicateResult symbol = await(code.checkDuplicate(DuplicateQuery.of("\r\n" + lookup.replace("\n", "  \r\n"))));
        DuplicateResult file = await(code.checkDuplicate(DuplicateQuery.of(STORE_GO)));
        DuplicateResult fresh = await(code.checkDuplicate(DuplicateQuery.of("type CompletelyDifferent struct { X, Y, Z int }")));

        assertThat(symbol.best()).contains(new DuplicateMatch("go/store.go", "Lookup", 9, DuplicateKind.EXACT, 0));
        assertThat(file.matches()).containsExactly(new DuplicateMatch("go/store.go", "", 0, DuplicateKind.EXACT, 0));
        assertThat(fresh.isDuplicate()).isFalse();
    }

    @Test
    void aNearCopyMatchesWithinTheThresholdAndAllMatchesComeInTierOrder() throws IOException {
        String body = "func doSomething(x int) int { return x + 1 }\n".repeat(5);
        write("near/one.go", body);
        write("near/two.go", body);
        CodeIntel code = ReactorCodeIntel.open(root);

        DuplicateResult near = await(code.checkDuplicate(new DuplicateQuery(body.replace("+ 1", "+ 2"), 5, 3)));
        DuplicateResult exactFirst = await(code.checkDuplicate(new DuplicateQuery(body, 5, 3)));

        assertThat(near.matches()).containsExactly(
                new DuplicateMatch("near/one.go", "", 0, DuplicateKind.NEAR, 0),
                new DuplicateMatch("near/two.go", "", 0, DuplicateKind.NEAR, 0));
        assertThat(exactFirst.matches()).extracting(DuplicateMatch::kind).containsExactly(DuplicateKind.EXACT, DuplicateKind.EXACT);
        assertThat(await(code.checkDuplicate(DuplicateQuery.of(body))).matches()).hasSize(1);
    }

    @Test
    void theIndexStaysWarmUntilRefreshPicksUpAnEdit() throws IOException {
        CodeIntel code = ReactorCodeIntel.open(root);
        assertThat(await(code.searchSymbols(SymbolQuery.of("lookup"))).hits()).hasSize(2);

        write("py/app.py", "def lookup(name):\n    return name\n");
        assertThat(await(code.searchSymbols(SymbolQuery.of("lookup"))).hits()).hasSize(2);

        assertThat(await(code.refresh()).files()).isEqualTo(6);
        assertThat(await(code.searchSymbols(SymbolQuery.of("lookup"))).hits()).extracting(h -> h.symbol().filePath())
                .containsExactly("go/store.go", "py/app.py", "rs/lib.rs");
    }

    @Test
    void aMissingRootFailsTypedAndIsRetriedOnTheNextQuery() throws IOException {
        Path missing = root.resolve("later");
        CodeIntel code = ReactorCodeIntel.open(missing);

        StepVerifier.create(code.stats())
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(CodeIndexException.class);
                    assertThat(((CodeIndexException) e).kind()).isEqualTo(ErrorKind.CODE_INDEX);
                    assertThat(e.getMessage()).contains(missing.toString());
                })
                .verify(TIMEOUT);

        Files.createDirectories(missing);
        Files.writeString(missing.resolve("m.go"), "package m\nfunc M() {}\n");
        assertThat(await(code.stats()).files()).isEqualTo(1);
    }

    @Test
    void aCustomExtractorTakesOverItsExtensionsAndItsFailureIsTyped() {
        Extractor failing = new Extractor() {
            @Override
            public String language() {
                return "strict-python";
            }

            @Override
            public Set<String> extensions() {
                return Set.of(".py");
            }

            @Override
            public FileSymbols extract(String source, String filePath) {
                throw new IllegalStateException("cannot read " + filePath);
            }
        };

        StepVerifier.create(ReactorCodeIntel.open(root, CodeIntelOptions.defaults().withExtractor(failing)).stats())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(CodeIndexException.class)
                        .hasMessageContaining("strict-python extractor failed on py/app.py")
                        .hasCauseInstanceOf(IllegalStateException.class))
                .verify(TIMEOUT);
    }

    @Test
    void aFileAsRootFailsTyped() {
        StepVerifier.create(ReactorCodeIntel.open(root.resolve("go/store.go")).stats())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(CodeIndexException.class).hasMessageContaining("not a directory"))
                .verify(TIMEOUT);
    }

    @Test
    void invalidQueriesAndOptionsAreRejectedBeforeAnythingIsRead() {
        assertThatThrownBy(() -> SymbolQuery.of(" ")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> new SymbolQuery("x", -1, Set.of(), "")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> CodeQuery.of("")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> new DuplicateQuery("x", 1, 65)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> DuplicateQuery.of("\n\t")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> CodeIntelOptions.defaults().withMaxFileBytes(0)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> new CodeIntelOptions(List.of(), 1)).isInstanceOf(InvalidArgumentException.class);
    }
}
