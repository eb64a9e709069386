package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Go package imports, the reference's way: a package is a directory, and an import edges to every
 * non-test {@code .go} file of it ({@code _test.go} files are never compiled into an importer).
 * With the module path of the root {@code go.mod}, an import under it maps to its directory exactly
 * and anything else (standard library, other modules) resolves to nothing; without one, the longest
 * suffix of the import path that is a package directory of the tree wins.
 */
final class GoImportResolver {

    private final String modulePath;
    private final Map<String, List<String>> packages;

    /**
     * @param known the indexed paths
     * @param modulePath the root module's path, or {@code ""} when there is no {@code go.mod}
     */
    GoImportResolver(Iterable<String> known, String modulePath) {
        this.modulePath = modulePath;
        Map<String, List<String>> byDirectory = new TreeMap<>();
        for (String path : known) {
            if (path.endsWith(".go") && !path.endsWith("_test.go")) {
                byDirectory.computeIfAbsent(SlashPaths.directory(path), d -> new ArrayList<>()).add(path);
            }
        }
        byDirectory.replaceAll((directory, files) -> {
            files.sort(null);
            return List.copyOf(files);
        });
        this.packages = byDirectory;
    }

    List<String> resolve(String specifier) {
        String path = strip(specifier);
        if (path.isEmpty()) {
            return List.of();
        }
        if (!modulePath.isEmpty()) {
            if (path.equals(modulePath)) {
                return packages.getOrDefault("", List.of());
            }
            if (path.startsWith(modulePath + "/")) {
                return packages.getOrDefault(path.substring(modulePath.length() + 1), List.of());
            }
            return List.of();
        }
        for (int start = 0; start >= 0; start = next(path, start)) {
            List<String> files = packages.get(path.substring(start));
            if (files != null) {
                return files;
            }
        }
        return List.of();
    }

    private static int next(String path, int start) {
        int slash = path.indexOf('/', start);
        return slash < 0 ? -1 : slash + 1;
    }

    private static String strip(String specifier) {
        int from = 0;
        int to = specifier.length();
        while (from < to && specifier.charAt(from) == '/') {
            from++;
        }
        while (to > from && specifier.charAt(to - 1) == '/') {
            to--;
        }
        return specifier.substring(from, to);
    }
}
