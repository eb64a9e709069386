package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.codeintel.Extractor;
import io.agentfactory.sdk.codeintel.FileSymbols;
import io.agentfactory.sdk.codeintel.IndexedFile;

/** The import resolvers, on imports the real (regex) extractors take from source text. */
class ImportGraphTest {

    private final List<IndexedFile> files = new ArrayList<>();

    private ImportGraphTest file(String path, String source) {
        String extension = path.substring(path.lastIndexOf('.')).toLowerCase(Locale.ROOT);
        Extractor extractor = CodeIndexer.regexExtractors().stream().filter(e -> e.extensions().contains(extension))
                .findFirst().orElseThrow();
        FileSymbols symbols = extractor.extract(source, path);
        files.add(new IndexedFile(path, symbols.language(), "0", symbols.symbols(), symbols.imports(), symbols.exports()));
        return this;
    }

    private ImportGraph graph() {
        return ImportGraph.of(files, "");
    }

    private ImportGraph graph(String goModule) {
        return ImportGraph.of(files, goModule);
    }

    @Nested
    class JavaScriptAndTypeScript {

        @Test
        void relativeSpecifiersResolveWithExtensionAndIndexFallbacksAndBareOnesDoNot() {
            // The reference's fixture.
            file("src/a.ts", "import { b } from './b'\nimport * as sub from './sub'\nimport React from 'react'\n");
            file("src/b.ts", "import { a } from './a'\n");
            file("src/sub/index.ts", "export const x = 1\n");
            file("react.ts", "export const fake = 1\n");

            ImportGraph graph = graph();

            assertThat(graph.dependencies("src/a.ts")).containsExactly("src/b.ts", "src/sub/index.ts");
            assertThat(graph.dependents("src/a.ts")).containsExactly("src/b.ts");
            assertThat(graph.dependents("react.ts")).isEmpty();
            assertThat(graph.edgeCount()).isEqualTo(3);
        }

        @Test
        void parentSpecifiersAndJsExtensionsAndExtensionOrder() {
            file("src/deep/x.ts", "import { a } from '../a.js'\nimport { u } from '../../lib/u'\n");
            file("src/a.ts", "export const a = 1\n");
            file("src/a.js", "export const a = 1\n");
            file("lib/u.tsx", "export const u = 1\n");
            file("lib/v.mjs", "import w from './w.cjs'\n");
            file("lib/w.cjs", "module.exports = 1\n");

            ImportGraph graph = graph();

            // "../a.js" strips .js and tries "", .ts first: the TypeScript source wins.
            assertThat(graph.dependencies("src/deep/x.ts")).containsExactly("lib/u.tsx", "src/a.ts");
            assertThat(graph.dependencies("lib/v.mjs")).containsExactly("lib/w.cjs");
        }

        @Test
        void rootRelativeAndDotSpecifiers() {
            file("index.ts", "export const root = 1\n");
            file("main.ts", "import * as root from '.'\n");
            file("web/page.ts", "import { u } from '/lib/u'\n");
            file("lib/u.ts", "export const u = 1\n");

            ImportGraph graph = graph();

            assertThat(graph.dependencies("main.ts")).containsExactly("index.ts");
            assertThat(graph.dependencies("web/page.ts")).containsExactly("lib/u.ts");
        }

        @Test
        void specifiersClimbingAboveTheRootResolveToNothing() {
            // The reference drops the extra ".." and would edge to a.ts at the root.
            file("a.ts", "export const a = 1\n");
            file("etc/passwd.ts", "export const p = 1\n");
            file("src/x.ts", "import { a } from '../../../a'\nimport p from '../../../../../../etc/passwd'\nimport { a as b } from '../a'\n");

            assertThat(graph().dependencies("src/x.ts")).containsExactly("a.ts");
            assertThat(graph().dependents("etc/passwd.ts")).isEmpty();
        }

        @Test
        void selfImportsAndRepeatedImportsGiveNoExtraEdges() {
            file("a.ts", "import { a } from './a'\nimport { b } from './b'\nimport { c } from './b.ts'\nconst d = import('./b')\n");
            file("b.ts", "import { a } from './a'\n");

            ImportGraph graph = graph();

            assertThat(graph.dependencies("a.ts")).containsExactly("b.ts");
            assertThat(graph.dependencies("b.ts")).containsExactly("a.ts");
            assertThat(graph.edgeCount()).isEqualTo(2);
        }
    }

    @Nested
    class Go {

        private void tree() {
            file("hub/hub.go", "package hub\n\nfunc Hub() {}\n");
            file("hub/util.go", "package hub\n\nfunc util() {}\n");
            file("hub/hub_test.go", "package hub\n\nimport \"testing\"\n\nfunc TestHub(t *testing.T) {}\n");
            file("main.go", "package main\n\nfunc main() {}\n");
            file("svc/svc.go", "package svc\n\nimport (\n\t\"fmt\"\n\t\"example.com/m/hub\"\n\tother \"example.com/other/hub\"\n\t\"example.com/m\"\n)\n");
        }

        @Test
        void theModulePathMapsImportsToEveryNonTestFileOfThePackageDirectory() {
            tree();

            ImportGraph graph = graph("example.com/m");

            assertThat(graph.dependencies("svc/svc.go")).containsExactly("hub/hub.go", "hub/util.go", "main.go");
            assertThat(graph.dependents("hub/hub_test.go")).isEmpty();
        }

        @Test
        void withoutAModulePathTheLongestSuffixThatIsAPackageWins() {
            tree();
            file("pkg/sub/a.go", "package sub\n");
            file("sub/b.go", "package sub\n");
            file("cmd/tool.go", "package main\n\nimport \"github.com/x/y/pkg/sub\"\n");

            ImportGraph graph = graph();

            // example.com/other/hub now resolves too (suffix "hub"); "example.com/m" and "fmt" do not.
            assertThat(graph.dependencies("svc/svc.go")).containsExactly("hub/hub.go", "hub/util.go");
            assertThat(graph.dependencies("cmd/tool.go")).containsExactly("pkg/sub/a.go");
        }

        @Test
        void aTestFileEdgesToItsOwnPackageButNeverToItself() {
            file("hub/hub.go", "package hub\n");
            file("hub/hub_test.go", "package hub_test\n\nimport \"example.com/m/hub\"\n");

            assertThat(graph("example.com/m").dependencies("hub/hub_test.go")).containsExactly("hub/hub.go");
        }
    }

    @Nested
    class Python {

        @Test
        void dottedRelativeAndPackageImports() {
            file("pkg/__init__.py", "");
            file("pkg/hub.py", "def hub():\n    return 1\n");
            file("pkg/sub/__init__.py", "");
            file("pkg/sub/m.py", "from ..hub import hub\nfrom . import sibling\nimport pkg\nfrom .sibling import s\n");
            file("pkg/sub/sibling.py", "def s():\n    return 1\n");
            file("app.py", "from pkg.hub import hub\nimport os.path\n");

            ImportGraph graph = graph();

            assertThat(graph.dependencies("pkg/sub/m.py"))
                    .containsExactly("pkg/__init__.py", "pkg/hub.py", "pkg/sub/__init__.py", "pkg/sub/sibling.py");
            assertThat(graph.dependencies("app.py")).containsExactly("pkg/hub.py");
        }

        @Test
        void srcLayoutAndLeadingSegmentFallbacks() {
            file("src/app/core.py", "def core():\n    return 1\n");
            file("tools/run.py", "from app.core import core\nimport myproject.tools.helpers\n");
            file("tools/helpers.py", "def h():\n    return 1\n");

            assertThat(graph().dependencies("tools/run.py")).containsExactly("src/app/core.py", "tools/helpers.py");
        }

        @Test
        void relativeImportsClimbingAboveTheRootResolveToNothing() {
            file("x.py", "def x():\n    return 1\n");
            file("pkg/a.py", "from ...x import x\nfrom ..x import x\n");

            // "..x" from pkg/ is x.py at the root; "...x" would climb above it.
            assertThat(graph().dependencies("pkg/a.py")).containsExactly("x.py");
        }
    }

    @Nested
    class Rust {

        @Test
        void cratePathsBraceGroupsAliasesAndTheLongestSuffix() {
            file("src/main.rs", "use crate::store::Store;\nuse crate::net::{http, tcp};\nuse std::collections::HashMap;\n");
            file("src/store.rs", "pub struct Store;\n");
            file("src/net/mod.rs", "pub mod http;\n");
            file("src/a/b.rs", "pub struct C;\n");
            file("src/b.rs", "pub struct C;\n");
            file("src/lib.rs", "use crate::a::b::C;\nuse self::store::Store as S;\nuse super::b;\n");

            ImportGraph graph = graph();

            assertThat(graph.dependencies("src/main.rs")).containsExactly("src/net/mod.rs", "src/store.rs");
            assertThat(graph.dependencies("src/lib.rs")).containsExactly("src/a/b.rs", "src/b.rs", "src/store.rs");
        }

        @Test
        void workspaceCratesResolveCratePathsInTheirOwnSourceDirectory() {
            file("crates/core/src/lib.rs", "use crate::model::User;\n");
            file("crates/core/src/model.rs", "pub struct User;\n");
            file("src/model.rs", "pub struct Other;\n");

            assertThat(graph().dependencies("crates/core/src/lib.rs")).containsExactly("crates/core/src/model.rs");
        }
    }

    @Nested
    class JavaAndKotlin {

        private void tree() {
            file("core/src/main/java/com/acme/core/Service.java",
                    "package com.acme.core;\n\npublic class Service {\n    public enum Mode { ON }\n    public static void start() {}\n}\n");
            file("core/src/main/java/com/acme/util/Strings.java", "package com.acme.util;\n\npublic final class Strings {\n}\n");
            file("core/src/main/java/com/acme/util/Lists.java", "package com.acme.util;\n\npublic final class Lists {\n}\n");
            file("core/src/main/kotlin/com/acme/text/Format.kt",
                    "package com.acme.text\n\nfun formatName(name: String): String = name\n\nclass Formatter\n");
        }

        @Test
        void javaImportsOfTypesNestedTypesStaticMembersAndWildcards() {
            tree();
            file("app/src/main/java/com/acme/app/App.java", """
                    package com.acme.app;

                    import java.util.List;
                    import com.acme.core.Service;
                    import com.acme.core.Service.Mode;
                    import static com.acme.core.Service.start;
                    import com.acme.util.*;

                    public class App {
                    }
                    """);

            assertThat(graph().dependencies("app/src/main/java/com/acme/app/App.java")).containsExactly(
                    "core/src/main/java/com/acme/core/Service.java",
                    "core/src/main/java/com/acme/util/Lists.java",
                    "core/src/main/java/com/acme/util/Strings.java");
        }

        @Test
        void theParserExtractorGivesTheSameEdgesAsTheRegexOne() {
            assertThat(ParserPresence.javaParser()).isTrue();
            tree();
            String app = """
                    package com.acme.app;

                    import com.acme.core.Service;
                    import com.acme.core.Service.Mode;
                    import static com.acme.core.Service.start;
                    import static com.acme.core.Service.*;
                    import com.acme.util.*;

                    public class App {
                    }
                    """;
            file("App.java", app);
            List<String> regex = graph().dependencies("App.java");
            files.removeIf(f -> f.path().equals("App.java"));
            FileSymbols parsed = new JavaParserExtractor().extract(app, "App.java");
            files.add(new IndexedFile("App.java", "java", "0", parsed.symbols(), parsed.imports(), parsed.exports()));

            assertThat(graph().dependencies("App.java")).isEqualTo(regex).containsExactly(
                    "core/src/main/java/com/acme/core/Service.java",
                    "core/src/main/java/com/acme/util/Lists.java",
                    "core/src/main/java/com/acme/util/Strings.java");
        }

        @Test
        void staticWildcardsOfATypeLandOnTheType() {
            tree();
            file("App.java", "import static com.acme.core.Service.*;\n\nclass App {\n}\n");

            assertThat(graph().dependencies("App.java")).containsExactly("core/src/main/java/com/acme/core/Service.java");
        }

        @Test
        void kotlinTopLevelFunctionsAndJavaTypesAcrossLanguages() {
            tree();
            file("app/src/main/kotlin/com/acme/app/Main.kt", """
                    package com.acme.app

                    import com.acme.text.formatName
                    import com.acme.core.Service as CoreService
                    import com.acme.`text`.Formatter
                    import kotlinx.coroutines.flow.Flow

                    fun main() {}
                    """);
            file("app/src/main/java/com/acme/app/Bridge.java", "package com.acme.app;\n\nimport com.acme.text.Formatter;\n\nclass Bridge {\n}\n");

            ImportGraph graph = graph();

            assertThat(graph.dependencies("app/src/main/kotlin/com/acme/app/Main.kt")).containsExactly(
                    "core/src/main/java/com/acme/core/Service.java", "core/src/main/kotlin/com/acme/text/Format.kt");
            assertThat(graph.dependencies("app/src/main/java/com/acme/app/Bridge.java"))
                    .containsExactly("core/src/main/kotlin/com/acme/text/Format.kt");
        }

        @Test
        void aPackageMustMatchWholeDirectorySegments() {
            file("src/main/java/org/xacme/core/Service.java", "package org.xacme.core;\n\npublic class Service {\n}\n");
            file("App.java", "import acme.core.Service;\nimport com.acme.core.Service;\n\nclass App {\n}\n");

            assertThat(graph().dependencies("App.java")).isEmpty();
        }
    }

    @Test
    void importCyclesAreOrdinaryEdgesAndRankFinitely() {
        file("a.py", "import b\n");
        file("b.py", "import c\n");
        file("c.py", "import a\nimport c\n");

        ImportGraph graph = graph();
        double[] ranks = graph.pageRank();

        assertThat(graph.adjacency()).isEqualTo(Map.of("a.py", java.util.Set.of("b.py"), "b.py", java.util.Set.of("c.py"),
                "c.py", java.util.Set.of("a.py")));
        assertThat(ranks).containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void hostileSpecifiersWithHundredsOfThousandsOfSegmentsAreIgnored() {
        String dotted = "a.".repeat(200_000) + "b";
        file("a/b.py", "def b():\n    return 1\n");
        file("x.py", "import " + dotted + "\nimport a.b\n");
        file("x.rs", "use " + "a::".repeat(200_000) + "b;\n");
        file("a/b.rs", "pub struct B;\n");
        file("X.java", "import " + dotted + ";\n\nclass X {\n}\n");
        file("x.ts", "import y from './" + "../".repeat(200_000) + "a'\n");

        ImportGraph graph = graph();

        assertThat(graph.dependencies("x.py")).containsExactly("a/b.py");
        assertThat(graph.dependencies("x.rs")).isEmpty();
        assertThat(graph.dependencies("X.java")).isEmpty();
        assertThat(graph.dependencies("x.ts")).isEmpty();
        assertThat(graph.edgeCount()).isEqualTo(1);
    }

    @Test
    void aFileImportingOneTargetTensOfThousandsOfTimesHasOneEdge() {
        file("b.ts", "export const b = 1\n");
        file("a.ts", "import { b } from './b'\n".repeat(50_000));

        ImportGraph graph = graph();

        assertThat(graph.dependencies("a.ts")).containsExactly("b.ts");
        assertThat(graph.pageRank()).containsExactly(new double[] {0.075, 0.075 + 0.85 * 0.075}, org.assertj.core.data.Offset.offset(1e-9));
    }
}
