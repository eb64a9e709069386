package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ImportLinesTest {

    /** The package of one line read on its own. */
    private static String single(String line) {
        return new ImportLines().next(line);
    }

    /** "line:package" for every line of {@code text} that imports a package. */
    private static List<String> imports(String text) {
        ImportLines lines = new ImportLines();
        List<String> out = new ArrayList<>();
        String[] all = text.split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            String pkg = lines.next(all[i]);
            if (pkg != null) {
                out.add((i + 1) + ":" + pkg);
            }
        }
        return out;
    }

    @Test
    void theReferenceClassifierCases() {
        assertThat(single("import { x } from '@myorg/b'")).isEqualTo("@myorg/b");
        assertThat(single("export { y } from '@myorg/b'")).isEqualTo("@myorg/b");
        assertThat(single("const x = require('@myorg/b')")).isEqualTo("@myorg/b");
        assertThat(single("// import { x } from '@myorg/b'")).isNull();
        assertThat(single("/* import { x } from '@myorg/b' */")).isNull();
        assertThat(single("const s = 'import not real'")).isNull();
        assertThat(single("")).isNull();
    }

    @Test
    void scopedNamesKeepTwoSegmentsAndBareNamesOne() {
        assertThat(single("import { a } from '@scope/pkg/deep/path'")).isEqualTo("@scope/pkg");
        assertThat(single("import fp from \"lodash/fp\"")).isEqualTo("lodash");
        assertThat(single("import 'side-effect-pkg'")).isEqualTo("side-effect-pkg");
        assertThat(single("const r = require ( \"utils\" )")).isEqualTo("utils");
    }

    @Test
    void relativeAndMalformedSpecifiersAreNoPackage() {
        assertThat(single("import { a } from './local'")).isNull();
        assertThat(single("import { a } from '../up'")).isNull();
        assertThat(single("import { a } from '/abs'")).isNull();
        assertThat(single("import { a } from '@noslash'")).isNull();
    }

    @Test
    void aBlockCommentHidesItsLinesUntilItCloses() {
        String src = """
                /*
                import { a } from '@org/a'
                 * import { b } from '@org/b'
                */
                import { c } from '@org/c'
                """;
        assertThat(imports(src)).containsExactly("5:@org/c");
    }

    @Test
    void aTemplateLiteralHidesItsLines() {
        String src = """
                const doc = `
                import { a } from '@org/a'
                const b = require('@org/b')
                `
                import { c } from '@org/c'
                """;
        assertThat(imports(src)).containsExactly("5:@org/c");
    }

    @Test
    void anImportBeforeAnOpeningBacktickIsRealAndOpensTheLiteral() {
        String src = "import { a } from '@org/a'; const t = `\nimport { b } from '@org/b'\n`\n";
        assertThat(imports(src)).containsExactly("1:@org/a");
    }

    @Test
    void anImportAfterAnOpeningBacktickIsNotReal() {
        assertThat(imports("const t = `import { a } from '@org/a'\n`\nimport { c } from '@org/c'\n"))
                .containsExactly("3:@org/c");
    }

    @Test
    void requireInsideAStringOrAfterALineCommentIsNotReal() {
        assertThat(single("const s = \"require('@org/a')\"")).isNull();
        assertThat(single("const s = 'x require(\"@org/a\")'")).isNull(); // the reference accepts this one
        assertThat(single("const s = `${require('@org/a')}`")).isNull();
        assertThat(single("run(); // require('@org/a')")).isNull();
        assertThat(single("const q = 'it''s'; const a = require('@org/a')")).isEqualTo("@org/a");
        assertThat(single("const e = \"say \\\"hi\\\"\"; const a = require('@org/a')")).isEqualTo("@org/a");
    }

    @Test
    void anImportKeywordInsideALineIsNoStaticImport() {
        assertThat(single("const x = y; import { a } from '@org/a'")).isNull();
        assertThat(single("  export * from '@org/a'")).isEqualTo("@org/a");
    }

    @Test
    void aHostileHugeLineCostsBoundedWork() {
        String huge = "import { a } from '@org/a' " + "from '".repeat(2_000_000);
        assertThat(single(huge)).isEqualTo("@org/a");
        String hidden = " ".repeat(ImportLines.MAX_MATCHED_CHARS) + "const a = require('@org/a')";
        assertThat(single(hidden)).isNull();
    }
}
