package io.agentfactory.sdk.codeintel;

import java.util.List;

/**
 * The answer to a {@link CrossDepsQuery}.
 *
 * @param missingDeps the undeclared imports, one per (package.json, imported package), sorted by
 *     {@code packageJsonPath} then {@code importedPackage}
 * @param packagesChecked how many named workspace packages were found
 * @param filesChecked how many source files owned by a package (and under the target path) were read
 * @param unreadable the {@code package.json} files that could not be used, sorted by path
 */
public record CrossDepsReport(List<MissingDependency> missingDeps, int packagesChecked, int filesChecked,
        List<UnreadablePackageJson> unreadable) {

    /** Copies the lists. */
    public CrossDepsReport {
        missingDeps = List.copyOf(missingDeps);
        unreadable = List.copyOf(unreadable);
    }

    /** Whether every cross-package import is declared. */
    public boolean valid() {
        return missingDeps.isEmpty();
    }
}
