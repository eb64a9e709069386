package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.github.javaparser.JavaParser;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.codeintel.FileSymbols;

/** What hostile files do to the parser-based Java extractor: never an exception, the regex result where it cannot parse. */
class JavaParserHostileTest {

    private final JavaParserExtractor parser = new JavaParserExtractor();
    private final JavaExtractor regex = new JavaExtractor();

    @Test
    void aMegabyteSingleLineFileIsLeftToTheRegexExtractor() {
        String source = fields(90_000); // one line of about 1 MB
        assertThat(source.length()).isGreaterThan(1_000_000).isGreaterThan(JavaParserExtractor.MAX_PARSED_CHARS);

        FileSymbols file = parser.extract(source, "Big.java");

        assertThat(file).isEqualTo(regex.extract(source, "Big.java"));
        assertThat(file.symbols()).isEmpty(); // the regex extractor skips lines that long
    }

    @Test
    void aLongSingleLineUnderTheCapIsParsedWhereTheRegexSeesNothing() {
        String source = fields(2_000);
        assertThat(source.length()).isBetween(SourceLines.MAX_DECLARATION_LINE, JavaParserExtractor.MAX_PARSED_CHARS);

        FileSymbols file = parser.extract(source, "Wide.java");

        assertThat(regex.extract(source, "Wide.java").symbols()).isEmpty();
        assertThat(file.symbols()).hasSize(2_001);
        assertThat(SymbolLines.line(file.symbols().get(0))).isEqualTo("class Wide 1-1");
        assertThat(SymbolLines.line(file.symbols().get(2_000))).isEqualTo("property f1999 1-0 in Wide");
    }

    @Test
    void tenThousandNestedParenthesesOverflowTheParserAndFallBackToTheRegex() {
        String source = "class Deep {\n    int x = " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + ";\n    void after() {\n    }\n}\n";
        assertThatThrownBy(() -> new JavaParser(JavaParserExtractor.configuration()).parse(source))
                .isInstanceOf(StackOverflowError.class);

        FileSymbols file = parser.extract(source, "Deep.java");

        assertThat(file).isEqualTo(regex.extract(source, "Deep.java"));
        assertThat(SymbolLines.of(file)).containsExactly("class Deep 1-5", "method after 3-4 in Deep");
    }

    @Test
    void tenThousandNestedGenericsOverflowTheParserAndFallBackToTheRegex() {
        String source = "class Generic {\n    List<" + "List<".repeat(10_000) + "String" + ">".repeat(10_001)
                + " x;\n    void after() {\n    }\n}\n";
        assertThatThrownBy(() -> new JavaParser(JavaParserExtractor.configuration()).parse(source))
                .isInstanceOf(StackOverflowError.class);

        FileSymbols file = parser.extract(source, "Generic.java");

        assertThat(file).isEqualTo(regex.extract(source, "Generic.java"));
        assertThat(SymbolLines.of(file)).containsExactly("class Generic 1-5", "method after 3-4 in Generic");
    }

    @Test
    void loneSurrogatesInLiteralsAndCommentsAreRead() {
        String source = "class S {\n    String s = \"\uD800 high\"; // \uDC00 low\n    void m() {\n    }\n}\n";

        FileSymbols file = parser.extract(source, "S.java");

        assertThat(SymbolLines.of(file)).containsExactly("class S 1-5", "property s 2-0 in S", "method m 3-4 in S");
    }

    @Test
    void aLoneSurrogateInAnIdentifierIsKeptAsWritten() {
        String source = "class T {\n    int a\uD800b;\n    void m() {\n    }\n}\n";

        FileSymbols file = parser.extract(source, "T.java");

        // JavaParser is more lenient than javac here; the name is the text as written, and nothing throws
        assertThat(SymbolLines.of(file)).containsExactly("class T 1-5", "property a\uD800b 2-0 in T", "method m 3-4 in T");
        assertThat(SymbolLines.of(regex.extract(source, "T.java"))).containsExactly("class T 1-5", "method m 3-4 in T");
    }

    @Test
    void filesThatAreNotJavaFallBackToTheRegexWithoutThrowing() {
        byte[] noise = new byte[64 * 1024];
        new Random(17).nextBytes(noise);
        List<String> notJava = List.of(
                new String(noise, StandardCharsets.ISO_8859_1),
                new String(noise, StandardCharsets.UTF_8),
                "def main():\n    print('hello')\n\nclass A:\n    pass\n",
                "{\"class\": \"X\", \"void\": [1, 2, {\"f()\": null}]}\n",
                "\u0000\u0000\u0000",
                "");

        for (String source : notJava) {
            assertThat(parser.extract(source, "Noise.java")).isEqualTo(regex.extract(source, "Noise.java"));
        }
    }

    @Test
    void extractsTheSameFromManyThreadsAtOnce() throws Exception {
        String source = """
                public class Shared<T extends Comparable<T>> {
                    public <R>
                            R map(T value) {
                        return null;
                    }
                    record Pair(int a, int b) { }
                }
                """;
        FileSymbols expected = parser.extract(source, "Shared.java");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<FileSymbols>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return IntStream.range(0, 50).mapToObj(i -> parser.extract(source, "Shared.java")).toList();
                }));
            }
            start.countDown();
            for (Future<List<FileSymbols>> run : runs) {
                assertThat(run.get(60, TimeUnit.SECONDS)).hasSize(50).containsOnly(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(SymbolLines.of(expected)).containsExactly("class Shared 1-7 exported", "method map 2-5 in Shared exported",
                "class Pair 6-6 in Shared");
    }

    /** {@code class <Name> { int f0; int f1; ... }} on one line. */
    private static String fields(int count) {
        StringBuilder text = new StringBuilder(count == 2_000 ? "class Wide {" : "class Big {");
        for (int i = 0; i < count; i++) {
            text.append(" int f").append(i).append(';');
        }
        return text.append(" }").toString();
    }
}
