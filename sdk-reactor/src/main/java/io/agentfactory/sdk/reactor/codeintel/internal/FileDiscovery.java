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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.error.CodeIndexException;

/**
 * Walks a repository the reference's way, on the calling thread (blocking file I/O: run it on a
 * bounded-elastic worker). Skipped: the directories {@code .git node_modules vendor .donmai dist
 * build .next} and every directory whose name starts with a dot; symbolic links (files and
 * directories, never followed); files without an indexable extension; files that cannot be read,
 * are not valid UTF-8, or are larger than the limit.
 */
final class FileDiscovery {

    static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "node_modules", "vendor", ".donmai", "dist", "build", ".next");

    /** A file to index: its relative path, text and git blob id. */
    record SourceFile(String path, String text, String gitHash) {
    }

    /** What a walk found. */
    record Walk(List<SourceFile> files, int skipped) {
    }

    private FileDiscovery() {
    }

    /**
     * @param root an existing directory
     * @param indexable whether a lowercased extension (with its dot) is indexed
     * @param maxFileBytes larger files are skipped
     * @throws CodeIndexException when the root is not a directory or the walk itself fails
     */
    static Walk walk(Path root, Predicate<String> indexable, long maxFileBytes) {
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
                    @Nullable SourceFile source = attrs.size() > maxFileBytes ? null : read(start, file);
                    if (source == null) {
                        skipped[0]++;
                    } else {
                        files.add(source);
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
        return new Walk(List.copyOf(files), skipped[0]);
    }

    private static @Nullable SourceFile read(Path root, Path file) {
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
        return new SourceFile(relative(root, file), text, GitBlobHash.of(bytes));
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
