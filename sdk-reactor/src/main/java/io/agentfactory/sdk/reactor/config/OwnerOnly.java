package io.agentfactory.sdk.reactor.config;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Owner-only permissions for what the SDK creates beside {@code daemon.yaml}: directories 0700,
 * files 0600, set exactly (not left to the umask). On file systems without POSIX permissions
 * (Windows) nothing is set. Existing directories keep their mode.
 */
final class OwnerOnly {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {
    }

    /** Creation attributes for a 0600 file (none without POSIX permissions). */
    static FileAttribute<?>[] fileAttributes(Path file) {
        return posix(file) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
    }

    /** Sets a file's mode to exactly 0600. */
    static void restrictFile(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /** Creates {@code directory} and its missing parents, each 0700. */
    static void createDirectories(Path directory) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = directory.toAbsolutePath(); p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path next = missing.pop();
            try {
                if (posix(next)) {
                    Files.createDirectory(next, PosixFilePermissions.asFileAttribute(DIRECTORY));
                    Files.setPosixFilePermissions(next, DIRECTORY);
                }
                else {
                    Files.createDirectory(next);
                }
            }
            catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(next)) {
                    throw e;
                }
                // created concurrently by another writer: fine
            }
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
