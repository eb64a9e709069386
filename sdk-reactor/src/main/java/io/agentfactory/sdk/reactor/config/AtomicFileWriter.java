package io.agentfactory.sdk.reactor.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Pattern;

/**
 * Replaces a file's content atomically: a uniquely named temporary file in the same directory
 * ({@code .<name>.<random>.tmp}, 0600), written, flushed and synced to disk, then, if the target
 * is still what the caller read, renamed over it, then the directory synced so the rename itself
 * survives a crash. On any failure the target is untouched and the temporary file is deleted.
 */
final class AtomicFileWriter {

    /** The digits {@link Files#createTempFile} puts between prefix and suffix. */
    private static final Pattern TEMPORARY_NAME = Pattern.compile("\\.(.+)\\.[0-9]+\\.tmp");

    /** Thrown by {@link #replace} when the target changed after the caller read it: nothing was replaced. */
    static final class TargetChanged extends IOException {

        private static final long serialVersionUID = 1L;

        TargetChanged(Path target) {
            super(target + " changed while it was being updated");
        }
    }

    /** What the caller read, to compare with the target just before the rename. */
    @FunctionalInterface
    interface Expected {

        /** Whether {@code target} is still what the caller read. */
        boolean matches(Path target) throws IOException;
    }

    /** A step run between the synced temporary file and the rename: the package's fault-injection seam. */
    @FunctionalInterface
    interface BeforeRename {

        /** No step. */
        BeforeRename NONE = temporary -> {
        };

        void run(Path temporary) throws IOException;
    }

    private final BeforeRename beforeRename;

    AtomicFileWriter(BeforeRename beforeRename) {
        this.beforeRename = beforeRename;
    }

    /**
     * Replaces {@code target} (not a symbolic link; its directory exists) with {@code content},
     * provided it is still {@code expected} just before the rename.
     *
     * @throws TargetChanged when it is not (a writer that does not take the lock replaced or edited it)
     */
    void replace(Path target, byte[] content, Expected expected) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp",
                OwnerOnly.fileAttributes(target));
        try {
            OwnerOnly.restrictFile(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            beforeRename.run(temporary);
            if (!expected.matches(target)) {
                throw new TargetChanged(target);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (Throwable failure) {
            try {
                Files.deleteIfExists(temporary);
            }
            catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        syncDirectory(directory);
    }

    /**
     * Deletes the temporary files of writers of {@code target} that died before their rename
     * ({@code .<name>.<digits>.tmp}, regular files only). Call it holding the target's lock: every
     * writer creates its temporary file under that lock, so any such file left is stale.
     *
     * @return how many were deleted
     */
    static int sweepStaleTemporaries(Path target) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        String name = target.getFileName().toString();
        int deleted = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "." + globEscaped(name) + ".*.tmp")) {
            for (Path entry : entries) {
                var matcher = TEMPORARY_NAME.matcher(entry.getFileName().toString());
                if (matcher.matches() && matcher.group(1).equals(name)
                        && Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile()
                        && Files.deleteIfExists(entry)) {
                    deleted++;
                }
            }
        }
        catch (NoSuchFileException e) {
            return deleted;
        }
        return deleted;
    }

    private static String globEscaped(String name) {
        return name.replaceAll("[\\\\*?\\[\\]{}]", "\\\\$0");
    }

    /** Makes the rename durable; not every platform can open a directory (Windows), which is fine. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
        catch (IOException e) {
            // the rename is done; durability of the directory entry is best effort
        }
    }
}
