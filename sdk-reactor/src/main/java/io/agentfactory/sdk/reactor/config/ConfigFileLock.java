package io.agentfactory.sdk.reactor.config;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The exclusive right to read-modify-write one config file, across threads and processes: an
 * in-process lock per lock file (a JVM may hold only one {@link FileLock} per file, a second
 * attempt throws {@code OverlappingFileLockException} instead of waiting) and then an OS lock
 * ({@code fcntl}/{@code LockFileEx} through {@link FileChannel#lock()}) on the lock file beside it.
 *
 * <p>Waiting is unbounded and interruptible. The OS drops the lock when its process dies, so a
 * crashed writer never leaves it held. The lock file is created 0600 and never deleted: deleting
 * it would let a waiter lock an unlinked file while a newcomer locks a fresh one. It is opened
 * without following a symbolic link ({@code O_NOFOLLOW}): a link planted at its name is refused,
 * never followed to create or lock a file elsewhere.
 */
final class ConfigFileLock implements AutoCloseable {

    private static final ConcurrentHashMap<Path, InProcess> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path key;
    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock osLock;

    private ConfigFileLock(Path key, ReentrantLock local, FileChannel channel, FileLock osLock) {
        this.key = key;
        this.local = local;
        this.channel = channel;
        this.osLock = osLock;
    }

    /**
     * Waits for and takes the lock on {@code lockFile} (created when missing; its directory exists).
     *
     * @throws IllegalStateException when this thread already holds it (an update nested in an
     *         update of the same file would otherwise deadlock)
     * @throws InterruptedIOException when interrupted while waiting
     * @throws FileSystemException when {@code lockFile} is a symbolic link (nothing is created or locked)
     */
    static ConfigFileLock acquire(Path lockFile) throws IOException {
        FileChannel channel = open(lockFile);
        try {
            // The real path, so that two spellings of one file share the in-process lock.
            Path key = lockFile.toRealPath();
            ReentrantLock local = IN_PROCESS.compute(key, (k, held) -> held == null ? new InProcess() : held.retain()).lock;
            try {
                if (local.isHeldByCurrentThread()) {
                    throw new IllegalStateException("already holding the lock on " + lockFile
                            + ": a read-modify-write of this file must not start another one");
                }
                lockInterruptibly(local, lockFile);
                try {
                    return new ConfigFileLock(key, local, channel, channel.lock());
                }
                catch (Throwable failure) {
                    local.unlock();
                    throw failure;
                }
            }
            catch (Throwable failure) {
                release(key);
                throw failure;
            }
        }
        catch (Throwable failure) {
            channel.close();
            throw failure;
        }
    }

    private static FileChannel open(Path lockFile) throws IOException {
        try {
            return FileChannel.open(lockFile,
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                    OwnerOnly.fileAttributes(lockFile));
        }
        catch (IOException e) {
            // ELOOP: Linux reports a plain IOException, other systems a FileSystemException
            if (Files.isSymbolicLink(lockFile)) {
                throw new FileSystemException(lockFile.toString(), null,
                        "the lock file is a symbolic link; it is never followed (remove it if it is yours)");
            }
            throw e;
        }
    }

    private static void lockInterruptibly(ReentrantLock local, Path lockFile) throws InterruptedIOException {
        try {
            local.lockInterruptibly();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + lockFile);
        }
    }

    /** Whether a thread of this JVM holds the in-process lock of {@code lockFile} (for tests). */
    static boolean isLockedInProcess(Path lockFile) throws IOException {
        InProcess held = IN_PROCESS.get(lockFile.toRealPath());
        return held != null && held.lock.isLocked();
    }

    /** Releases the OS lock, then the in-process one. */
    @Override
    public void close() throws IOException {
        try {
            try {
                osLock.release();
            }
            finally {
                channel.close();
            }
        }
        finally {
            local.unlock();
            release(key);
        }
    }

    private static void release(Path key) {
        IN_PROCESS.computeIfPresent(key, (k, held) -> held.users-- == 1 ? null : held);
    }

    /** The in-process lock of one file and how many threads hold or wait for it (to forget it at 0). */
    private static final class InProcess {
        final ReentrantLock lock = new ReentrantLock();
        int users = 1;

        InProcess retain() {
            users++;
            return this;
        }
    }
}
