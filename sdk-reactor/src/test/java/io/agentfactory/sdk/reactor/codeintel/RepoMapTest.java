package io.agentfactory.sdk.reactor.codeintel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.codeintel.CodeIntel;
import io.agentfactory.sdk.codeintel.RepoMap;
import io.agentfactory.sdk.codeintel.RepoMapEntry;
import io.agentfactory.sdk.codeintel.RepoMapQuery;
import io.agentfactory.sdk.codeintel.RepoMapSymbol;
import io.agentfactory.sdk.codeintel.SymbolKind;
import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.reactor.codeintel.internal.NaivePageRank;

/** {@link CodeIntel#repoMap(RepoMapQuery)} over real trees. */
class RepoMapTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final double EXACT = 1e-9;

    @TempDir
    Path root;

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static <T> T await(Mono<T> mono) {
        return mono.block(TIMEOUT);
    }

    private static Map<String, Double> ranks(RepoMap map) {
        Map<String, Double> out = new TreeMap<>();
        map.entries().forEach(e -> out.put(e.filePath(), e.rank()));
        return out;
    }

    @Test
    void aHubWithOneSymbolOutranksALeafWithTen() throws IOException {
        // The reference's fixture: under a symbol-count heuristic the leaf would win.
        write("hub.ts", "export function hubFn(): void {}\n");
        StringBuilder leaf = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            leaf.append("export function leafFn").append(i).append("(): number { return ").append(i).append(" }\n");
        }
        write("leaf.ts", leaf.toString());
        for (int i = 0; i < 5; i++) {
            write("importer" + i + ".ts", "import { hubFn } from './hub'\nexport function importer" + i + "(): void { hubFn() }\n");
        }

        RepoMap map = await(ReactorCodeIntel.open(root).repoMap());

        double base = 0.15 / 7;
        assertThat(map.files()).isEqualTo(7);
        assertThat(map.entries()).extracting(RepoMapEntry::filePath).containsExactly(
                "hub.ts", "importer0.ts", "importer1.ts", "importer2.ts", "importer3.ts", "importer4.ts", "leaf.ts");
        assertThat(map.entries().get(0).rank()).isCloseTo(base + 0.85 * 5 * base, within(EXACT));
        map.entries().subList(1, 7).forEach(e -> assertThat(e.rank()).as(e.filePath()).isCloseTo(base, within(EXACT)));
        assertThat(map.entries().get(0).symbols()).containsExactly(new RepoMapSymbol("hubFn", SymbolKind.FUNCTION, 1));
        assertThat(map.entries().get(6).symbols()).hasSize(10).first().isEqualTo(new RepoMapSymbol("leafFn0", SymbolKind.FUNCTION, 1));
    }

    @Test
    void filePatternsFilterTheOutputWhileTheWholeRepositoryIsRanked() throws IOException {
        write("hub.ts", "export function hubFn(): void {}\n");
        for (int i = 0; i < 3; i++) {
            write("importer" + i + ".ts", "import { hubFn } from './hub'\nexport function importer" + i + "(): void {}\n");
        }

        RepoMap map = await(ReactorCodeIntel.open(root).repoMap(RepoMapQuery.defaults().withFilePatterns("hub.ts")));

        double base = 0.15 / 4;
        assertThat(map.entries()).extracting(RepoMapEntry::filePath).containsExactly("hub.ts");
        assertThat(map.entries().get(0).rank()).isCloseTo(base + 0.85 * 3 * base, within(EXACT));
        assertThat(map.files()).isEqualTo(4);
    }

    @Test
    void aGoHubImportedByModulePathOutranksALeaf() throws IOException {
        write("go.mod", "module example.com/gofix // the fixture\n\ngo 1.25\n");
        write("hub/hub.go", "package hub\n\n// Hub is the shared dependency.\nfunc Hub() string { return \"hub\" }\n");
        StringBuilder leaf = new StringBuilder("package leaf\n\n");
        for (int i = 0; i < 10; i++) {
            leaf.append("func LeafFn").append(i).append("() int { return ").append(i).append(" }\n");
        }
        write("leaf/leaf.go", leaf.toString());
        for (int i = 0; i < 3; i++) {
            write("svc" + i + "/svc" + i + ".go", "package svc" + i + "\n\nimport \"example.com/gofix/hub\"\n\nfunc Svc" + i
                    + "() string { return hub.Hub() }\n");
        }

        RepoMap map = await(ReactorCodeIntel.open(root).repoMap(RepoMapQuery.top(100)));

        double base = 0.15 / 5;
        assertThat(map.entries().get(0).filePath()).isEqualTo("hub/hub.go");
        assertThat(ranks(map).get("leaf/leaf.go")).isCloseTo(base, within(EXACT));
        assertThat(map.entries().get(0).rank()).isCloseTo(base + 0.85 * 3 * base, within(EXACT));
        assertThat(map.entries().get(0).symbols()).containsExactly(new RepoMapSymbol("Hub", SymbolKind.FUNCTION, 4));
    }

    @Test
    void aPythonHubImportedByDottedPathOutranksALeaf() throws IOException {
        write("pkg/hub.py", "def hub():\n    return 'hub'\n");
        StringBuilder leaf = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            leaf.append("def leaf_fn_").append(i).append("():\n    return ").append(i).append('\n');
        }
        write("pkg/leaf.py", leaf.toString());
        for (int i = 0; i < 3; i++) {
            write("pkg/svc_" + i + ".py", "from pkg.hub import hub\n\ndef svc_" + i + "():\n    return hub()\n");
        }

        RepoMap map = await(ReactorCodeIntel.open(root).repoMap(RepoMapQuery.top(100)));

        double base = 0.15 / 5;
        assertThat(map.entries()).extracting(RepoMapEntry::filePath)
                .containsExactly("pkg/hub.py", "pkg/leaf.py", "pkg/svc_0.py", "pkg/svc_1.py", "pkg/svc_2.py");
        assertThat(map.entries().get(0).rank()).isCloseTo(base + 0.85 * 3 * base, within(EXACT));
    }

    /** Fifteen files in six languages; the edges below are the ones a reader finds by hand. */
    private void multiLanguageTree() throws IOException {
        write("go.mod", "module example.com/shop\n");
        write("store/store.go", "package store\n\nfunc Open() {}\n");
        write("store/store_test.go", "package store_test\n\nimport (\n\t\"testing\"\n\t\"example.com/shop/store\"\n)\n\nfunc TestOpen(t *testing.T) {}\n");
        write("api/api.go", "package api\n\nimport (\n\t\"net/http\"\n\t\"example.com/shop/store\"\n)\n\nfunc Serve() {}\n");
        write("web/src/index.ts", "import { get } from './client'\nimport { fmt } from './util'\nexport function main() {}\n");
        write("web/src/client.ts", "import { fmt } from './util/index.js'\nexport function get() {}\n");
        write("web/src/util/index.ts", "export function fmt() {}\n");
        write("tools/__init__.py", "");
        write("tools/report.py", "from .db import connect\n\ndef report():\n    return connect()\n");
        write("tools/db.py", "def connect():\n    return 1\n");
        write("src/main.rs", "use crate::engine::Engine;\n\nfn main() {}\n");
        write("src/engine.rs", "pub struct Engine;\n");
        write("jvm/src/main/java/com/shop/Cart.java", "package com.shop;\n\nimport com.shop.model.Item;\n\npublic class Cart {\n}\n");
        write("jvm/src/main/java/com/shop/model/Item.java", "package com.shop.model;\n\npublic record Item(String id) {\n}\n");
        write("jvm/src/main/kotlin/com/shop/Checkout.kt",
                "package com.shop\n\nimport com.shop.Cart\nimport com.shop.model.*\n\nclass Checkout(val cart: Cart)\n");
    }

    private static final Map<String, Set<String>> MULTI_LANGUAGE_EDGES = Map.ofEntries(
            Map.entry("api/api.go", Set.of("store/store.go")),
            Map.entry("store/store_test.go", Set.of("store/store.go")),
            Map.entry("store/store.go", Set.of()),
            Map.entry("web/src/index.ts", Set.of("web/src/client.ts", "web/src/util/index.ts")),
            Map.entry("web/src/client.ts", Set.of("web/src/util/index.ts")),
            Map.entry("web/src/util/index.ts", Set.of()),
            Map.entry("tools/__init__.py", Set.of()),
            Map.entry("tools/report.py", Set.of("tools/db.py")),
            Map.entry("tools/db.py", Set.of()),
            Map.entry("src/main.rs", Set.of("src/engine.rs")),
            Map.entry("src/engine.rs", Set.of()),
            Map.entry("jvm/src/main/java/com/shop/Cart.java", Set.of("jvm/src/main/java/com/shop/model/Item.java")),
            Map.entry("jvm/src/main/java/com/shop/model/Item.java", Set.of()),
            Map.entry("jvm/src/main/kotlin/com/shop/Checkout.kt",
                    Set.of("jvm/src/main/java/com/shop/Cart.java", "jvm/src/main/java/com/shop/model/Item.java")));

    @Test
    void aMultiLanguageTreeIsRankedOverItsHandCountedEdges() throws IOException {
        multiLanguageTree();

        RepoMap map = await(ReactorCodeIntel.open(root).repoMap(RepoMapQuery.top(100)));

        // A DAG of depth 2 converges exactly; with b = 0.15 / 14 the ranks are, by hand:
        double b = 0.15 / 14;
        Map<String, Double> byHand = new TreeMap<>();
        MULTI_LANGUAGE_EDGES.keySet().forEach(path -> byHand.put(path, b));
        byHand.put("store/store.go", b + 0.85 * 2 * b);
        byHand.put("web/src/client.ts", b + 0.85 * b / 2);
        byHand.put("web/src/util/index.ts", b + 0.85 * (b / 2 + (b + 0.85 * b / 2)));
        byHand.put("tools/db.py", b + 0.85 * b);
        byHand.put("src/engine.rs", b + 0.85 * b);
        byHand.put("jvm/src/main/java/com/shop/Cart.java", b + 0.85 * b / 2);
        byHand.put("jvm/src/main/java/com/shop/model/Item.java", b + 0.85 * ((b + 0.85 * b / 2) + b / 2));
        Map<String, Double> independent = NaivePageRank.of(MULTI_LANGUAGE_EDGES);

        assertThat(map.files()).isEqualTo(14);
        assertThat(ranks(map)).containsOnlyKeys(byHand.keySet());
        byHand.forEach((path, rank) -> {
            assertThat(ranks(map).get(path)).as(path).isCloseTo(rank, within(EXACT));
            assertThat(independent.get(path)).as(path).isCloseTo(rank, within(EXACT));
        });
        assertThat(map.entries()).extracting(RepoMapEntry::filePath).startsWith(
                "store/store.go",
                "jvm/src/main/java/com/shop/model/Item.java", "web/src/util/index.ts",
                "src/engine.rs", "tools/db.py",
                "jvm/src/main/java/com/shop/Cart.java", "web/src/client.ts",
                "api/api.go");
    }

    @Test
    void globsFollowTheReferenceRules() throws IOException {
        multiLanguageTree();
        CodeIntel code = ReactorCodeIntel.open(root);

        assertThat(await(code.repoMap(RepoMapQuery.top(100).withFilePatterns("web/**"))).entries())
                .extracting(RepoMapEntry::filePath).containsExactly("web/src/util/index.ts", "web/src/client.ts", "web/src/index.ts");
        assertThat(await(code.repoMap(RepoMapQuery.top(100).withFilePatterns("*.py", "*.rs"))).entries())
                .extracting(RepoMapEntry::filePath)
                .containsExactly("src/engine.rs", "tools/db.py", "src/main.rs", "tools/__init__.py", "tools/report.py");
        assertThat(await(code.repoMap(RepoMapQuery.top(100).withFilePatterns("store.go", "jvm/src/main/*/com/shop/*.kt")))
                .entries()).extracting(RepoMapEntry::filePath)
                .containsExactly("store/store.go", "jvm/src/main/kotlin/com/shop/Checkout.kt");
        assertThat(await(code.repoMap(RepoMapQuery.top(100).withFilePatterns("*_test.go", "nothing/**"))).entries())
                .extracting(RepoMapEntry::filePath).containsExactly("store/store_test.go");
        RepoMap none = await(code.repoMap(RepoMapQuery.top(100).withFilePatterns("[unclosed")));
        assertThat(none.entries()).isEmpty();
        assertThat(none.files()).isEqualTo(14);
    }

    @Test
    void maxFilesCutsTheRankedListAndTheDefaultIsFifty() throws IOException {
        for (int i = 0; i < 60; i++) {
            write(String.format("m%02d.py", i), i == 0 ? "def zero():\n    return 0\n" : "import m00\n");
        }
        CodeIntel code = ReactorCodeIntel.open(root);

        assertThat(await(code.repoMap(RepoMapQuery.top(3))).entries()).extracting(RepoMapEntry::filePath)
                .containsExactly("m00.py", "m01.py", "m02.py");
        RepoMap defaults = await(code.repoMap());
        assertThat(defaults.entries()).hasSize(50);
        assertThat(defaults.files()).isEqualTo(60);
        assertThat(await(code.repoMap(RepoMapQuery.top(10_000))).entries()).hasSize(60);
    }

    @Test
    void invalidQueriesAreRejectedBeforeAnythingIsRead() {
        assertThatThrownBy(() -> RepoMapQuery.top(0)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("1..10000");
        assertThatThrownBy(() -> RepoMapQuery.top(10_001)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> RepoMapQuery.defaults().withFilePatterns(" ")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> new RepoMapQuery(5, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aRootThatCannotBeIndexedFailsTheMapWithACodeIndexException() {
        CodeIntel code = ReactorCodeIntel.open(root.resolve("missing"));

        assertThatThrownBy(() -> await(code.repoMap())).isInstanceOf(io.agentfactory.sdk.error.CodeIndexException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void theRootHashIsTheIndexedTreesAndAnEditPlusRefreshChangesTheRanks() throws IOException {
        write("hub.ts", "export function hub() {}\n");
        write("other.ts", "export function other() {}\n");
        write("a.ts", "import { hub } from './hub'\n");
        write("b.ts", "import { hub } from './hub'\n");
        ReactorCodeIntel code = (ReactorCodeIntel) ReactorCodeIntel.open(root);

        RepoMap before = await(code.repoMap());
        assertThat(before.rootHash()).isEqualTo(await(code.refreshIncremental()).rootHash());
        assertThat(before.entries().get(0).filePath()).isEqualTo("hub.ts");
        assertThat(ranks(before).get("other.ts")).isCloseTo(0.15 / 4, within(EXACT));

        write("a.ts", "import { other } from './other'\n");
        write("b.ts", "import { other } from './other'\nimport { hub } from './hub'\n");
        assertThat(await(code.repoMap())).as("no refresh yet: the warm ranks").isEqualTo(before);
        String rootHash = await(code.refreshIncremental()).rootHash();
        RepoMap after = await(code.repoMap());

        double base = 0.15 / 4;
        assertThat(after.rootHash()).isEqualTo(rootHash).isNotEqualTo(before.rootHash());
        assertThat(after.entries()).extracting(RepoMapEntry::filePath).containsExactly("other.ts", "hub.ts", "a.ts", "b.ts");
        assertThat(ranks(after).get("other.ts")).isCloseTo(base + 0.85 * (base + base / 2), within(EXACT));
        assertThat(ranks(after).get("hub.ts")).isCloseTo(base + 0.85 * base / 2, within(EXACT));
    }

    @Test
    void aRefreshDrivenByWatchingGivesNewRanks() throws IOException {
        write("hub.ts", "export function hub() {}\n");
        write("other.ts", "export function other() {}\n");
        write("a.ts", "import { hub } from './hub'\n");
        ReactorCodeIntel code = (ReactorCodeIntel) ReactorCodeIntel.open(root);
        assertThat(await(code.repoMap()).entries().get(0).filePath()).isEqualTo("hub.ts");

        StepVerifier.create(code.watchChanges(Duration.ofMillis(150)))
                .assertNext(started -> assertThat(started.extracted()).isZero())
                .then(() -> write(root.resolve("a.ts"), "import { other } from './other'\n"))
                .assertNext(changed -> assertThat(changed.modified()).isEqualTo(1))
                .thenCancel()
                .verify(TIMEOUT);

        RepoMap after = await(code.repoMap());
        assertThat(after.entries()).extracting(RepoMapEntry::filePath).containsExactly("other.ts", "a.ts", "hub.ts");
        assertThat(after.entries().get(0).rank()).isCloseTo(0.05 + 0.85 * 0.05, within(EXACT));
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theRanksAreKeptWithTheWarmIndexUntilARefresh() throws IOException {
        write("go.mod", "module example.com/one\n");
        write("hub/hub.go", "package hub\n");
        write("svc/svc.go", "package svc\n\nimport \"example.com/two/hub\"\n");
        ReactorCodeIntel code = (ReactorCodeIntel) ReactorCodeIntel.open(root);

        // Outside module example.com/one: no edge.
        assertThat(ranks(await(code.repoMap())).get("hub/hub.go")).isCloseTo(0.075, within(EXACT));
        write("go.mod", "module example.com/two\n");
        assertThat(ranks(await(code.repoMap())).get("hub/hub.go")).as("go.mod is read once per build").isCloseTo(0.075, within(EXACT));

        await(code.refreshIncremental());

        assertThat(ranks(await(code.repoMap())).get("hub/hub.go")).isCloseTo(0.075 + 0.85 * 0.075, within(EXACT));
    }

    @Test
    void symlinksAreNeverFollowedForSourcesOrForGoMod() throws IOException {
        Path outside = Files.createTempDirectory("repo-map-outside");
        try {
            Files.writeString(outside.resolve("go.mod"), "module example.com/planted\n");
            Files.writeString(outside.resolve("secret.ts"), "import { x } from './x'\n");
            Files.createSymbolicLink(root.resolve("go.mod"), outside.resolve("go.mod"));
            write("hub/hub.go", "package hub\n");
            write("svc/svc.go", "package svc\n\nimport \"example.com/mine/hub\"\n");
            write("x.ts", "export const x = 1\n");
            Files.createSymbolicLink(root.resolve("secret.ts"), outside.resolve("secret.ts"));
            write("y.ts", "import { s } from './secret'\n");

            RepoMap map = await(ReactorCodeIntel.open(root).repoMap());

            // The planted module path would have cut the edge; unread, the suffix rule finds hub/.
            assertThat(ranks(map)).containsOnlyKeys("hub/hub.go", "svc/svc.go", "x.ts", "y.ts");
            assertThat(ranks(map).get("hub/hub.go")).isCloseTo(0.0375 + 0.85 * 0.0375, within(EXACT));
            assertThat(ranks(map).get("x.ts")).isCloseTo(0.0375, within(EXACT));
        } finally {
            for (String name : List.of("go.mod", "secret.ts")) {
                Files.deleteIfExists(outside.resolve(name));
            }
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void cyclesSelfImportsAndImportsEscapingTheRootAreHarmless() throws IOException {
        write("a.ts", "import { b } from './b'\nimport { a } from './a'\nimport { c } from '../../../c'\n");
        write("b.ts", "import { a } from './a.ts'\n");
        write("c.ts", "import { c } from '/c'\n");

        RepoMap map = await(ReactorCodeIntel.open(root).repoMap());

        double base = 0.05;
        assertThat(ranks(map).get("c.ts")).isCloseTo(base, within(EXACT));
        assertThat(ranks(map).get("a.ts")).isCloseTo(ranks(map).get("b.ts"), within(EXACT));
        assertThat(ranks(map).get("a.ts")).isGreaterThan(base);
        // The a <-> b cycle: a = b = base + 0.85 * a, i.e. base / 0.15, up to the 1e-6 stopping rule.
        assertThat(ranks(map).get("a.ts")).isCloseTo(base / 0.15, within(1e-5));
        assertThat(ranks(map).get("a.ts")).isCloseTo(NaivePageRank.of(Map.of("a.ts", Set.of("b.ts"), "b.ts", Set.of("a.ts"),
                "c.ts", Set.of())).get("a.ts"), within(EXACT));
    }

    @Test
    void aTenThousandFileImportChainStopsAtTheToleranceLikeTheReference() throws IOException {
        int n = 10_000;
        Map<String, Set<String>> chain = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            String path = String.format("chain/f%05d.ts", i);
            write(path, i + 1 < n ? String.format("import { next } from './f%05d'\n", i + 1) : "export const end = 1\n");
            chain.put(path, i + 1 < n ? Set.of(String.format("chain/f%05d.ts", i + 1)) : Set.of());
        }

        RepoMap map = await(ReactorCodeIntel.open(root, CodeIntelOptions.defaults().withPersistence(false))
                .repoMap(RepoMapQuery.top(n)));

        // The stopping rule ends the iteration while the deep end of the chain still ties (its
        // scores have not propagated), so the tie goes to the path order: parity, not "true" ranks.
        Map<String, Double> independent = NaivePageRank.of(chain);
        double base = 0.15 / n;
        assertThat(map.files()).isEqualTo(n);
        assertThat(map.entries()).hasSize(n);
        Map<String, Double> ranks = ranks(map);
        independent.forEach((path, rank) -> assertThat(ranks.get(path)).as(path).isCloseTo(rank, within(EXACT)));
        assertThat(ranks.get("chain/f00000.ts")).isCloseTo(base, within(EXACT));
        assertThat(ranks.get("chain/f00001.ts")).isCloseTo(base + 0.85 * base, within(EXACT));
        assertThat(map.entries().get(n - 1).filePath()).isEqualTo("chain/f00000.ts");
        for (int i = 1; i < n; i++) {
            RepoMapEntry previous = map.entries().get(i - 1);
            RepoMapEntry entry = map.entries().get(i);
            assertThat(entry.rank() < previous.rank()
                    || entry.rank() == previous.rank() && entry.filePath().compareTo(previous.filePath()) > 0)
                    .as("%s after %s", entry.filePath(), previous.filePath()).isTrue();
        }
    }
}
