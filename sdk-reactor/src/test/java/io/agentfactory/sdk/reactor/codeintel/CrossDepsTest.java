package io.agentfactory.sdk.reactor.codeintel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.agentfactory.sdk.codeintel.CodeIntel;
import io.agentfactory.sdk.codeintel.CrossDepsQuery;
import io.agentfactory.sdk.codeintel.CrossDepsReport;
import io.agentfactory.sdk.codeintel.MissingDependency;
import io.agentfactory.sdk.codeintel.UnreadablePackageJson;
import io.agentfactory.sdk.error.CodeIndexException;
import io.agentfactory.sdk.error.InvalidArgumentException;

class CrossDepsTest {

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

    private CrossDepsReport check(CrossDepsQuery query) {
        CodeIntel code = ReactorCodeIntel.open(root, CodeIntelOptions.defaults().withPersistence(false));
        return code.validateCrossDeps(query).block(TIMEOUT);
    }

    private CrossDepsReport check() {
        return check(CrossDepsQuery.all());
    }

    /** Packages @org/a (in packages/a) and @org/b (in packages/b). */
    private void twoPackages(String aManifestExtra) throws IOException {
        write("packages/a/package.json", "{\"name\": \"@org/a\"" + aManifestExtra + "}");
        write("packages/b/package.json", "{\"name\": \"@org/b\"}");
        write("packages/b/src/index.ts", "export function helper() { return 42 }\n");
    }

    @Test
    void aDeclaredImportIsValid() throws IOException {
        twoPackages(", \"dependencies\": {\"@org/b\": \"^1.0.0\"}");
        write("packages/a/src/index.ts", "import { helper } from '@org/b'\nexport function doA() { return helper() }\n");
        CrossDepsReport report = check();
        assertThat(report.valid()).isTrue();
        assertThat(report.missingDeps()).isEmpty();
        assertThat(report.packagesChecked()).isEqualTo(2);
        assertThat(report.filesChecked()).isEqualTo(2);
        assertThat(report.unreadable()).isEmpty();
    }

    @Test
    void anUndeclaredScopedImportIsMissing() throws IOException {
        twoPackages("");
        write("packages/a/src/index.ts", "import { helper } from '@org/b/deep/path'\n");
        CrossDepsReport report = check();
        assertThat(report.valid()).isFalse();
        assertThat(report.missingDeps()).containsExactly(
                new MissingDependency("packages/a/package.json", "@org/a", "@org/b", "packages/a/src/index.ts", 1));
    }

    @Test
    void bareNamesAndRequireAreChecked() throws IOException {
        write("app/package.json", "{\"name\": \"app\"}");
        write("utils/package.json", "{\"name\": \"utils\"}");
        write("app/main.js", "const fs = require('fs')\nconst u = require(\"utils/strings\")\n");
        assertThat(check().missingDeps()).containsExactly(new MissingDependency("app/package.json", "app", "utils", "app/main.js", 2));
    }

    @Test
    void devAndPeerDependenciesCountAsDeclared() throws IOException {
        write("packages/a/package.json", "{\"name\": \"@org/a\", \"devDependencies\": {\"@org/b\": \"*\"}, \"peerDependencies\": {\"@org/c\": \"*\"}}");
        write("packages/b/package.json", "{\"name\": \"@org/b\"}");
        write("packages/c/package.json", "{\"name\": \"@org/c\"}");
        write("packages/a/x.ts", "import '@org/b'\nexport * from '@org/c'\n");
        assertThat(check().valid()).isTrue();
    }

    @Test
    void theLongestDirectoryPrefixOwnsAFile() throws IOException {
        twoPackages(", \"dependencies\": {\"@org/b\": \"*\"}");
        write("packages/a/sub/package.json", "{\"name\": \"@org/a-sub\"}");
        write("packages/a/sub/x.ts", "import { helper } from '@org/b'\n");
        write("packages/a/x.ts", "import { helper } from '@org/b'\n");
        write("packages/ab/x.ts", "import { helper } from '@org/b'\n"); // no owner: "packages/a" is no prefix of it
        CrossDepsReport report = check();
        assertThat(report.missingDeps()).containsExactly(
                new MissingDependency("packages/a/sub/package.json", "@org/a-sub", "@org/b", "packages/a/sub/x.ts", 1));
        assertThat(report.packagesChecked()).isEqualTo(3);
        assertThat(report.filesChecked()).isEqualTo(3);
    }

    @Test
    void theRootPackageOwnsFilesNoOtherPackageOwns() throws IOException {
        write("package.json", "{\"name\": \"root\"}");
        twoPackages("");
        write("scripts/build.mjs", "import { helper } from '@org/b'\n");
        assertThat(check().missingDeps()).containsExactly(new MissingDependency("package.json", "root", "@org/b", "scripts/build.mjs", 1));
    }

    @Test
    void commentsTemplateLiteralsAndRequireInStringsAreIgnored() throws IOException {
        twoPackages("");
        write("packages/a/src/index.ts", """
                // import { helper } from '@org/b'
                /*
                import { helper } from '@org/b'
                */
                const docs = `
                import { helper } from '@org/b'
                `
                const s = "require('@org/b')"
                const t = 'see require("@org/b")'
                run() // require('@org/b')
                """);
        CrossDepsReport report = check();
        assertThat(report.valid()).isTrue();
        assertThat(report.filesChecked()).isEqualTo(2);
    }

    @Test
    void oneEntryPerPackageAndImportTheFirstByPathAndLine() throws IOException {
        twoPackages("");
        write("packages/a/src/z.ts", "import { x } from '@org/b'\n");
        write("packages/a/src/file1.ts", "\n\nimport { y } from '@org/b'\nimport { z } from '@org/b'\n");
        write("packages/b/src/uses-a.ts", "import { a } from '@org/a'\n");
        assertThat(check().missingDeps()).extracting(MissingDependency::packageJsonPath, MissingDependency::importedPackage,
                MissingDependency::filePath, MissingDependency::line).containsExactly(
                tuple("packages/a/package.json", "@org/b", "packages/a/src/file1.ts", 3),
                tuple("packages/b/package.json", "@org/a", "packages/b/src/uses-a.ts", 1));
    }

    @Test
    void aPackageImportingItsOwnNameIsNotReported() throws IOException {
        twoPackages("");
        write("packages/a/src/index.ts", "import { self } from '@org/a'\n");
        assertThat(check().valid()).isTrue();
    }

    @Test
    void theTargetPathLimitsTheFilesOnWholeSegments() throws IOException {
        twoPackages("");
        write("packages/bar/package.json", "{\"name\": \"@org/bar\"}");
        write("packages/a/src/index.ts", "import { x } from '@org/b'\n");
        write("packages/b/src/uses-a.ts", "import { y } from '@org/a'\n");
        write("packages/bar/src/uses-a.ts", "import { y } from '@org/a'\n");
        CrossDepsReport report = check(CrossDepsQuery.under("packages/b"));
        assertThat(report.missingDeps()).extracting(MissingDependency::filePath).containsExactly("packages/b/src/uses-a.ts");
        assertThat(report.packagesChecked()).isEqualTo(3);
        assertThat(report.filesChecked()).isEqualTo(2);
    }

    @Test
    void invalidPackageJsonFilesAreListedAndTheRestIsChecked() throws IOException {
        twoPackages("");
        write("packages/broken/package.json", "{\"name\": \"@org/broken\", \"dependencies\": ");
        write("packages/weird/package.json", "{\"name\": [\"@org/weird\"]}");
        write("packages/a/src/index.ts", "import { x } from '@org/b'\nimport { y } from '@org/broken'\n");
        CrossDepsReport report = check();
        assertThat(report.unreadable()).containsExactly(
                new UnreadablePackageJson("packages/broken/package.json", "not valid JSON (line 1, column 41)"),
                new UnreadablePackageJson("packages/weird/package.json", "name is not a string"));
        assertThat(report.missingDeps()).extracting(MissingDependency::importedPackage).containsExactly("@org/b");
        assertThat(report.packagesChecked()).isEqualTo(2);
    }

    @Test
    void dotDirectoriesAndSymlinksAreSkippedForPackagesAndFiles() throws IOException {
        twoPackages("");
        write(".tooling/package.json", "{\"name\": \"tooling\"}");
        write("packages/a/src/index.ts", "import t from 'tooling'\n");
        write("packages/a/.cache/x.ts", "import { x } from '@org/b'\n");
        Files.writeString(outside.resolve("evil.ts"), "import { x } from '@org/b'\n");
        Files.createSymbolicLink(root.resolve("packages/a/src/evil.ts"), outside.resolve("evil.ts"));
        CrossDepsReport report = check();
        assertThat(report.valid()).isTrue();
        assertThat(report.packagesChecked()).isEqualTo(2);
        assertThat(report.filesChecked()).isEqualTo(2);
    }

    @Test
    void badTargetPathsAreRejected() {
        for (String target : List.of("../x", "a/../..", "/abs", "/", "C:\\x", "D:/x")) {
            assertThatThrownBy(() -> CrossDepsQuery.under(target)).isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("targetPath");
        }
        assertThat(CrossDepsQuery.under("packages/web/").targetPath()).isEqualTo("packages/web");
        assertThat(CrossDepsQuery.all().targetPath()).isEmpty();
    }

    @Test
    void aMissingRootIsACodeIndexException() {
        CodeIntel code = ReactorCodeIntel.open(root.resolve("nope"), CodeIntelOptions.defaults().withPersistence(false));
        assertThatThrownBy(() -> code.validateCrossDeps(CrossDepsQuery.all()).block(TIMEOUT))
                .isInstanceOf(CodeIndexException.class);
    }

    @Test
    void theReportIsTheSameEveryTimeAndDeliveredOnAParallelThread() throws IOException {
        twoPackages("");
        for (int i = 0; i < 60; i++) {
            write("packages/a/src/f" + i + ".ts", "\n".repeat(i % 5) + "import { x } from '@org/b'\n");
            write("packages/b/src/g" + i + ".ts", "import { y } from '@org/a'\n");
        }
        CrossDepsReport first = check();
        assertThat(first.missingDeps()).extracting(MissingDependency::filePath, MissingDependency::line).containsExactly(
                tuple("packages/a/src/f0.ts", 1), tuple("packages/b/src/g0.ts", 1));
        assertThat(first.filesChecked()).isEqualTo(121);
        for (int round = 0; round < 3; round++) {
            assertThat(check()).isEqualTo(first);
        }
        CodeIntel code = ReactorCodeIntel.open(root, CodeIntelOptions.defaults().withPersistence(false));
        String thread = code.validateCrossDeps(CrossDepsQuery.all()).map(r -> Thread.currentThread().getName()).block(TIMEOUT);
        assertThat(thread).startsWith("parallel-");
    }

    @Test
    void aTreeWithoutPackagesIsValidAndReadsNoSource() throws IOException {
        write("src/a.ts", "import { x } from '@org/b'\n");
        write("broken/package.json", "nope");
        CrossDepsReport report = check();
        assertThat(report.valid()).isTrue();
        assertThat(report.packagesChecked()).isZero();
        assertThat(report.filesChecked()).isZero();
        assertThat(report.unreadable()).extracting(UnreadablePackageJson::path).containsExactly("broken/package.json");
    }
}
