package io.agentfactory.sdk.codeintel;

import java.util.Objects;

/**
 * A workspace package imported by another package whose {@code package.json} does not declare it
 * (in {@code dependencies}, {@code devDependencies} or {@code peerDependencies}).
 *
 * @param packageJsonPath the importing package's {@code package.json}, relative to the root
 * @param packageName the importing package's name
 * @param importedPackage the workspace package imported without a declaration
 * @param filePath the first file (in path order) that imports it, relative to the root
 * @param line the 1-based line of that import
 */
public record MissingDependency(String packageJsonPath, String packageName, String importedPackage, String filePath, int line) {

    /** Checks the values. */
    public MissingDependency {
        Objects.requireNonNull(packageJsonPath, "packageJsonPath");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(importedPackage, "importedPackage");
        Objects.requireNonNull(filePath, "filePath");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1: " + line);
        }
    }
}
