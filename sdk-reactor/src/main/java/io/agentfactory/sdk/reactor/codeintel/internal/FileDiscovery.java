package io.agentfactory.sdk.reactor.codeintel.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.error.CodeIndexException;

/**
 * Walks a repository the reference's way, on the calling thread (blocking file I/O: run it on a
 * bounded-elastic worker). Skipped: the directories {@code .git node_modules vendor .donmai dist
 * build .next} and every directory whose name starts with a dot; symbolic links (files and
 * directories, never followed); files without an indexable extension; files that cannot be read,
 * are not valid UTF-8, or are larger than the limit. Each file is stamped ({@link FileStamp}) before
 * it is read; a file whose stamp shows it unchanged since the previous walk given is not read at
 * all, its previous git blob id is trusted.
 */
final class FileDiscovery {

    static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "node_modules", "vendor", ".donmai", "dist", "build", ".next");

    /** A file to index: its relative path, text and git blob id. */
    record SourceFile(String path, String text, String gitHash) {
    }

    /**
     * What a walk found.
     *
     * @param files the files read, sorted by path
     * @param trusted the files not read, unchanged since the previous walk: path to their previous git blob id
     * @param skipped files left out (unreadable, too large, not UTF-8)
     * @param stamps the stamps of every file read or trusted, for the next walk
     */
    record Walk(List<SourceFile> files, Map<String, String> trusted, int skipped, Stamps stamps) {
        Walk {
            files = List.copyOf(files);
            trusted = Map.copyOf(trusted);
        }
    }

    /** A file's stamp, taken before it was read, and the git blob id of what was read. */
    record Stamped(FileStamp stamp, String gitHash) {
    }

    /**
     * The stamps of one walk's files by path, and the instant it started (read before the first stat).
     * {@link #NONE}: no previous walk, every file is read.
     */
    record Stamps(Instant start, Map<String, Stamped> files) {
        static final Stamps NONE = new Stamps(Instant.EPOCH, Map.of());

        Stamps {
            files = Map.copyOf(files);
        }
    }

    private FileDiscovery() {
    }

    /**
     * @param root an existing directory
     * @param indexable whether a lowercased extension (with its dot) is indexed
     * @param maxFileBytes larger files are skipped
     * @param previous the previous walk's stamps; a file whose stamp is {@link FileStamp#unchangedSince unchanged}
     *        since then is trusted, not read
     * @param started when this walk starts (taken before any stat), recorded in its stamps
     * @param view which stat fields the stamps hold
     * @throws CodeIndexException when the root is not a directory or the walk itself fails
     */
    static Walk walk(Path root, Predicate<String> indexable, long maxFileBytes, Stamps previous, Instant started,
            FileStamp.View view) {
        Path start;
        try {
            start = root.toRealPath();
        } catch (IOException e) {
            throw new CodeIndexException(root.toString(), "the repository root does not exist or cannot be read", e);
        }
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            throw new CodeIndexException(root.toString(), "the repository root is not a directory", null);
        }
        List<SourceFile> files = new ArrayList<>();
        Map<String, String> trusted = new HashMap<>();
        Map<String, Stamped> stamps = new HashMap<>();
        int[] skipped = {0};
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(start)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String name = dir.getFileName().toString();
                    return name.startsWith(".") || SKIPPED_DIRECTORIES.contains(name) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!attrs.isRegularFile() || attrs.isSymbolicLink() || !indexable.test(extension(file))) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.size() > maxFileBytes) {
                        skipped[0]++;
                        return FileVisitResult.CONTINUE;
                    }
                    String path = relative(start, file);
                    @Nullable FileStamp stamp = FileStamp.of(file, attrs, view);
                    @Nullable Stamped before = stamp == null ? null : previous.files().get(path);
                    if (before != null && stamp.size() <= maxFileBytes && stamp.unchangedSince(before.stamp(), previous.start())) {
                        trusted.put(path, before.gitHash());
                        stamps.put(path, before);
                        return FileVisitResult.CONTINUE;
                    }
                    @Nullable SourceFile source = read(path, file);
                    if (source == null) {
                        skipped[0]++;
                    } else {
                        files.add(source);
                        if (stamp != null) {
                            stamps.put(path, new Stamped(stamp, source.gitHash()));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    if (indexable.test(extension(file))) {
                        skipped[0]++;
                    }
                    return FileVisitResult.CONTINUE; // an unreadable entry is left out, as in the reference
                }
            });
        } catch (IOException e) {
            throw new CodeIndexException(root.toString(), "walking the repository failed", e);
        }
        files.sort(Comparator.comparing(SourceFile::path));
        return new Walk(files, trusted, skipped[0], new Stamps(started, stamps));
    }

    private static @Nullable SourceFile read(String path, Path file) {
        byte[] bytes;
        String text;
        try {
            bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
        return new SourceFile(path, text, GitBlobHash.of(bytes));
    }

    static String relative(Path root, Path file) {
        StringBuilder out = new StringBuilder();
        for (Path part : root.relativize(file)) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    }
}
