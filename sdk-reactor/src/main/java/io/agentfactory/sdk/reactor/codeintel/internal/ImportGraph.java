package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.agentfactory.sdk.codeintel.IndexedFile;

/**
 * The file-level import graph of an index: an edge from each file to every indexed file one of its
 * imports resolves to, by the importing file's extension ({@link JsImportResolver},
 * {@link GoImportResolver}, {@link PythonImportResolver}, {@link RustImportResolver},
 * {@link JvmImportResolver}). Imports of anything not indexed (packages, the standard library)
 * give no edge, nor does a file importing itself; repeated edges count once; a specifier longer
 * than {@value #MAX_SPECIFIER_LENGTH} characters is no import path anyone writes and is ignored (the
 * suffix rules are quadratic in its segments). Pure CPU work on the extracted import lists; nothing
 * is read from disk.
 */
final class ImportGraph {

    static final int MAX_SPECIFIER_LENGTH = 1024;

    private final List<String> nodes;
    private final Map<String, Integer> index;
    private final int[][] targets;

    private ImportGraph(List<String> nodes, Map<String, Integer> index, int[][] targets) {
        this.nodes = nodes;
        this.index = index;
        this.targets = targets;
    }

    /**
     * The graph of {@code files}.
     *
     * @param goModulePath the {@code module} path of the root {@code go.mod}, or {@code ""}
     */
    static ImportGraph of(List<IndexedFile> files, String goModulePath) {
        List<String> nodes = new ArrayList<>(files.size());
        files.forEach(f -> nodes.add(f.path()));
        nodes.sort(null);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i), i);
        }
        Set<String> known = index.keySet();
        JsImportResolver js = new JsImportResolver(known);
        GoImportResolver go = new GoImportResolver(nodes, goModulePath);
        PythonImportResolver python = new PythonImportResolver(known);
        RustImportResolver rust = new RustImportResolver(known);
        JvmImportResolver jvm = new JvmImportResolver(files);
        int[][] targets = new int[nodes.size()][];
        for (IndexedFile file : files) {
            String from = file.path();
            int self = index.get(from);
            Set<Integer> edges = new TreeSet<>();
            for (String imported : file.imports()) {
                List<String> resolved;
                if (imported.length() > MAX_SPECIFIER_LENGTH) {
                    resolved = List.of();
                } else if (from.endsWith(".go")) {
                    resolved = go.resolve(imported);
                } else if (from.endsWith(".py")) {
                    resolved = python.resolve(imported, from);
                } else if (from.endsWith(".rs")) {
                    resolved = rust.resolve(imported, from);
                } else if (JvmImportResolver.isJvm(from)) {
                    resolved = jvm.resolve(imported);
                } else if (isJs(from)) {
                    resolved = js.resolve(imported, from);
                } else {
                    resolved = List.of();
                }
                for (String target : resolved) {
                    int to = index.get(target);
                    if (to != self) {
                        edges.add(to);
                    }
                }
            }
            targets[self] = edges.stream().mapToInt(Integer::intValue).toArray();
        }
        return new ImportGraph(List.copyOf(nodes), index, targets);
    }

    private static boolean isJs(String path) {
        for (String extension : List.of(".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs")) {
            if (path.endsWith(extension)) {
                return true;
            }
        }
        return false;
    }

    /** Every file, sorted. */
    List<String> nodes() {
        return nodes;
    }

    /** The files {@code path} imports, sorted; empty for a file not in the graph. */
    List<String> dependencies(String path) {
        Integer from = index.get(path);
        return from == null ? List.of() : Arrays.stream(targets[from]).mapToObj(nodes::get).toList();
    }

    /** The files importing {@code path}, sorted. */
    List<String> dependents(String path) {
        Integer to = index.get(path);
        if (to == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int from = 0; from < targets.length; from++) {
            if (Arrays.binarySearch(targets[from], to) >= 0) {
                out.add(nodes.get(from));
            }
        }
        return out;
    }

    /** How many edges the graph has. */
    int edgeCount() {
        int count = 0;
        for (int[] links : targets) {
            count += links.length;
        }
        return count;
    }

    /** The PageRank score of each node, in {@link #nodes()} order. */
    double[] pageRank() {
        int[] outDegree = new int[targets.length];
        for (int i = 0; i < targets.length; i++) {
            outDegree[i] = targets[i].length;
        }
        return PageRank.compute(targets, outDegree);
    }

    /** The edges as an adjacency map (every node a key), for tests and the map-based {@link PageRank}. */
    Map<String, Set<String>> adjacency() {
        Map<String, Set<String>> out = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            out.put(nodes.get(i), new HashSet<>(dependencies(nodes.get(i))));
        }
        return out;
    }
}
