package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.codeintel.FileSymbols;

/** What hostile files do to the tree-sitter Kotlin extractor: never an exception, the regex result where it cannot parse. */
class KotlinTreeSitterHostileTest {

    private final KotlinTreeSitterExtractor parser = new KotlinTreeSitterExtractor();
    private final KotlinExtractor regex = new KotlinExtractor();

    @BeforeAll
    static void nativesLoad() {
        assertThat(new KotlinTreeSitterExtractor().prepare()).as(KotlinGrammar.failure()).isTrue();
    }

    @Test
    void aSyntaxErrorFallsBackToTheRegexResult() {
        String source = "class A {\n    fun b( {\n    }\n}\n\nfun after() {\n}\n";

        FileSymbols file = parser.extract(source, "Broken.kt");

        assertThat(file).isEqualTo(regex.extract(source, "Broken.kt"));
        assertThat(SymbolLines.of(file)).contains("class A 1-4 exported");
    }

    @Test
    void codeThisGrammarVersionDoesNotAcceptFallsBackToTheRegexResult() {
        String source = "fun interface Action {\n    fun run(): Int\n}\n";

        FileSymbols file = parser.extract(source, "Action.kt");

        assertThat(file).isEqualTo(regex.extract(source, "Action.kt"));
        assertThat(SymbolLines.of(file)).containsExactly("interface Action 1-3 exported", "method run 2-0 in Action exported");
    }

    @Test
    void tenThousandNestedParenthesesAreParsed() {
        String source = "val x = " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "\n\nfun after() {\n}\n";

        FileSymbols file = parser.extract(source, "Deep.kt");

        assertThat(SymbolLines.of(file)).containsExactly("variable x 1-0 exported", "function after 3-4 exported");
    }

    @Test
    void tenThousandNestedClassesAreWalkedWithoutRecursion() {
        int depth = 10_000;
        StringBuilder source = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            source.append("class C").append(i).append(" {\n");
        }
        source.append("fun inner() {\n}\n");
        source.append("}\n".repeat(depth));

        FileSymbols file = parser.extract(source.toString(), "Nested.kt");

        assertThat(file.symbols()).hasSize(depth + 1);
        assertThat(SymbolLines.line(file.symbols().get(0))).isEqualTo("class C0 1-" + (2 * depth + 2) + " exported");
        assertThat(SymbolLines.line(file.symbols().get(depth - 1)))
                .isEqualTo("class C9999 10000-10003 in C9998 exported");
        assertThat(SymbolLines.line(file.symbols().get(depth))).isEqualTo("method inner 10001-10002 in C9999 exported");
    }

    @Test
    void aFiveMegabyteFileIsLeftToTheRegexExtractor() {
        String source = IntStream.range(0, 100_000).mapToObj(i -> "fun f" + i + "(a: Int) = a + " + i + " // padding\n")
                .reduce(new StringBuilder(), StringBuilder::append, StringBuilder::append).toString();
        assertThat(source.length()).isGreaterThan(3_500_000).isGreaterThan(KotlinTreeSitterExtractor.MAX_PARSED_CHARS);

        FileSymbols file = parser.extract(source, "Big.kt");

        assertThat(file).isEqualTo(regex.extract(source, "Big.kt"));
        assertThat(file.symbols()).hasSize(100_000);
    }

    @Test
    void binaryGarbageYieldsTheRegexResult() {
        Random random = new Random(17);
        byte[] bytes = new byte[64 * 1024];
        random.nextBytes(bytes);
        String withNul = new String(bytes, StandardCharsets.ISO_8859_1);
        byte[] printable = new byte[64 * 1024];
        for (int i = 0; i < printable.length; i++) {
            printable[i] = (byte) (0x20 + random.nextInt(0x5f));
        }
        String noNul = new String(printable, StandardCharsets.US_ASCII);
        String utf8Garbage = new String(bytes, StandardCharsets.UTF_8); // replacement characters, valid UTF-16

        for (String garbage : List.of(withNul, noNul, utf8Garbage)) {
            assertThat(parser.extract(garbage, "garbage.kt")).isEqualTo(regex.extract(garbage, "garbage.kt"));
        }
    }

    @Test
    void nulCharactersAndUnpairedSurrogatesLeaveTheFileToTheRegexExtractor() {
        String nul = "class A {\n    val s = \"a\u0000b\"\n    fun f() {\n    }\n}\n";
        String lone = "class B {\n    val s = \"\uD800 high\" // \uDC00 low\n    fun g() {\n    }\n}\n";

        assertThat(parser.extract(nul, "Nul.kt")).isEqualTo(regex.extract(nul, "Nul.kt"));
        assertThat(parser.extract(lone, "Lone.kt")).isEqualTo(regex.extract(lone, "Lone.kt"));
        assertThat(SymbolLines.of(parser.extract(lone, "Lone.kt"))).contains("class B 1-5 exported", "method g 3-4 in B exported");
    }

    @Test
    void supplementaryCharactersKeepByteOffsetsRight() {
        String source = "/** \uD83D\uDE00 doc */\nclass Emoji {\n    val face = \"\uD83D\uDE00\uD83D\uDE00\"\n    fun after(): String = \"é\"\n}\n";

        FileSymbols file = parser.extract(source, "Emoji.kt");

        assertThat(SymbolLines.of(file)).containsExactly("class Emoji 2-5 exported", "property face 3-0 in Emoji exported",
                "method after 4-0 in Emoji exported");
        assertThat(SymbolLines.named(file, "Emoji").documentation()).isEqualTo("/** \uD83D\uDE00 doc */");
        assertThat(SymbolLines.named(file, "after").signature()).isEqualTo("fun after(): String");
    }

    @Test
    void parsersOnManyThreadsAtOnceGiveTheSingleThreadedResults() throws Exception {
        List<String> sources = IntStream.range(0, 64).mapToObj(KotlinTreeSitterHostileTest::generated).toList();
        List<FileSymbols> expected = sources.stream().map(s -> parser.extract(s, "G.kt")).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<FileSymbols>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<FileSymbols> results = new ArrayList<>();
                    for (int round = 0; round < 4; round++) {
                        for (String s : sources) {
                            results.add(parser.extract(s, "G.kt"));
                        }
                    }
                    return results;
                }));
            }
            start.countDown();
            for (Future<List<FileSymbols>> future : futures) {
                List<FileSymbols> results = future.get(60, TimeUnit.SECONDS);
                for (int i = 0; i < results.size(); i++) {
                    assertThat(results.get(i)).isEqualTo(expected.get(i % sources.size()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(SymbolLines.of(expected.get(3))).hasSize(6).contains("method best3 6-0 in List exported");
    }

    /**
     * Ten thousand files, in a child JVM whose Java heap is fixed and pre-touched (so its resident set
     * grows only with native memory): every parser and tree is closed when its file is read, so the
     * resident set does not grow with the file count (measured: under 4 MiB). Left to the garbage
     * collector, which these small Java objects put under no pressure, 10,000 parsers and trees of these
     * files grew it by about 270 MiB.
     */
    @Test
    void tenThousandFilesLeaveNoNativeMemoryBehind() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xms96m", "-Xmx96m", "-XX:+AlwaysPreTouch", "-cp",
                System.getProperty("java.class.path"), KotlinNativeLeakProbe.class.getName(), "10000")
                .redirectErrorStream(true).start();
        try {
            assertThat(child.waitFor(240, TimeUnit.SECONDS)).as("the probe finished").isTrue();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.exitValue()).as(output).isZero();
            Matcher m = Pattern.compile("grownKiB=(-?\\d+) symbols=(\\d+)").matcher(output);
            assertThat(m.find()).as(output).isTrue();

            assertThat(Long.parseLong(m.group(2))).isEqualTo(10_000);
            assertThat(Long.parseLong(m.group(1))).as("resident set growth in KiB over 10,000 files").isLessThan(32 * 1024);
        } finally {
            child.destroyForcibly();
        }
    }

    /** Six declarations: a data class with two constructor properties, a generic extension method, a constant; a function. */
    static String generated(int n) {
        return """
                /** Generated %1$d. */
                data class Item%1$d(
                    val id: Int,
                    val name: String = "${'$'}{%1$d}",
                ) {
                    fun <T : Comparable<T>> List<T>.best%1$d(limit: Int): List<T> =
                        sortedDescending().take(maxOf(limit, %1$d))

                    companion object {
                        const val SIZE = %1$d
                    }
                }

                fun helper%1$d(x: Int): Int {
                    return x * %1$d
                }
                """.formatted(n);
    }
}
