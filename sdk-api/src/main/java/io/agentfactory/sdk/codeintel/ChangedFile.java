package io.agentfactory.sdk.codeintel;

import java.util.Objects;

/**
 * One file section of a unified diff ({@code diff --git a/X b/Y} up to the next such header).
 *
 * @param path the post-image path ({@code b/}); for a deleted file, the path it had
 * @param oldPath the pre-image path ({@code a/}); equal to {@code path} unless renamed or copied
 * @param kind how it changed
 * @param binary whether git gave no text patch ({@code Binary files … differ} or {@code GIT binary patch})
 * @param modeChanged whether the file mode changed ({@code old mode} / {@code new mode})
 * @param additions the added lines of its hunks
 * @param deletions the removed lines of its hunks
 */
public record ChangedFile(String path, String oldPath, ChangeKind kind, boolean binary, boolean modeChanged,
        int additions, int deletions) {

    /** Checks the values. */
    public ChangedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(oldPath, "oldPath");
        Objects.requireNonNull(kind, "kind");
        if (additions < 0 || deletions < 0) {
            throw new IllegalArgumentException("line counts must not be negative");
        }
    }

    /** Whether the section carries a text patch (at least one hunk line). */
    public boolean hasPatch() {
        return additions + deletions > 0;
    }
}
