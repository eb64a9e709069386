package io.agentfactory.sdk.reactor.codeintel.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.agentfactory.sdk.codeintel.UnreadablePackageJson;

/**
 * The workspace packages of a monorepo: every {@code package.json} with a non-empty {@code name} in a
 * directory at most {@link #MAX_DEPTH} levels below the root (the root is level 0). Directories skipped
 * as in the file walk: {@code .git node_modules vendor .donmai dist build .next} and, unlike the
 * reference (which skips dot-directories only in its file walk), every directory starting with a dot.
 * Symbolic links are never followed. A {@code package.json} that is larger than {@link #MAX_BYTES}, is
 * not a JSON object, has a {@code name} that is not a string, or a dependency field that is not an
 * object is reported as unreadable, never fatal. Blocking file I/O: call it on a bounded-elastic worker.
 */
final class WorkspacePackages {

    /** The deepest directory level searched. */
    static final int MAX_DEPTH = 5;
    /** The largest {@code package.json} read. */
    static final long MAX_BYTES = 1024 * 1024;

    private static final List<String> DEPENDENCY_FIELDS = List.of("dependencies", "devDependencies", "peerDependencies");

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(64)
                            .maxStringLength(64 * 1024)
                            .maxNameLength(4096)
                            .maxNumberLength(64)
                            .build())
                    .build())
            .build();

    /** A package: its name, its directory relative to the root ({@code ""} for the root) and what it declares. */
    record WorkspacePackage(String name, String dir, Set<String> declared) {

        /** Its {@code package.json}, relative to the root. */
        String packageJsonPath() {
            return dir.isEmpty() ? "package.json" : dir + "/package.json";
        }
    }

    /** What discovery found, both lists sorted by path. */
    record Found(List<WorkspacePackage> packages, List<UnreadablePackageJson> unreadable) {
    }

    private WorkspacePackages() {
    }

    /** Discovers the packages under {@code start}, an existing real directory. */
    static Found discover(Path start) {
        List<WorkspacePackage> packages = new ArrayList<>();
        List<UnreadablePackageJson> unreadable = new ArrayList<>();
        Deque<Path> dirs = new ArrayDeque<>();
        dirs.add(start);
        while (!dirs.isEmpty()) {
            Path dir = dirs.poll();
            int depth = start.relativize(dir).toString().isEmpty() ? 0 : start.relativize(dir).getNameCount();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    BasicFileAttributes attrs;
                    try {
                        attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    } catch (IOException e) {
                        continue;
                    }
                    if (attrs.isDirectory()) {
                        if (depth < MAX_DEPTH && !name.startsWith(".") && !FileDiscovery.SKIPPED_DIRECTORIES.contains(name)) {
                            dirs.add(entry);
                        }
                    } else if (name.equals("package.json")) {
                        String rel = FileDiscovery.relative(start, entry);
                        if (attrs.isSymbolicLink()) {
                            unreadable.add(new UnreadablePackageJson(rel, "a symbolic link (not followed)"));
                        } else if (!attrs.isRegularFile()) {
                            unreadable.add(new UnreadablePackageJson(rel, "not a regular file")); // a FIFO would block the read
                        } else {
                            read(start, entry, attrs.size(), packages, unreadable);
                        }
                    }
                }
            } catch (IOException e) {
                // an unreadable directory is left out, as in the reference
            }
        }
        packages.sort(Comparator.comparing(WorkspacePackage::dir));
        unreadable.sort(Comparator.comparing(UnreadablePackageJson::path));
        return new Found(List.copyOf(packages), List.copyOf(unreadable));
    }

    private static void read(Path start, Path file, long size, List<WorkspacePackage> packages, List<UnreadablePackageJson> unreadable) {
        String rel = FileDiscovery.relative(start, file);
        if (size > MAX_BYTES) {
            unreadable.add(new UnreadablePackageJson(rel, "larger than " + MAX_BYTES + " bytes"));
            return;
        }
        byte[] bytes = SourceWalk.readBytes(file, size, MAX_BYTES);
        if (bytes == null) {
            unreadable.add(new UnreadablePackageJson(rel, "cannot be read"));
            return;
        }
        Object parsed = parse(bytes);
        if (parsed instanceof String reason) {
            unreadable.add(new UnreadablePackageJson(rel, reason));
        } else if (parsed instanceof WorkspacePackage pkg) {
            Path parent = file.getParent();
            String dir = parent == null || parent.equals(start) ? "" : FileDiscovery.relative(start, parent);
            packages.add(new WorkspacePackage(pkg.name(), dir, pkg.declared()));
        }
        // otherwise: no name, so no workspace package (a workspace root often has none)
    }

    /** A package (directory not yet set), the reason it is unusable, or {@code null} when it has no name. */
    static @Nullable Object parse(byte[] bytes) {
        JsonNode top;
        try {
            top = MAPPER.readTree(bytes);
        } catch (StreamConstraintsException e) {
            return "exceeds a parser limit (nesting depth 64, string length 65536)";
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            return at == null ? "not valid JSON" : "not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        if (top == null || !top.isObject()) {
            return "not a JSON object";
        }
        JsonNode name = top.get("name");
        if (name != null && !name.isNull() && !name.isString()) {
            return "name is not a string";
        }
        Set<String> declared = new HashSet<>();
        for (String field : DEPENDENCY_FIELDS) {
            JsonNode deps = top.get(field);
            if (deps == null || deps.isNull()) {
                continue;
            }
            if (!deps.isObject()) {
                return field + " is not an object";
            }
            for (Map.Entry<String, JsonNode> dep : deps.properties()) {
                declared.add(dep.getKey());
            }
        }
        if (name == null || name.isNull() || name.asString().isEmpty()) {
            return null;
        }
        return new WorkspacePackage(name.asString(), "", Set.copyOf(declared));
    }
}
