package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.agentfactory.sdk.codeintel.FileSymbols;

/**
 * The parser-based Java extractor: the regex extractor's contract where that one is right, and the
 * right answer where it is not (each gap case asserts the regex result differs, so it proves the gap).
 */
class JavaParserExtractorTest {

    /** The source of {@link JavaExtractorTest}. */
    private static final String REGISTRY = JavaExtractorTest.SOURCE;

    private final JavaParserExtractor parser = new JavaParserExtractor();
    private final JavaExtractor regex = new JavaExtractor();

    @Test
    void keepsTheRegexContractOnWhatTheRegexReadsRight() {
        FileSymbols file = parser.extract(REGISTRY, "src/main/java/com/example/Registry.java");
        FileSymbols lines = regex.extract(REGISTRY, "src/main/java/com/example/Registry.java");

        assertThat(SymbolLines.of(file)).containsExactlyElementsOf(SymbolLines.of(lines)).containsExactly(
                "class Registry 10-44 exported",
                "property BRACE 12-0 in Registry",
                "property items 13-0 in Registry",
                "method Registry 16-18 in Registry exported",
                "method iterator 21-23 in Registry exported",
                "method of 25-31 in Registry",
                "interface Listener 33-38 in Registry exported",
                "method changed 34-0 in Listener exported",
                "method enabled 35-37 in Listener exported",
                "enum Color 40-40 in Registry",
                "class Entry 42-43 in Registry exported",
                "interface Hidden 46-47");
        assertThat(file.imports()).isEqualTo(lines.imports()).containsExactly("java.util.List", "java.util.Objects.requireNonNull");
        assertThat(file.exports()).isEqualTo(lines.exports());
        assertThat(file.language()).isEqualTo("java");
        for (int i = 0; i < file.symbols().size(); i++) {
            assertThat(file.symbols().get(i).documentation()).isEqualTo(lines.symbols().get(i).documentation());
            assertThat(file.symbols().get(i).filePath()).isEqualTo("src/main/java/com/example/Registry.java");
        }
        assertThat(SymbolLines.named(file, "Registry").documentation()).isEqualTo("/**\n * A registry.\n */");
        assertThat(SymbolLines.named(file, "Registry").signature()).isEqualTo("public final class Registry<T> implements Iterable<T>");
        assertThat(file.symbols().get(3).signature()).isEqualTo("public Registry(List<T> items)");
        assertThat(SymbolLines.named(file, "changed").signature()).isEqualTo("void changed(String name)");
        assertThat(SymbolLines.named(file, "Entry").signature()).isEqualTo("public record Entry(String key, int value)");
        // the regex sees the first line only; the parser joins the wrapped parameters
        assertThat(SymbolLines.named(lines, "of").signature()).isEqualTo("static <R> Registry<R> of(");
        assertThat(SymbolLines.named(file, "of").signature()).isEqualTo("static <R> Registry<R> of(List<R> items)");
    }

    /** Sources the regex extractor gets wrong, with the parser's exact symbols. */
    static Stream<Arguments> gaps() {
        return Stream.of(
                Arguments.of("multi-line generic signature under annotation lines", """
                        public class Repo {
                            @SuppressWarnings("unchecked")
                            @Deprecated
                            public <K extends Comparable<K>, V>
                                    Map<K, List<Map<String, V>>> group(
                                            List<V> values) {
                                return null;
                            }
                        }
                        """, List.of("class Repo 1-9 exported", "method group 4-8 in Repo exported")),
                Arguments.of("type header over three lines", """
                        public
                        final class Split
                                extends Base {
                            int x;
                        }
                        """, List.of("class Split 1-5 exported", "property x 4-0 in Split")),
                Arguments.of("declarations in a lambda body are not fields", """
                        class Handlers {
                            Runnable task = () -> {
                                int counter = 0;
                                String label = "x";
                            };
                            void run() {
                            }
                        }
                        """, List.of("class Handlers 1-8", "property task 2-0 in Handlers", "method run 6-7 in Handlers")),
                Arguments.of("anonymous class members are not members", """
                        class Pool {
                            final Comparator<String> order = new Comparator<>() {
                                @Override
                                public int compare(String a, String b) {
                                    return 0;
                                }
                            };
                        }
                        """, List.of("class Pool 1-8", "property order 2-0 in Pool")),
                Arguments.of("code-like text in a text block", """
                        class Template {
                            String body = \"""
                                public void injected() {
                                }
                                \""";
                            void real() {
                            }
                        }
                        """, List.of("class Template 1-8", "property body 2-0 in Template", "method real 6-7 in Template")),
                Arguments.of("code in a block comment opened after code", """
                        class Notes {
                            int a; /* disabled:
                            public void ghost() {
                            }
                            */
                        }
                        """, List.of("class Notes 1-6", "property a 2-0 in Notes")),
                Arguments.of("unicode identifiers", """
                        public class Größe {
                            public int länge;
                            public void ändern() {
                            }
                        }
                        """, List.of("class Größe 1-5 exported", "property länge 2-0 in Größe exported",
                        "method ändern 3-4 in Größe exported")),
                Arguments.of("sealed interface, records, compact constructor", """
                        public sealed interface Shape
                                permits Shape.Circle, Shape.Square {
                            record Circle(double r) implements Shape {
                                public Circle {
                                    if (r < 0) throw new IllegalArgumentException();
                                }
                            }
                            record Square(double side) implements Shape { }
                            double area();
                        }
                        """, List.of("interface Shape 1-10 exported", "class Circle 3-7 in Shape exported",
                        "method Circle 4-6 in Circle exported", "class Square 8-8 in Shape exported",
                        "method area 9-0 in Shape exported")),
                Arguments.of("local types", """
                        class Outer {
                            void run() {
                                record Point(int x, int y) { }
                                class Local {
                                    public void hidden() {
                                    }
                                }
                            }
                        }
                        """, List.of("class Outer 1-9", "method run 2-8 in Outer", "class Point 3-3 in Outer",
                        "class Local 4-7 in Outer", "method hidden 5-6 in Local")),
                Arguments.of("every declarator of a field declaration", """
                        class Point {
                            int x, y, z;
                        }
                        """, List.of("class Point 1-3", "property x 2-0 in Point", "property y 2-0 in Point",
                        "property z 2-0 in Point")),
                Arguments.of("annotation with a parenthesis in a string", """
                        class Form {
                            @Pattern(regexp = "a)b") public String code;
                        }
                        """, List.of("class Form 1-3", "property code 2-0 in Form exported")),
                Arguments.of("enum with constants, constructor and constant bodies", """
                        public enum Op {
                            PLUS("+") {
                                int apply(int a, int b) { return a + b; }
                            },
                            MINUS("-") {
                                int apply(int a, int b) { return a - b; }
                            };
                            private final String symbol;
                            Op(String symbol) {
                                this.symbol = symbol;
                            }
                            abstract int apply(int a, int b);
                        }
                        """, List.of("enum Op 1-13 exported", "property symbol 8-0 in Op", "method Op 9-11 in Op",
                        "method apply 12-0 in Op")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gaps")
    void readsWhatTheRegexGetsWrong(String what, String source, List<String> expected) {
        List<String> lines = SymbolLines.of(regex.extract(source, "Gap.java"));
        List<String> parsed = SymbolLines.of(parser.extract(source, "Gap.java"));

        assertThat(parsed).as(what).containsExactlyElementsOf(expected);
        assertThat(lines).as("the regex result, which must differ for the case to prove a gap").isNotEqualTo(expected);
    }

    @Test
    void joinsMultiLineSignaturesAndKeepsDocAcrossMultiLineAnnotations() {
        FileSymbols file = parser.extract("""
                public class Repo {
                    /** Groups the values. */
                    @SuppressWarnings({"unchecked",
                            "rawtypes"})
                    public <K extends Comparable<K>, V>
                            Map<K, List<Map<String, V>>> group( // by key
                                    List<V> values,
                                    Function<V, K> key)
                            throws IOException {
                        return null;
                    }
                    /** The key. */
                    @Column(
                        name = "id")
                    private long id;
                }
                """, "Repo.java");

        assertThat(SymbolLines.named(file, "group").signature()).isEqualTo(
                "public <K extends Comparable<K>, V> Map<K, List<Map<String, V>>> group(List<V> values, Function<V, K> key)"
                        + " throws IOException");
        assertThat(SymbolLines.named(file, "group").documentation()).isEqualTo("/** Groups the values. */");
        assertThat(SymbolLines.named(file, "group").line()).isEqualTo(5);
        assertThat(SymbolLines.named(file, "id").documentation()).isEqualTo("/** The key. */");
        assertThat(SymbolLines.named(file, "id").line()).isEqualTo(15);
    }

    @Test
    void aFileWithASyntaxErrorIsReadByTheRegexExtractor() {
        String broken = """
                import java.util.List;
                public class Broken {
                    void a() {
                        int x = ;
                    }
                    public void b() {
                    }
                }
                """;

        FileSymbols file = parser.extract(broken, "Broken.java");

        assertThat(file).isEqualTo(regex.extract(broken, "Broken.java"));
        assertThat(SymbolLines.of(file)).containsExactly("class Broken 2-8 exported", "method a 3-5 in Broken",
                "method b 6-7 in Broken exported");
        assertThat(file.imports()).containsExactly("java.util.List");
    }
}
