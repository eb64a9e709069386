package io.agentfactory.sdk.reactor.codeintel.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The stat fields of a file that a change of its content moves: size, mtime, file key (device and
 * inode) and, where the file system has the {@code unix} attribute view, ctime (elsewhere the mtime
 * stands in for it, so only size, mtime and file key are compared). A warm refresh trusts a file's
 * previous git blob id, without reading it, only when its stamp equals the one taken before it was
 * last read and the file is not "racily clean" (git's rule): its mtime and ctime are older than the
 * start of that previous walk by more than {@link #RACY_MARGIN}, the coarsest timestamp granularity
 * of common file systems (FAT: 2 s), so a file written in the same tick as a walk is always re-read.
 *
 * @param size the size in bytes
 * @param modified the mtime
 * @param fileKey the file key (device and inode on Unix)
 * @param changed the ctime, or the mtime where the file system has no ctime view
 */
record FileStamp(long size, FileTime modified, Object fileKey, FileTime changed) {

    /** How much older than the previous walk's start a file's mtime and ctime must be for it to be trusted. */
    static final Duration RACY_MARGIN = Duration.ofSeconds(2);

    /** Which stat fields are available. */
    enum View {
        /** {@code unix:size,lastModifiedTime,ctime,fileKey} in one stat (Linux, macOS). */
        UNIX,
        /** The walk's basic attributes: size, mtime and file key; no ctime. */
        BASIC
    }

    /** The view of {@code root}'s file system: {@link View#UNIX} when it supports the {@code unix} view. */
    static View viewOf(Path root) {
        return root.getFileSystem().supportedFileAttributeViews().contains("unix") ? View.UNIX : View.BASIC;
    }

    /**
     * The stamp of {@code file} now, not following links (blocking), or {@code null} when it cannot
     * be stamped (the stat fails, or the file system has no file key, as on Windows): such a file is
     * read on every walk.
     *
     * @param walked the attributes the walk read for {@code file} (used by {@link View#BASIC})
     */
    static @Nullable FileStamp of(Path file, BasicFileAttributes walked, View view) {
        if (view == View.BASIC) {
            Object key = walked.fileKey();
            return key == null ? null : new FileStamp(walked.size(), walked.lastModifiedTime(), key, walked.lastModifiedTime());
        }
        try {
            Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,fileKey", LinkOption.NOFOLLOW_LINKS);
            Object key = a.get("fileKey");
            if (key == null || !(a.get("size") instanceof Long size) || !(a.get("lastModifiedTime") instanceof FileTime modified)
                    || !(a.get("ctime") instanceof FileTime changed)) {
                return null;
            }
            return new FileStamp(size, modified, key, changed);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Whether a file stamped {@code previous} before a walk that started at {@code previousWalkStart}
     * and stamped this now is unchanged: equal stamps, mtime and ctime older than that start by more than
     * {@link #RACY_MARGIN}.
     */
    boolean unchangedSince(FileStamp previous, Instant previousWalkStart) {
        Instant trusted = previousWalkStart.minus(RACY_MARGIN);
        return equals(previous) && modified.toInstant().isBefore(trusted) && changed.toInstant().isBefore(trusted);
    }
}
