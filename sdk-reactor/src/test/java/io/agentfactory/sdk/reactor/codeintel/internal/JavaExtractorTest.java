package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.codeintel.FileSymbols;

class JavaExtractorTest {

    /** The extractor's own case; the parser's test reads it too. */
    static final String SOURCE = """
            package com.example;

            import java.util.List;
            import static java.util.Objects.requireNonNull;

            /**
             * A registry.
             */
            @Deprecated
            public final class Registry<T> implements Iterable<T> {

                private static final String BRACE = "}";
                final List<T> items;

                /** Makes one. */
                public Registry(List<T> items) {
                    this.items = requireNonNull(items);
                }

                @Override
                public java.util.Iterator<T> iterator() {
                    return items.iterator();
                }

                static <R> Registry<R> of(
                        List<R> items) {
                    if (items.isEmpty()) {
                        throw new IllegalArgumentException("{");
                    }
                    return new Registry<>(items);
                }

                public interface Listener {
                    void changed(String name);
                    default boolean enabled() {
                        return true;
                    }
                }

                enum Color { RED, GREEN }

                public record Entry(String key, int value) {
                }
            }

            interface Hidden {
            }
            """;

    private final FileSymbols file = new JavaExtractor().extract(SOURCE, "src/main/java/com/example/Registry.java");

    @Test
    void findsTypesMembersAndNestedTypesWithTheirParentsAndExtents() {
        assertThat(SymbolLines.of(file)).containsExactly(
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
        assertThat(file.language()).isEqualTo("java");
    }

    @Test
    void readsImportsAndExportsPublicAndInterfaceMembers() {
        assertThat(file.imports()).containsExactly("java.util.List", "java.util.Objects.requireNonNull");
        assertThat(file.exports()).containsExactly("Registry", "Registry", "iterator", "Listener", "changed", "enabled", "Entry");
    }

    @Test
    void keepsJavadocAcrossAnnotationsAndCutsSignaturesAtTheBody() {
        assertThat(SymbolLines.named(file, "Registry").documentation()).isEqualTo("/**\n * A registry.\n */");
        assertThat(SymbolLines.named(file, "Registry").signature()).isEqualTo("public final class Registry<T> implements Iterable<T>");
        assertThat(file.symbols().get(3).documentation()).isEqualTo("/** Makes one. */");
        assertThat(file.symbols().get(3).signature()).isEqualTo("public Registry(List<T> items)");
        assertThat(SymbolLines.named(file, "changed").signature()).isEqualTo("void changed(String name)");
        assertThat(SymbolLines.named(file, "iterator").documentation()).isEmpty();
    }

    @Test
    void localDeclarationsInsideBodiesAndInitializersAreNotMembers() {
        FileSymbols local = new JavaExtractor().extract("""
                class Outer {
                    static {
                        int notAField = 1;
                    }
                    void run() {
                        String notAField = "x";
                        class Local { void hidden() {} }
                    }
                    int field;
                }
                """, "Outer.java");

        assertThat(SymbolLines.of(local)).containsExactly("class Outer 1-10", "method run 5-8 in Outer", "property field 9-0 in Outer");
    }

    @Test
    void aTextBlockWithBracesDoesNotEndTheMethod() {
        FileSymbols text = new JavaExtractor().extract("""
                class T {
                    String json() {
                        return \"""
                            { "a": "}" }
                            }
                            \""";
                    }
                }
                """, "T.java");

        assertThat(SymbolLines.of(text)).containsExactly("class T 1-8", "method json 2-7 in T");
    }
}
