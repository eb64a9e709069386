package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.codeintel.MissingDependency;
import io.agentfactory.sdk.reactor.codeintel.internal.WorkspacePackages.WorkspacePackage;

/**
 * The import check of validate-cross-deps for one source file; pure CPU work. The file belongs to the
 * package whose directory is the longest prefix of its path (on whole segments). An import of another
 * workspace package's name that the owner does not declare is missing. Unlike the reference, a package
 * importing its own name (a self-reference) is not reported.
 */
final class CrossDepsCheck {

    /** The source extensions scanned: the reference's nine (JVM sources cannot import npm packages). */
    static final Set<String> EXTENSIONS = Set.of(".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".go", ".py", ".rs");

    private final List<WorkspacePackage> packages;
    private final Set<String> names;

    CrossDepsCheck(List<WorkspacePackage> packages) {
        this.packages = packages;
        Set<String> all = new java.util.HashSet<>();
        for (WorkspacePackage pkg : packages) {
            all.add(pkg.name());
        }
        this.names = Set.copyOf(all);
    }

    /** The package that owns {@code path}, or {@code null}. */
    @Nullable WorkspacePackage owner(String path) {
        @Nullable WorkspacePackage best = null;
        for (WorkspacePackage pkg : packages) {
            if (SourceWalk.under(path, pkg.dir()) && (best == null || pkg.dir().length() > best.dir().length())) {
                best = pkg;
            }
        }
        return best;
    }

    /** The undeclared workspace imports of one file, in line order; none when no package owns it. */
    List<MissingDependency> missing(String path, String text) {
        WorkspacePackage owner = owner(path);
        if (owner == null) {
            return List.of();
        }
        List<MissingDependency> out = new ArrayList<>();
        ImportLines lines = new ImportLines();
        int start = 0;
        int lineNumber = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lineNumber++;
            String imported = lines.next(text.substring(start, end));
            if (imported != null && names.contains(imported) && !imported.equals(owner.name())
                    && !owner.declared().contains(imported)) {
                out.add(new MissingDependency(owner.packageJsonPath(), owner.name(), imported, path, lineNumber));
            }
            start = end + 1;
        }
        return out;
    }

    /** One entry per (package.json, imported package): the first by file path and line; sorted by both keys. */
    static List<MissingDependency> dedupe(List<MissingDependency> all) {
        List<MissingDependency> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(MissingDependency::packageJsonPath)
                .thenComparing(MissingDependency::importedPackage)
                .thenComparing(MissingDependency::filePath)
                .thenComparingInt(MissingDependency::line));
        List<MissingDependency> unique = new ArrayList<>();
        for (MissingDependency dep : sorted) {
            MissingDependency last = unique.isEmpty() ? null : unique.get(unique.size() - 1);
            if (last == null || !last.packageJsonPath().equals(dep.packageJsonPath())
                    || !last.importedPackage().equals(dep.importedPackage())) {
                unique.add(dep);
            }
        }
        return unique;
    }
}
