package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.agentfactory.sdk.codeintel.Extractor;
import io.agentfactory.sdk.codeintel.FileSymbols;

class HostileSourceTest {

    private static final int N = 200_000;

    /** Lines that make backtracking patterns recurse once per repetition: a stack overflow before the length cap. */
    private static final List<String> HOSTILE_LINES = List.of(
            "public ".repeat(N) + "x(",
            "@a(b) ".repeat(N) + "class X",
            "export " + "abstract ".repeat(N) + "class X",
            "fun " + "a.".repeat(N) + "f(",
            "Map<".repeat(N) + " x(",
            "const x: " + "a ".repeat(N) + "=",
            "import {" + "a,".repeat(N),
            "<" + "a>".repeat(N));

    static Stream<Arguments> extractorsAndLines() {
        return CodeIndexer.defaultExtractors().stream()
                .flatMap(e -> HOSTILE_LINES.stream().map(line -> Arguments.of(e.language(), e, line.substring(0, 12))));
    }

    @ParameterizedTest(name = "{0}: {2}...")
    @MethodSource("extractorsAndLines")
    void aHugeHostileLineIsSkippedWithoutOverflowingTheStack(String language, Extractor extractor, String head) {
        String line = HOSTILE_LINES.stream().filter(l -> l.startsWith(head)).findFirst().orElseThrow();
        String path = "f" + extractor.extensions().stream().sorted().findFirst().orElseThrow();

        FileSymbols alone = extractor.extract(line + "\n", path);
        FileSymbols inType = extractor.extract("class A {\n  " + line + "\n}\n", path);

        assertThat(alone.symbols()).isEmpty();
        assertThat(inType.symbols()).allSatisfy(s -> assertThat(s.line()).isNotEqualTo(2));
    }
}
