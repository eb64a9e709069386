package io.agentfactory.sdk.codeintel;

import java.util.Objects;

/**
 * One place where the checked content already exists: a whole file, or a symbol's body (declaration
 * line through closing line, for symbols of at least 3 lines).
 *
 * @param filePath the file's path relative to the repository root
 * @param symbolName the symbol whose body matched, or {@code ""} for a whole-file match
 * @param line the symbol's 1-based declaration line, or {@code 0} for a whole-file match
 * @param kind exact or near
 * @param hammingDistance the SimHash distance (0 for an exact match)
 */
public record DuplicateMatch(String filePath, String symbolName, int line, DuplicateKind kind, int hammingDistance) {

    /** Rejects nulls and out-of-range numbers. */
    public DuplicateMatch {
        Objects.requireNonNull(filePath, "filePath");
        Objects.requireNonNull(symbolName, "symbolName");
        Objects.requireNonNull(kind, "kind");
        if (line < 0 || hammingDistance < 0 || hammingDistance > 64) {
            throw new IllegalArgumentException("line or hammingDistance out of range");
        }
    }

    /** Whether the match is a symbol's body rather than a whole file. */
    public boolean isSymbol() {
        return !symbolName.isEmpty();
    }
}
