package io.agentfactory.sdk.reactor.config;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file a write really replaces and the lock file that guards it. A {@code daemon.yaml} that
 * is a symbolic link (dotfile managers do this) is written through: the link is followed, chains
 * and relative targets included, even when the final target does not exist yet, and the link is
 * left in place. The lock file sits beside the real file, so every path leading to it shares one
 * lock.
 *
 * @param file the file to replace (no symbolic link; its directory may still be missing)
 * @param lockFile {@code <file>.lock}
 */
record ConfigTarget(Path file, Path lockFile) {

    /** The most links followed before giving up, as Linux's {@code MAXSYMLINKS}. */
    static final int MAX_LINKS = 40;

    /**
     * Follows {@code path} to the file it names.
     *
     * @throws FileSystemException when more than {@value #MAX_LINKS} links are chained (a loop)
     */
    static ConfigTarget of(Path path) throws IOException {
        Path file = path.toAbsolutePath();
        for (int links = 0; Files.isSymbolicLink(file); links++) {
            if (links == MAX_LINKS) {
                throw new FileSystemException(path.toString(), null,
                        "more than " + MAX_LINKS + " symbolic links to follow (a loop?)");
            }
            // Resolved against the link's real directory, as the OS does, so "../x" means what it says.
            Path directory = file.getParent();
            if (Files.isDirectory(directory)) {
                directory = directory.toRealPath();
            }
            file = directory.resolve(Files.readSymbolicLink(file));
        }
        return new ConfigTarget(file, file.resolveSibling(file.getFileName() + ".lock"));
    }
}
