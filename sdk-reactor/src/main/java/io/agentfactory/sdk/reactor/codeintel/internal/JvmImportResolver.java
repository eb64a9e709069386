package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.agentfactory.sdk.codeintel.IndexedFile;
import io.agentfactory.sdk.codeintel.Symbol;

/**
 * Java and Kotlin imports (new; the reference has no JVM languages), on the convention that a
 * package lives in a directory whose path ends with the package's segments ({@code com.acme.core}
 * in {@code src/main/java/com/acme/core}, any source root). {@code import a.b.C} edges to the files
 * of such a directory that are named {@code C} or declare a top-level {@code C} (a Kotlin file may
 * hold several types and top-level functions); when that finds nothing the last segment is taken as
 * a member and the rest retried, so static imports, nested types and imported functions land on
 * the declaring file. {@code import a.b.*} edges to every Java and Kotlin file of the package
 * directories, or, when {@code a.b} is no package, to the type {@code a.b} (a static or nested
 * wildcard). Java and Kotlin resolve into each other. References to types of the same package need
 * no import and give no edge.
 */
final class JvmImportResolver {

    private final Map<String, List<String>> directoriesBySuffix = new HashMap<>();
    private final Map<String, List<String>> filesByDirectory = new TreeMap<>();
    private final Map<String, Set<String>> topLevelNames = new HashMap<>();

    JvmImportResolver(List<IndexedFile> files) {
        for (IndexedFile file : files) {
            if (!isJvm(file.path())) {
                continue;
            }
            filesByDirectory.computeIfAbsent(SlashPaths.directory(file.path()), d -> new ArrayList<>()).add(file.path());
            Set<String> names = new HashSet<>();
            String base = SlashPaths.baseName(file.path());
            names.add(base.substring(0, base.lastIndexOf('.')));
            for (Symbol symbol : file.symbols()) {
                if (symbol.parentName().isEmpty()) {
                    names.add(symbol.name());
                }
            }
            topLevelNames.put(file.path(), names);
        }
        for (Map.Entry<String, List<String>> entry : filesByDirectory.entrySet()) {
            entry.getValue().sort(null);
            String directory = entry.getKey();
            for (int start = 0; start >= 0; ) {
                directoriesBySuffix.computeIfAbsent(directory.substring(start), s -> new ArrayList<>()).add(directory);
                int slash = directory.indexOf('/', start);
                start = slash < 0 ? -1 : slash + 1;
            }
        }
    }

    static boolean isJvm(String path) {
        return path.endsWith(".java") || path.endsWith(".kt") || path.endsWith(".kts");
    }

    List<String> resolve(String specifier) {
        String name = specifier.replace("`", "").strip();
        if (name.endsWith(".*")) {
            String pkg = name.substring(0, name.length() - 2);
            Set<String> all = new TreeSet<>();
            for (String directory : directoriesBySuffix.getOrDefault(pkg.replace('.', '/'), List.of())) {
                all.addAll(filesByDirectory.get(directory));
            }
            if (!all.isEmpty()) {
                return List.copyOf(all);
            }
            name = pkg;
        }
        String[] segments = name.split("\\.", -1);
        for (int last = segments.length - 1; last >= 1; last--) {
            String pkg = String.join("/", java.util.Arrays.asList(segments).subList(0, last));
            Set<String> found = new TreeSet<>();
            for (String directory : directoriesBySuffix.getOrDefault(pkg, List.of())) {
                for (String file : filesByDirectory.get(directory)) {
                    if (topLevelNames.get(file).contains(segments[last])) {
                        found.add(file);
                    }
                }
            }
            if (!found.isEmpty()) {
                return List.copyOf(found);
            }
        }
        return List.of();
    }
}
