package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.reactor.codeintel.internal.BlockScanner.Dialect;
import io.agentfactory.sdk.reactor.codeintel.internal.BlockScanner.Options;

class BlockScannerTest {

    private static int close(String source, Dialect dialect, Options options) {
        return BlockScanner.closingLine(SourceLines.split(source), 0, dialect, options);
    }

    @Test
    void bracesInStringsRuneLiteralsRawStringsAndCommentsAreNotCounted() {
        String go = """
                func f() {
                	a := "}"
                	b := '}'
                	c := `
                }`
                	// }
                	/* } */
                }
                """;

        assertThat(close(go, Dialect.GO, Options.GO_DECLARATION)).isEqualTo(7);
    }

    @Test
    void aGoRawStringHasNoEscapesButATypeScriptTemplateDoes() {
        assertThat(close("f() {\n  x := `\\`\n}\n", Dialect.GO, Options.GO_DECLARATION)).isEqualTo(2);
        assertThat(close("f() {\n  const x = `\\` }`\n}\n", Dialect.TYPESCRIPT, Options.FUNCTION)).isEqualTo(2);
    }

    @Test
    void aBraceInsideParenthesesIsADestructuredParameterNotTheBody() {
        assertThat(close("function f({ a, b }) {\n  return a\n}\n", Dialect.TYPESCRIPT, Options.FUNCTION)).isEqualTo(2);
    }

    @Test
    void theOpeningBraceIsSoughtAtMostTenLinesAhead() {
        String ten = "f(\n" + "a,\n".repeat(9) + ") {\n}\n";
        String eleven = "f(\n" + "a,\n".repeat(10) + ") {\n}\n";

        assertThat(close(ten, Dialect.GO, Options.GO_DECLARATION)).isEqualTo(11);
        assertThat(close(eleven, Dialect.GO, Options.GO_DECLARATION)).isEqualTo(-1);
        assertThat(close(eleven, Dialect.TYPESCRIPT, Options.TYPE_BODY)).isEqualTo(12);
    }

    @Test
    void bodylessDeclarationsReportNothing() {
        assertThat(close("func asm() int\nfunc next() {\n}\n", Dialect.GO, Options.GO_DECLARATION)).isEqualTo(-1);
        assertThat(close("abstract void run();\nvoid go() {\n}\n", Dialect.JVM, Options.FUNCTION)).isEqualTo(-1);
        assertThat(close("fun f() = 1\nfun g() {\n}\n", Dialect.JVM, Options.KOTLIN_FUNCTION)).isEqualTo(-1);
        assertThat(close("fun f(): Int\nfun g() {\n}\n", Dialect.JVM, Options.KOTLIN_FUNCTION)).isEqualTo(-1);
        assertThat(close("  call()\n}\n", Dialect.TYPESCRIPT, Options.FUNCTION)).isEqualTo(-1);
        assertThat(close("func open() {\n", Dialect.GO, Options.GO_DECLARATION)).isEqualTo(-1);
    }

    @Test
    void aJavaTextBlockSpansLines() {
        assertThat(close("String f() {\n  return \"\"\"\n  }\n  \"\"\";\n}\n", Dialect.JVM, Options.FUNCTION)).isEqualTo(4);
    }

    @Test
    void oneHundredThousandCommentLinesAreScannedInOnePass() {
        String source = "func f() {\n" + "// }\n".repeat(100_000) + "}\n";

        assertThat(close(source, Dialect.GO, Options.GO_DECLARATION)).isEqualTo(100_001);
        assertThat(new GoExtractor().extract("// c\n".repeat(100_000) + "func F() {}\n", "big.go").symbols()).hasSize(1);
    }
}
