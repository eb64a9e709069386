package io.agentfactory.sdk.reactor.codeintel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.agentfactory.sdk.codeintel.CodeIntel;
import io.agentfactory.sdk.codeintel.TypeUsage;
import io.agentfactory.sdk.codeintel.TypeUsageKind;
import io.agentfactory.sdk.codeintel.TypeUsageQuery;
import io.agentfactory.sdk.codeintel.TypeUsages;
import io.agentfactory.sdk.error.CodeIndexException;
import io.agentfactory.sdk.error.InvalidArgumentException;

class TypeUsagesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path root;

    @TempDir
    Path outside;

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private TypeUsages find(TypeUsageQuery query) {
        return find(ReactorCodeIntel.open(root, CodeIntelOptions.defaults().withPersistence(false)), query);
    }

    private static TypeUsages find(CodeIntel code, TypeUsageQuery query) {
        return code.findTypeUsages(query).block(TIMEOUT);
    }

    @Test
    void usagesAcrossFilesSortByKindThenPathThenLine() throws IOException {
        write("b.ts", "import { Kind } from './kind'\nconst m: Record<Kind, number> = {}\nlet k: Kind\n");
        write("a.ts", "let k: Kind\nswitch (k) {}\nimport type { Kind } from './kind'\n");
        write("src/Use.java", "class Use {\n    void f(Kind k) {\n        switch (k) { default: }\n    }\n}\n");
        TypeUsages usages = find(TypeUsageQuery.of("Kind"));
        assertThat(usages.usages()).extracting(TypeUsage::filePath, TypeUsage::line, TypeUsage::kind).containsExactly(
                tuple("a.ts", 2, TypeUsageKind.SWITCH_CASE),
                tuple("src/Use.java", 3, TypeUsageKind.SWITCH_CASE),
                tuple("b.ts", 2, TypeUsageKind.MAPPING_OBJECT),
                tuple("a.ts", 1, TypeUsageKind.TYPE_REFERENCE),
                tuple("b.ts", 3, TypeUsageKind.TYPE_REFERENCE),
                tuple("a.ts", 3, TypeUsageKind.IMPORT),
                tuple("b.ts", 1, TypeUsageKind.IMPORT));
        assertThat(usages.typeName()).isEqualTo("Kind");
        assertThat(usages.totalUsages()).isEqualTo(7);
        assertThat(usages.switchStatements()).isEqualTo(2);
        assertThat(usages.mappingObjects()).isEqualTo(1);
        assertThat(usages.truncated()).isFalse();
    }

    @Test
    void totalAndCountsAreComputedBeforeTheCut() throws IOException {
        write("a.ts", "import { Kind } from './k'\nlet a: Kind\nlet b: Kind\nswitch (a) {}\n");
        TypeUsages usages = find(new TypeUsageQuery("Kind", 2, ""));
        assertThat(usages.usages()).extracting(TypeUsage::line).containsExactly(4, 2);
        assertThat(usages.totalUsages()).isEqualTo(4);
        assertThat(usages.counts()).isEqualTo(Map.of(TypeUsageKind.SWITCH_CASE, 1, TypeUsageKind.MAPPING_OBJECT, 0,
                TypeUsageKind.EXHAUSTIVE_CHECK, 0, TypeUsageKind.TYPE_REFERENCE, 2, TypeUsageKind.IMPORT, 1));
        assertThat(usages.truncated()).isTrue();
    }

    @Test
    void theDefaultLimitIsFifty() throws IOException {
        write("a.ts", "import type { Kind } from './types'\n".repeat(60));
        TypeUsages usages = find(TypeUsageQuery.of("Kind"));
        assertThat(usages.usages()).hasSize(50);
        assertThat(usages.usages().get(49).line()).isEqualTo(50);
        assertThat(usages.totalUsages()).isEqualTo(60);
        assertThat(usages.count(TypeUsageKind.IMPORT)).isEqualTo(60);
    }

    @Test
    void nothingFoundIsAnEmptyAnswer() throws IOException {
        write("f.ts", "const x = 1\n");
        TypeUsages usages = find(TypeUsageQuery.of("NonExistentType"));
        assertThat(usages.usages()).isEmpty();
        assertThat(usages.totalUsages()).isZero();
        assertThat(usages.counts().values()).containsOnly(0);
    }

    @Test
    void symlinkedFilesAndDirectoriesAreNeverFollowed() throws IOException {
        Files.writeString(outside.resolve("secret.ts"), "let leaked: Kind\n");
        Files.createSymbolicLink(root.resolve("innocent.ts"), outside.resolve("secret.ts"));
        Files.createSymbolicLink(root.resolve("linked"), outside);
        write("real.ts", "let mine: Kind\n");
        assertThat(find(TypeUsageQuery.of("Kind")).usages()).extracting(TypeUsage::filePath).containsExactly("real.ts");
    }

    @Test
    void theIndexSkipRulesAndExtensionsApply() throws IOException {
        write("node_modules/x/a.ts", "let a: Kind\n");
        write("dist/a.js", "let a: Kind\n");
        write(".hidden/a.ts", "let a: Kind\n");
        write("docs/a.md", "let a: Kind\n");
        write("pkg/a.py", "def f(a: Kind): pass\n");
        write("pkg/a.kt", "fun f(a: Kind) = when (a) { else -> 0 }\n");
        assertThat(find(TypeUsageQuery.of("Kind")).usages()).extracting(TypeUsage::filePath, TypeUsage::kind)
                .containsExactly(tuple("pkg/a.kt", TypeUsageKind.SWITCH_CASE), tuple("pkg/a.py", TypeUsageKind.TYPE_REFERENCE));
    }

    @Test
    void thePathPrefixMatchesWholeSegments() throws IOException {
        write("src/a.ts", "let a: Kind\n");
        write("src/deep/b.ts", "let b: Kind\n");
        write("src2/c.ts", "let c: Kind\n");
        write("d.ts", "let d: Kind\n");
        assertThat(find(new TypeUsageQuery("Kind", 0, "src/")).usages()).extracting(TypeUsage::filePath)
                .containsExactly("src/a.ts", "src/deep/b.ts");
        assertThat(find(new TypeUsageQuery("Kind", 0, "src/deep")).usages()).extracting(TypeUsage::filePath)
                .containsExactly("src/deep/b.ts");
    }

    @Test
    void filesOverTheSizeLimitAreNotScanned() throws IOException {
        write("small.ts", "let a: Kind\n");
        write("big.ts", "let a: Kind\n" + "//\n".repeat(400));
        CodeIntel code = ReactorCodeIntel.open(root, CodeIntelOptions.defaults().withPersistence(false).withMaxFileBytes(1024));
        assertThat(find(code, TypeUsageQuery.of("Kind")).usages()).extracting(TypeUsage::filePath).containsExactly("small.ts");
    }

    @Test
    void aHostileTenMegabyteLineIsScannedWithBoundedWorkAndText() throws IOException {
        Path huge = root.resolve("huge.ts");
        try (OutputStream out = Files.newOutputStream(huge)) {
            out.write("let v: Kind = ".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = ": Kind ".repeat(1024 * 1024 / 7).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 10; i++) {
                out.write(chunk);
            }
            out.write("\nswitch (v) {}\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.size(huge)).isGreaterThan(10_000_000L);
        CodeIntel code = ReactorCodeIntel.open(root, CodeIntelOptions.defaults().withPersistence(false).withMaxFileBytes(64L << 20));
        TypeUsages usages = find(code, TypeUsageQuery.of("Kind"));
        assertThat(usages.usages()).extracting(TypeUsage::line, TypeUsage::kind)
                .containsExactly(tuple(2, TypeUsageKind.SWITCH_CASE), tuple(1, TypeUsageKind.TYPE_REFERENCE));
        assertThat(usages.usages().get(1).lineText()).hasSize(TypeUsage.MAX_LINE_TEXT).startsWith("let v: Kind = : Kind");
        // Under the default 4 MiB limit the file is left out.
        assertThat(find(TypeUsageQuery.of("Kind")).usages()).isEmpty();
    }

    @Test
    void badQueriesAreRejectedBeforeAnythingIsRead() {
        for (String name : new String[] {"", "a-b", "1x", "a b", "a.b", "x".repeat(257)}) {
            assertThatThrownBy(() -> TypeUsageQuery.of(name)).isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("typeName");
        }
        assertThat(TypeUsageQuery.of("$_x9").typeName()).isEqualTo("$_x9");
        assertThatThrownBy(() -> new TypeUsageQuery("Kind", -1, "")).isInstanceOf(InvalidArgumentException.class);
        for (String prefix : new String[] {"../x", "a/../b", "..", "/etc", "C:/x", "a\\b", "a//b", "./a"}) {
            assertThatThrownBy(() -> new TypeUsageQuery("Kind", 0, prefix)).isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("pathPrefix");
        }
        assertThat(new TypeUsageQuery("Kind", 0, "a/b//").pathPrefix()).isEqualTo("a/b");
    }

    @Test
    void aMissingRootIsACodeIndexException() {
        CodeIntel code = ReactorCodeIntel.open(root.resolve("nope"), CodeIntelOptions.defaults().withPersistence(false));
        assertThatThrownBy(() -> find(code, TypeUsageQuery.of("Kind"))).isInstanceOf(CodeIndexException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void nothingIsPersistedOrIndexed() throws IOException {
        write("a.ts", "let a: Kind\n");
        CodeIntel code = ReactorCodeIntel.open(root);
        assertThat(find(code, TypeUsageQuery.of("Kind")).totalUsages()).isEqualTo(1);
        assertThat(root.resolve(".donmai")).doesNotExist();
    }

    @Test
    void manyFilesScannedInParallelGiveTheSameAnswerEveryTimeOnAParallelThread() throws IOException {
        for (int i = 0; i < 120; i++) {
            write("m" + (i % 7) + "/f" + i + ".ts", "let a: Kind\nswitch (a) {}\nimport { Kind } from './k'\n");
        }
        CodeIntel code = ReactorCodeIntel.open(root, CodeIntelOptions.defaults().withPersistence(false));
        TypeUsageQuery query = new TypeUsageQuery("Kind", 1000, "");
        TypeUsages first = find(code, query);
        assertThat(first.totalUsages()).isEqualTo(360);
        assertThat(first.usages().get(0)).isEqualTo(new TypeUsage("m0/f0.ts", 2, TypeUsageKind.SWITCH_CASE, "switch (a) {}"));
        for (int round = 0; round < 3; round++) {
            assertThat(find(code, query)).isEqualTo(first);
        }
        String thread = code.findTypeUsages(query).map(found -> Thread.currentThread().getName()).block(TIMEOUT);
        assertThat(thread).startsWith("parallel-");
    }

    @Test
    void aFifoWithASourceExtensionIsNotOpened() throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", root.resolve("pipe.ts").toString()).start();
        assertThat(mkfifo.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).isZero();
        write("real.ts", "let a: Kind\n");
        assertThat(find(TypeUsageQuery.of("Kind")).usages()).extracting(TypeUsage::filePath).containsExactly("real.ts");
    }
}
