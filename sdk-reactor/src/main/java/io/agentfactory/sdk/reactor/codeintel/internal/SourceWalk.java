package io.agentfactory.sdk.reactor.codeintel.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.error.CodeIndexException;

/**
 * The file walk of the index-free queries (type usages, cross deps), on the calling thread (blocking:
 * run it on a bounded-elastic worker). Same rules as {@link FileDiscovery}: the directories
 * {@code .git node_modules vendor .donmai dist build .next} and every dot-directory are skipped,
 * symbolic links are never followed, only files with an accepted extension are listed. Unlike the
 * index walk nothing is read or hashed here; {@link #readText} reads one file later.
 */
final class SourceWalk {

    /** A file to read: its {@code /}-separated path relative to the root, where it is, and its size. */
    record Candidate(String path, Path file, long size) {
    }

    private SourceWalk() {
    }

    /**
     * The accepted files under {@code root}, sorted by path.
     *
     * @param prefix only paths equal to it or under it ({@code ""}: all), matched on whole segments
     * @throws CodeIndexException when the root is not a directory or the walk fails
     */
    static List<Candidate> files(Path root, Predicate<String> extension, String prefix) {
        Path start = realRoot(root);
        List<Candidate> files = new ArrayList<>();
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(start)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String name = dir.getFileName().toString();
                    if (name.startsWith(".") || FileDiscovery.SKIPPED_DIRECTORIES.contains(name)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    String rel = FileDiscovery.relative(start, dir);
                    // Prune directories that can neither be under the prefix nor lead to it.
                    return prefix.isEmpty() || under(rel, prefix) || prefix.startsWith(rel + "/")
                            ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !attrs.isSymbolicLink() && extension.test(FileDiscovery.extension(file))) {
                        String rel = FileDiscovery.relative(start, file);
                        if (prefix.isEmpty() || under(rel, prefix)) {
                            files.add(new Candidate(rel, file, attrs.size()));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE; // an unreadable entry is left out, as in the reference
                }
            });
        } catch (IOException e) {
            throw new CodeIndexException(root.toString(), "walking the repository failed", e);
        }
        files.sort(Comparator.comparing(Candidate::path));
        return files;
    }

    /** The root, resolved, checked to be a directory. */
    static Path realRoot(Path root) {
        Path start;
        try {
            start = root.toRealPath();
        } catch (IOException e) {
            throw new CodeIndexException(root.toString(), "the repository root does not exist or cannot be read", e);
        }
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            throw new CodeIndexException(root.toString(), "the repository root is not a directory", null);
        }
        return start;
    }

    /** Whether {@code path} is {@code prefix} or below it, on whole segments. */
    static boolean under(String path, String prefix) {
        return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix) && path.charAt(prefix.length()) == '/';
    }

    /**
     * The file's text (malformed UTF-8 replaced, as the reference reads bytes as a string), or
     * {@code null} when it is larger than {@code maxBytes}, has become a symbolic link, or cannot be read.
     */
    static @Nullable String readText(Candidate candidate, long maxBytes) {
        byte[] bytes = readBytes(candidate.file(), candidate.size(), maxBytes);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** At most {@code maxBytes} bytes of {@code file}, opened without following a link; {@code null} when larger or unreadable. */
    static byte @Nullable [] readBytes(Path file, long size, long maxBytes) {
        if (size > maxBytes) {
            return null;
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(size, maxBytes));
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            long total = 0;
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                total += buffer.remaining();
                if (total > maxBytes) {
                    return null; // grew since the walk
                }
                out.write(buffer.array(), 0, buffer.remaining());
                buffer.clear();
            }
            return out.toByteArray();
        } catch (IOException e) {
            return null;
        }
    }
}
