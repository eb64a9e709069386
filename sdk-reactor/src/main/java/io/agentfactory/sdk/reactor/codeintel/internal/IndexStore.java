package io.agentfactory.sdk.reactor.codeintel.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;

import io.agentfactory.sdk.error.CodeIndexException;

/**
 * The persisted index {@code <root>/.donmai/code-index/index.json}. Reads never fail a query: a
 * missing file is empty, and a symlinked, oversized, corrupt, hostile or other-version file is
 * ignored with one WARN naming the reason (never the content). Writes are atomic (a temporary file
 * in the same directory, synced, renamed over the index, the directory synced) and made under an
 * exclusive lock on {@code index.json.lock} (in-process lock, then an OS file lock, opened without
 * following links), taken with a bounded wait. Stale temporary files of killed writers are swept
 * under that lock. Blocking: call on {@code Schedulers.boundedElastic()}.
 */
public final class IndexStore {

    /** The index path under the root. */
    static final String RELATIVE = ".donmai/code-index/index.json";
    /** The largest index file read (a bigger one is ignored). */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(IndexStore.class);
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final String TEMP_PREFIX = ".index.json.";
    private static final String TEMP_SUFFIX = ".tmp";
    /** The buffer between the JSON generator and the temporary file's channel. */
    private static final int WRITE_BUFFER = 1 << 16;

    private final Path root;
    private final Path file;
    private final Path lockFile;
    private final Duration lockWait;

    /** The store of {@code root} (absolute, normalised), waiting at most {@code lockWait} for the lock. */
    public IndexStore(Path root, Duration lockWait) {
        this.root = root;
        this.file = root.resolve(RELATIVE);
        this.lockFile = file.resolveSibling("index.json.lock");
        this.lockWait = lockWait;
    }

    /** The index file. */
    public Path file() {
        return file;
    }

    /** The persisted index, or empty when missing or unusable (then logged once at WARN with the reason). */
    Optional<IndexJson.Loaded> load() {
        byte[] bytes;
        try {
            bytes = readNoFollow();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            warn("it cannot be read (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(IndexJson.read(bytes));
        } catch (IndexJson.Invalid e) {
            warn(e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            warn("it does not hold a valid index (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }

    private byte[] readNoFollow() throws IOException {
        for (Path dir = file.getParent(); !dir.equals(root); dir = dir.getParent()) {
            if (Files.isSymbolicLink(dir)) {
                warn("a directory on its path is a symbolic link");
                return null;
            }
        }
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            warn(attributes.isSymbolicLink() ? "it is a symbolic link" : "it is not a regular file");
            return null;
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            long size = channel.size();
            if (size > MAX_BYTES) {
                warn("it is larger than " + MAX_BYTES + " bytes");
                return null;
            }
            try (InputStream in = Channels.newInputStream(channel)) {
                byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    warn("it is larger than " + MAX_BYTES + " bytes");
                    return null;
                }
                return bytes;
            }
        }
    }

    private void warn(String reason) {
        log.warn("ignoring the persisted code index {}: {}; rebuilding", file, reason);
    }

    /**
     * Writes {@code entries} atomically under the lock: the JSON is streamed (buffered) into the
     * temporary file, which is synced and renamed over the index.
     *
     * @throws CodeIndexException when the lock is not had within the wait, or the write fails
     */
    void save(List<FileEntry> entries, String rootHash) {
        try {
            Path dir = file.getParent();
            Files.createDirectories(dir);
            for (Path d = dir; !d.equals(root); d = d.getParent()) {
                if (Files.isSymbolicLink(d)) {
                    throw new CodeIndexException(root.toString(), "not writing the code index: " + d + " is a symbolic link", null);
                }
            }
            try (Held held = lock()) {
                sweep(dir);
                replace(dir, entries, rootHash);
            }
        } catch (IOException | JacksonException e) {
            throw new CodeIndexException(root.toString(), "writing " + file + " failed", e);
        }
    }

    private void replace(Path dir, List<FileEntry> entries, String rootHash) throws IOException {
        Path temporary = Files.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), WRITE_BUFFER);
                IndexJson.write(entries, rootHash, out);
                out.flush();
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // the rename is done; syncing the directory entry is best effort
        }
    }

    /** Deletes temporary files of writers that died: any found under the lock is stale. */
    int sweep(Path dir) throws IOException {
        int deleted = 0;
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            for (Path path : stale) {
                if (Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile()
                        && Files.deleteIfExists(path)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /** The held lock; closing releases the OS lock, the channel and the in-process lock. */
    private record Held(ReentrantLock local, FileChannel channel, FileLock os) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                os.release();
                channel.close();
            } finally {
                local.unlock();
            }
        }
    }

    private Held lock() throws IOException {
        long deadline = System.nanoTime() + lockWait.toNanos();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), k -> new ReentrantLock());
        try {
            if (!local.tryLock(lockWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw timedOut();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CodeIndexException(root.toString(), "interrupted while waiting for the code index lock", e);
        }
        FileChannel channel = null;
        try {
            try {
                channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
            } catch (IOException e) {
                if (Files.isSymbolicLink(lockFile)) {
                    throw new CodeIndexException(root.toString(), "the code index lock file is a symbolic link; it is never followed", null);
                }
                throw e;
            }
            while (true) {
                FileLock os;
                try {
                    os = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    os = null;
                }
                if (os != null) {
                    return new Held(local, channel, os);
                }
                if (System.nanoTime() >= deadline) {
                    throw timedOut();
                }
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new CodeIndexException(root.toString(), "interrupted while waiting for the code index lock", null);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            local.unlock();
            throw e;
        }
    }

    private CodeIndexException timedOut() {
        return new CodeIndexException(root.toString(), "another writer held the code index lock for longer than " + lockWait, null);
    }
}
