package io.agentfactory.sdk.reactor.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file's content atomically: a uniquely named temporary file in the same directory
 * ({@code .<name>.<random>.tmp}, 0600), written, flushed and synced to disk, then renamed over
 * the target, then the directory synced so the rename itself survives a crash. On any failure
 * the target is untouched and the temporary file is deleted.
 */
final class AtomicFileWriter {

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

    /** Replaces {@code target} (not a symbolic link; its directory exists) with {@code content}. */
    void replace(Path target, byte[] content) throws IOException {
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
