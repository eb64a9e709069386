package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.agentfactory.sdk.codeintel.RefreshResult;

/**
 * The stat skip of a warm refresh, on real files: unchanged files are trusted without being read
 * ({@link FileDiscovery.Walk#files()} holds exactly the files whose bytes were read), and every kind
 * of change a stat can show is re-read: size, mtime, ctime (an edit with the mtime set back), inode
 * (a replaced file), and a file written within {@link FileStamp#RACY_MARGIN} of the previous walk.
 * Where a walk's start is dated later than now, that stands for "the files were last written more
 * than the margin before the walk", which a test cannot wait for.
 */
class StatSkipTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final long MAX = 1 << 20;
    private static final Set<String> GO = Set.of(".go");

    @TempDir
    Path root;

    private FileTime hourAgo;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(root.resolve("pkg"));
        write("a.go", "package a\n\nfunc Alpha() int { return 1 }\n");
        write("pkg/b.go", "package b\n\nfunc Beta() int { return 2 }\n");
        write("pkg/c.go", "package c\n\nfunc Gamma() int { return 3 }\n");
        hourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
    }

    private void write(String path, String text) throws IOException {
        Files.writeString(root.resolve(path), text, StandardCharsets.UTF_8);
    }

    private void ageAll() throws IOException {
        for (String path : List.of("a.go", "pkg/b.go", "pkg/c.go")) {
            Files.setLastModifiedTime(root.resolve(path), hourAgo);
        }
    }

    private FileDiscovery.Walk walk(FileDiscovery.Stamps previous, Instant start, FileStamp.View view) {
        return FileDiscovery.walk(root, GO::contains, MAX, previous, start, view);
    }

    private static List<String> read(FileDiscovery.Walk walk) {
        return walk.files().stream().map(FileDiscovery.SourceFile::path).toList();
    }

    private static Map<String, String> hashes(FileDiscovery.Walk walk) {
        Map<String, String> out = new TreeMap<>(walk.trusted());
        walk.files().forEach(f -> out.put(f.path(), f.gitHash()));
        return out;
    }

    private static String blob(String text) {
        return GitBlobHash.of(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Instant later() {
        return Instant.now().plus(Duration.ofMinutes(1));
    }

    @ParameterizedTest
    @EnumSource(FileStamp.View.class)
    void unchangedFilesAreTrustedWithoutBeingRead(FileStamp.View view) {
        FileDiscovery.Walk first = walk(FileDiscovery.Stamps.NONE, later(), view);
        assertThat(read(first)).containsExactly("a.go", "pkg/b.go", "pkg/c.go");
        assertThat(first.trusted()).isEmpty();
        assertThat(first.stamps().files()).containsOnlyKeys("a.go", "pkg/b.go", "pkg/c.go");

        FileDiscovery.Walk second = walk(first.stamps(), later(), view);
        assertThat(read(second)).isEmpty();
        assertThat(second.trusted()).isEqualTo(hashes(first));
        assertThat(second.stamps().files()).isEqualTo(first.stamps().files());

        FileDiscovery.Walk third = walk(second.stamps(), later(), view);
        assertThat(read(third)).isEmpty();
        assertThat(hashes(third)).isEqualTo(hashes(first));
    }

    @ParameterizedTest
    @EnumSource(FileStamp.View.class)
    void filesWrittenWithinTheMarginOfThePreviousWalkAreReadAgain(FileStamp.View view) {
        FileDiscovery.Walk first = walk(FileDiscovery.Stamps.NONE, Instant.now(), view);
        FileDiscovery.Walk second = walk(first.stamps(), Instant.now(), view);
        assertThat(read(second)).containsExactly("a.go", "pkg/b.go", "pkg/c.go");
        assertThat(second.trusted()).isEmpty();
    }

    @Test
    void anEditInTheSameSecondAsThePreviousWalkIsSeenEvenWithoutCtime() throws IOException {
        // BASIC: no ctime. The edit keeps the size and the mtime the previous walk stamped, as a file
        // system with one-second timestamps records an edit made in the same second: only the racy rule sees it.
        Path a = root.resolve("a.go");
        FileDiscovery.Walk first = walk(FileDiscovery.Stamps.NONE, Instant.now(), FileStamp.View.BASIC);
        FileTime stamped = first.stamps().files().get("a.go").stamp().modified();
        String edited = "package a\n\nfunc Alpha() int { return 9 }\n";
        write("a.go", edited);
        Files.setLastModifiedTime(a, stamped);
        assertThat(Files.size(a)).isEqualTo(first.stamps().files().get("a.go").stamp().size());

        FileDiscovery.Walk second = walk(first.stamps(), Instant.now(), FileStamp.View.BASIC);
        assertThat(read(second)).contains("a.go");
        assertThat(hashes(second)).containsEntry("a.go", blob(edited));
    }

    @Test
    void withoutCtimeAnOldFileEditedWithItsMtimeSetBackIsTrustedUntilReopened() throws IOException {
        // The documented limit of BASIC (file systems without the unix view): size, mtime and inode
        // unchanged and old, so a warm walk trusts it; a walk without previous stamps (a reopen) reads it.
        ageAll();
        FileDiscovery.Walk first = walk(FileDiscovery.Stamps.NONE, Instant.now(), FileStamp.View.BASIC);
        String edited = "package a\n\nfunc Alpha() int { return 9 }\n";
        write("a.go", edited);
        Files.setLastModifiedTime(root.resolve("a.go"), hourAgo);

        FileDiscovery.Walk warm = walk(first.stamps(), Instant.now(), FileStamp.View.BASIC);
        assertThat(read(warm)).isEmpty();
        assertThat(hashes(warm)).containsEntry("a.go", blob("package a\n\nfunc Alpha() int { return 1 }\n"));
        FileDiscovery.Walk reopened = walk(FileDiscovery.Stamps.NONE, Instant.now(), FileStamp.View.BASIC);
        assertThat(hashes(reopened)).containsEntry("a.go", blob(edited));
    }

    @Test
    void anEditKeepingSizeAndMtimeIsSeenThroughTheCtime() throws IOException {
        assumeTrue(FileStamp.viewOf(root) == FileStamp.View.UNIX, "the file system has no unix view (no ctime)");
        ageAll();
        Path a = root.resolve("a.go");
        FileDiscovery.Walk first = walk(FileDiscovery.Stamps.NONE, later(), FileStamp.View.UNIX);
        FileStamp before = first.stamps().files().get("a.go").stamp();
        String edited = "package a\n\nfunc Alpha() int { return 9 }\n";
        write("a.go", edited);
        Files.setLastModifiedTime(a, hourAgo);
        assertThat(Files.size(a)).isEqualTo(before.size());
        assertThat(Files.getLastModifiedTime(a, LinkOption.NOFOLLOW_LINKS)).isEqualTo(before.modified());
        assertThat(Files.readAttributes(a, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .fileKey()).isEqualTo(before.fileKey());

        // the previous walk is dated a minute ahead, so only the changed ctime can make it read a.go
        FileDiscovery.Walk second = walk(first.stamps(), later(), FileStamp.View.UNIX);
        assertThat(read(second)).containsExactly("a.go");
        assertThat(hashes(second)).containsEntry("a.go", blob(edited));
        assertThat(second.trusted()).containsOnlyKeys("pkg/b.go", "pkg/c.go");
    }

    @ParameterizedTest
    @EnumSource(FileStamp.View.class)
    void aReplacedFileWithTheSameSizeAndMtimeIsSeenThroughItsInode(FileStamp.View view) throws IOException {
        ageAll();
        Path a = root.resolve("a.go");
        FileDiscovery.Walk first = walk(FileDiscovery.Stamps.NONE, later(), view);
        Object key = first.stamps().files().get("a.go").stamp().fileKey();
        String edited = "package a\n\nfunc Alpha() int { return 9 }\n";
        Path replacement = root.resolve("a.go.new");
        Files.writeString(replacement, edited, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(replacement, hourAgo);
        Files.move(replacement, a, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.readAttributes(a, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .fileKey()).isNotEqualTo(key);

        FileDiscovery.Walk second = walk(first.stamps(), later(), view);
        assertThat(read(second)).containsExactly("a.go");
        assertThat(hashes(second)).containsEntry("a.go", blob(edited));
    }

    @ParameterizedTest
    @EnumSource(FileStamp.View.class)
    void aDeletedThenAddedFileAndAGrownFileAreRead(FileStamp.View view) throws IOException {
        ageAll();
        FileDiscovery.Walk first = walk(FileDiscovery.Stamps.NONE, later(), view);
        Files.delete(root.resolve("pkg/b.go"));
        Files.writeString(root.resolve("pkg/c.go"), "\n// grown\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Files.setLastModifiedTime(root.resolve("pkg/c.go"), hourAgo);
        write("pkg/d.go", "package d\n");
        FileDiscovery.Walk second = walk(first.stamps(), later(), view);
        assertThat(read(second)).containsExactly("pkg/c.go", "pkg/d.go");
        assertThat(second.trusted()).containsOnlyKeys("a.go");
        assertThat(second.stamps().files()).containsOnlyKeys("a.go", "pkg/c.go", "pkg/d.go");
    }

    @Test
    void theRacyRuleComparesMtimeAndCtimeWithThePreviousWalksStartLessTheMargin() {
        Instant start = Instant.parse("2026-12-03T12:00:00Z");
        FileTime old = FileTime.from(start.minusSeconds(3));
        FileTime edge = FileTime.from(start.minus(FileStamp.RACY_MARGIN));
        FileStamp stamp = new FileStamp(10, old, "k", old);
        assertThat(stamp.unchangedSince(stamp, start)).isTrue();
        assertThat(new FileStamp(10, edge, "k", old).unchangedSince(new FileStamp(10, edge, "k", old), start)).isFalse();
        assertThat(new FileStamp(10, old, "k", edge).unchangedSince(new FileStamp(10, old, "k", edge), start)).isFalse();
        assertThat(stamp.unchangedSince(new FileStamp(11, old, "k", old), start)).isFalse();
        assertThat(stamp.unchangedSince(new FileStamp(10, old, "other", old), start)).isFalse();
        assertThat(stamp.unchangedSince(new FileStamp(10, FileTime.from(start.minusSeconds(4)), "k", old), start)).isFalse();
        assertThat(stamp.unchangedSince(new FileStamp(10, old, "k", FileTime.from(start.minusSeconds(4))), start)).isFalse();
    }

    @Test
    void aWarmRefreshExtractsTheEditedFileAndKeepsTheOthersUnreadAndAReopenHashesEverything() throws Exception {
        ageAll();
        PersistedIndexTest.CountingExtractor counting = new PersistedIndexTest.CountingExtractor();
        IndexStore store = new IndexStore(root, Duration.ofSeconds(10));
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1));
        // BASIC, so that an edit with the mtime set back is invisible to the warm instance (no ctime):
        // what it keeps shows it did not read the file; the reopen shows a new instance reads everything.
        CodeIndexer warm = new CodeIndexer(root, List.of(counting), MAX, ahead, FileStamp.View.BASIC);
        CodeIndexer.Build cold = warm.initial(store).block(TIMEOUT);
        assertThat(cold.result().extracted()).isEqualTo(3);

        Files.writeString(root.resolve("pkg/b.go"), "\nfunc Delta() int { return 4 }\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        String forged = "package a\n\nfunc Alpha() int { return 9 }\n";
        write("a.go", forged);
        Files.setLastModifiedTime(root.resolve("a.go"), hourAgo);
        RefreshResult refreshed = warm.refresh(cold, store).block(TIMEOUT).result();
        assertThat(refreshed.modified()).isEqualTo(1);
        assertThat(refreshed.extracted()).isEqualTo(1);
        assertThat(refreshed.unchanged()).isEqualTo(2);
        assertThat(refreshed.saved()).isTrue();
        assertThat(counting.calls).hasValue(4);
        IndexJson.Loaded persisted = store.load().orElseThrow();
        assertThat(persisted.entries().get("a.go").file().gitHash()).isEqualTo(cold.index().entriesByPath().get("a.go").file().gitHash());
        assertThat(persisted.entries().get("pkg/b.go").file().symbols()).extracting(s -> s.name()).contains("Delta");
        // unchanged entries keep their lastIndexed (the extraction time, by the instance's clock); the edited one is new
        Map<String, FileEntry> before = cold.index().entriesByPath();
        assertThat(persisted.entries().get("a.go").lastIndexed()).isEqualTo(before.get("a.go").lastIndexed()).isPositive();
        assertThat(persisted.entries().get("pkg/c.go").lastIndexed()).isEqualTo(before.get("pkg/c.go").lastIndexed());
        assertThat(persisted.entries().get("pkg/b.go").lastIndexed()).isGreaterThanOrEqualTo(before.get("pkg/b.go").lastIndexed());

        PersistedIndexTest.CountingExtractor again = new PersistedIndexTest.CountingExtractor();
        CodeIndexer.Build reopened = new CodeIndexer(root, List.of(again), MAX, ahead, FileStamp.View.BASIC).initial(store)
                .block(TIMEOUT);
        assertThat(reopened.result().modified()).isEqualTo(1);
        assertThat(again.calls).hasValue(1);
        assertThat(reopened.index().entriesByPath().get("a.go").file().gitHash()).isEqualTo(blob(forged));
    }
}
