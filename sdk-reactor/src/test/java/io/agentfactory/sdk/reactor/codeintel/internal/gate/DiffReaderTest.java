package io.agentfactory.sdk.reactor.codeintel.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.codeintel.ChangeKind;
import io.agentfactory.sdk.codeintel.ChangedFile;
import io.agentfactory.sdk.codeintel.DiffLimits;
import io.agentfactory.sdk.error.DiffTooLargeException;
import io.agentfactory.sdk.error.MalformedDiffException;

/** The unified-diff reader and the line splitter on real and hostile diffs. */
class DiffReaderTest {

    private static DiffReader.Reading read(String diff) {
        return read(diff, DiffLimits.DEFAULTS);
    }

    private static DiffReader.Reading read(String diff, DiffLimits limits) {
        DiffLineSplitter splitter = new DiffLineSplitter(limits);
        DiffReader reader = new DiffReader(limits);
        splitter.feed(diff.getBytes(StandardCharsets.UTF_8)).forEach(reader::accept);
        splitter.finish().forEach(reader::accept);
        return reader.finish();
    }

    @Test
    void splitsSectionsByTheirHeaderAndKeysThemByThePostImagePath() {
        DiffReader.Reading r = read("""
                diff --git a/src/auth/login.ts b/src/auth/login.ts
                index 111..222 100644
                --- a/src/auth/login.ts
                +++ b/src/auth/login.ts
                @@ -1,2 +1,3 @@
                 const x = 1
                +const y = 2
                 const z = 3
                diff --git a/src/db/schema.ts b/src/db/schema.ts
                index 333..444 100644
                --- a/src/db/schema.ts
                +++ b/src/db/schema.ts
                @@ -1 +1,2 @@
                -old
                +export interface User {}
                +export interface Team {}
                """);

        assertThat(r.files()).containsExactly(
                new ChangedFile("src/auth/login.ts", "src/auth/login.ts", ChangeKind.MODIFIED, false, false, 1, 0),
                new ChangedFile("src/db/schema.ts", "src/db/schema.ts", ChangeKind.MODIFIED, false, false, 2, 1));
        assertThat(r.conventionExamples().get(2)).containsExactly("src/db/schema.ts");
        assertThat(read("").files()).isEmpty();
    }

    @Test
    void headerPathsAsTheReferencePinsThemAndPathsWithSpacesOrQuotes() {
        assertThat(DiffReader.headerPaths("a/src/auth/login.ts b/src/auth/login.ts")).containsExactly("src/auth/login.ts", "src/auth/login.ts");
        assertThat(DiffReader.headerPaths("a/old/name.go b/new/name.go")).containsExactly("old/name.go", "new/name.go");
        assertThat(DiffReader.headerPaths("a/x b/x")).containsExactly("x", "x");
        assertThat(DiffReader.headerPaths("a/my dir/a b.txt b/my dir/a b.txt")).containsExactly("my dir/a b.txt", "my dir/a b.txt");
        assertThat(DiffReader.headerPaths("\"a/caf\\303\\251.txt\" \"b/caf\\303\\251.txt\""))
                .containsExactly("caf\u00e9.txt", "caf\u00e9.txt");
        assertThat(DiffReader.headerPaths("a/t\"q b/t\"q")).containsExactly("t\"q", "t\"q");
    }

    @Test
    void fileHeaderLinesAreNotAddedLinesButAnAddedLineStartingWithPlusPlusIs() {
        // The reference counted "+++ b/…" as an added line; a hunk of "+++ x" content is one.
        DiffReader.Reading r = read("""
                diff --git a/describe(x b/describe(x
                --- a/describe(x
                +++ b/describe(x
                @@ -1 +1,2 @@
                -a
                +++ it(
                + plain
                """);

        assertThat(r.files().get(0).additions()).isEqualTo(2);
        assertThat(r.files().get(0).deletions()).isEqualTo(1);
        assertThat(r.files().get(0).path()).isEqualTo("describe(x");
        assertThat(r.conventionExamples().get(4)).containsExactly("describe(x");
    }

    @Test
    void newDeletedRenamedCopiedModeAndBinarySections() {
        DiffReader.Reading r = read("""
                diff --git a/new.txt b/new.txt
                new file mode 100644
                index 0000000..e69de29
                --- /dev/null
                +++ b/new.txt
                @@ -0,0 +1 @@
                +hello
                \\ No newline at end of file
                diff --git a/gone.txt b/gone.txt
                deleted file mode 100644
                index e69de29..0000000
                --- a/gone.txt
                +++ /dev/null
                @@ -1 +0,0 @@
                -bye
                diff --git a/old name.txt b/new name.txt
                similarity index 100%
                rename from old name.txt
                rename to new name.txt
                diff --git a/a.txt b/c.txt
                similarity index 90%
                copy from a.txt
                copy to c.txt
                diff --git a/run.sh b/run.sh
                old mode 100644
                new mode 100755
                diff --git a/logo.png b/logo.png
                index 1111111..2222222 100644
                GIT binary patch
                literal 5
                McmZQzWMXFE000310RR91

                literal 0
                KcmV+b0RR6000031

                diff --git a/img.gif b/img.gif
                new file mode 100644
                Binary files /dev/null and b/img.gif differ
                """);

        assertThat(r.files()).containsExactly(
                new ChangedFile("new.txt", "new.txt", ChangeKind.ADDED, false, false, 1, 0),
                new ChangedFile("gone.txt", "gone.txt", ChangeKind.DELETED, false, false, 0, 1),
                new ChangedFile("new name.txt", "old name.txt", ChangeKind.RENAMED, false, false, 0, 0),
                new ChangedFile("c.txt", "a.txt", ChangeKind.COPIED, false, false, 0, 0),
                new ChangedFile("run.sh", "run.sh", ChangeKind.MODIFIED, false, true, 0, 0),
                new ChangedFile("logo.png", "logo.png", ChangeKind.MODIFIED, true, false, 0, 0),
                new ChangedFile("img.gif", "img.gif", ChangeKind.ADDED, true, false, 0, 0));
    }

    @Test
    void crlfDiffsReadAsLfOnes() {
        String lf = "diff --git a/x.ts b/x.ts\n--- a/x.ts\n+++ b/x.ts\n@@ -1 +1,2 @@\n ctx\n+interface Foo {\n";
        DiffReader.Reading crlf = read(lf.replace("\n", "\r\n"));

        assertThat(crlf).isEqualTo(read(lf));
        assertThat(crlf.files().get(0).additions()).isEqualTo(1);
        assertThat(crlf.conventionExamples().get(2)).containsExactly("x.ts");
    }

    @Test
    void aMalformedHunkHeaderIsATypedErrorNamingTheLine() {
        assertThatThrownBy(() -> read("diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ garbage @@\n+a\n"))
                .isInstanceOf(MalformedDiffException.class).hasMessage("diff line 4: not a hunk header (expected @@ -a,b +c,d @@)")
                .satisfies(e -> assertThat(((MalformedDiffException) e).line()).isEqualTo(4));
        assertThatThrownBy(() -> read("diff --git a/x b/x\n@@ -1,99999999999 +1 @@\n"))
                .isInstanceOf(MalformedDiffException.class);
    }

    @Test
    void linesBeforeTheFirstSectionAndAfterTheLastHunkAreNotContent() {
        DiffReader.Reading r = read("""
                From 1234 Mon Sep 17 00:00:00 2001
                Subject: [PATCH] interface Foo {
                +describe(
                ---
                diff --git a/x b/x
                --- a/x
                +++ b/x
                @@ -1 +1 @@
                -a
                +b
                --\u0020
                2.43.0
                +trailing
                """);

        assertThat(r.files()).containsExactly(new ChangedFile("x", "x", ChangeKind.MODIFIED, false, false, 1, 1));
        assertThat(r.conventionExamples()).allSatisfy(e -> assertThat(e).isEmpty());
    }

    @Test
    void aHunkCutShortByTheNextSectionEndsThere() {
        // The reference's fixtures carry hunk headers with more lines than follow.
        DiffReader.Reading r = read("diff --git a/a b/a\n@@ -1 +1,5 @@\n+x\ndiff --git a/b b/b\n@@ -1 +1,2 @@\n+y\n");

        assertThat(r.files()).extracting(ChangedFile::path, ChangedFile::additions)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 1), org.assertj.core.groups.Tuple.tuple("b", 1));
    }

    @Test
    void aDiffOverTheByteLimitIsATypedErrorWhileReading() {
        DiffLimits limits = new DiffLimits(1000, 100, 10);
        DiffLineSplitter splitter = new DiffLineSplitter(limits);
        byte[] chunk = "+xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n".getBytes(StandardCharsets.UTF_8);
        int fed = 0;
        try {
            for (int i = 0; i < 1000; i++) {
                splitter.feed(chunk);
                fed++;
            }
        }
        catch (DiffTooLargeException e) {
            assertThat(e.limit()).isEqualTo(1000);
            assertThat(e).hasMessage("diff exceeds the limit of 1000 bytes");
        }
        assertThat(fed).isEqualTo(20);
        DiffReader reader = new DiffReader(limits);
        assertThatThrownBy(() -> {
            for (int i = 0; i < 1000; i++) {
                reader.accept("+" + "y".repeat(49));
            }
        }).isInstanceOf(DiffTooLargeException.class);
    }

    @Test
    void moreSectionsThanTheFileLimitIsATypedError() {
        StringBuilder diff = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            diff.append("diff --git a/f").append(i).append(" b/f").append(i).append('\n');
        }
        assertThat(read(diff.toString(), new DiffLimits(1 << 20, 100, 4)).files()).hasSize(4);
        assertThatThrownBy(() -> read(diff.toString(), new DiffLimits(1 << 20, 100, 3)))
                .isInstanceOf(DiffTooLargeException.class).hasMessage("diff exceeds the limit of 3 files");
    }

    @Test
    void aHugeSingleLineIsCutToTheLineLimitInBoundedMemory() {
        DiffLimits limits = new DiffLimits(64L << 20, 64, 10);
        DiffLineSplitter splitter = new DiffLineSplitter(limits);
        List<String> lines = new ArrayList<>(splitter.feed("diff --git a/x b/x\n@@ -0,0 +1,2 @@\n+".getBytes(StandardCharsets.UTF_8)));
        byte[] mb = "a".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 40; i++) {
            lines.addAll(splitter.feed(mb));
        }
        lines.addAll(splitter.feed(" Result<A, B>\n+interface Foo {".getBytes(StandardCharsets.UTF_8)));
        lines.addAll(splitter.finish());

        assertThat(lines).hasSize(4);
        assertThat(lines.get(2)).hasSize(64).startsWith("+aaa");
        assertThat(lines.get(3)).isEqualTo("+interface Foo {");
        DiffReader reader = new DiffReader(limits);
        lines.forEach(reader::accept);
        DiffReader.Reading r = reader.finish();
        // The Result<…> past the cut is not matched; the next line is.
        assertThat(r.conventionExamples().get(0)).isEmpty();
        assertThat(r.conventionExamples().get(2)).containsExactly("x");
        assertThat(r.files().get(0).additions()).isEqualTo(2);
    }

    @Test
    void utf8SplitAcrossChunksDecodesWhole() {
        DiffLineSplitter splitter = new DiffLineSplitter(DiffLimits.DEFAULTS);
        byte[] bytes = "+caf\u00e9\n".getBytes(StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(splitter.feed(bytes, 0, 4));
        lines.addAll(splitter.feed(bytes, 4, 1));
        lines.addAll(splitter.feed(bytes, 5, bytes.length - 5));
        lines.addAll(splitter.finish());

        assertThat(lines).containsExactly("+caf\u00e9");
        assertThat(splitter.bytes()).isEqualTo(bytes.length);
    }
}
