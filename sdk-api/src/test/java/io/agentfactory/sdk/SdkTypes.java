package io.agentfactory.sdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The top-level classes of the {@code io.agentfactory.sdk} packages on the class path, by simple
 * name. Found by listing the package directories (or jar entries), so a type added to any package
 * is seen without registering it anywhere.
 */
final class SdkTypes {

    private static final String ROOT = "io/agentfactory/sdk";

    private final Map<String, List<Class<?>>> bySimpleName;

    private SdkTypes(Map<String, List<Class<?>>> bySimpleName) {
        this.bySimpleName = bySimpleName;
    }

    /**
     * Whether {@code type} belongs to the wire model of the reference (the types a route sends or
     * answers). The repository-config, log-signature, orchestrator and code-intelligence packages
     * hold validated domain values with required fields; their own tests cover them. So do the
     * queue admin's values (read from Redis, not from a route).
     */
    static boolean isWireModel(Class<?> type) {
        String pkg = type.getPackageName();
        return !pkg.equals("io.agentfactory.sdk.repoconfig") && !pkg.equals("io.agentfactory.sdk.logsignatures")
                && !pkg.equals("io.agentfactory.sdk.orchestrator") && !pkg.equals("io.agentfactory.sdk.queue")
                && !pkg.equals("io.agentfactory.sdk.codeintel");
    }

    static SdkTypes scan() {
        Map<String, List<Class<?>>> found = new TreeMap<>();
        try {
            Enumeration<URL> roots = SdkTypes.class.getClassLoader().getResources(ROOT);
            while (roots.hasMoreElements()) {
                URI root = roots.nextElement().toURI();
                if (root.getScheme().equals("jar")) {
                    try (FileSystem jar = FileSystems.newFileSystem(root, Map.of())) {
                        collect(jar.getPath("/" + ROOT), jar.getPath("/"), found);
                    }
                }
                else {
                    Path dir = Path.of(root);
                    collect(dir, dir.getParent().getParent().getParent(), found);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return new SdkTypes(found);
    }

    private static void collect(Path dir, Path classRoot, Map<String, List<Class<?>>> found) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String relative = classRoot.relativize(file).toString().replace('\\', '/');
                String className = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
                if (className.contains("$") || className.endsWith("package-info")) {
                    continue;
                }
                Class<?> type = load(className);
                if (type.getPackageName().startsWith("io.agentfactory.sdk") && !isTestClass(type)) {
                    found.computeIfAbsent(type.getSimpleName(), k -> new ArrayList<>()).add(type);
                }
            }
        }
    }

    // Test classes of this module share the packages; only main types model the reference.
    private static boolean isTestClass(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        return source != null && source.getLocation().getPath().contains("test-classes");
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, SdkTypes.class.getClassLoader());
        }
        catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The classes with this simple name (normally one). */
    List<Class<?>> named(String simpleName) {
        return bySimpleName.getOrDefault(simpleName, List.of());
    }

    /** The class with this name relative to {@code io.agentfactory.sdk} ({@code "coordinator.CoordinatorClient"}), if any. */
    boolean hasQualified(String relativeName) {
        try {
            Class.forName("io.agentfactory.sdk." + relativeName, false, SdkTypes.class.getClassLoader());
            return true;
        }
        catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Every simple name found, sorted. */
    java.util.Set<String> names() {
        return bySimpleName.keySet();
    }

    int size() {
        return bySimpleName.size();
    }
}
