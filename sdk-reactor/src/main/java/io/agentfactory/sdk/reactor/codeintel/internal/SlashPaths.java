package io.agentfactory.sdk.reactor.codeintel.internal;

import org.jspecify.annotations.Nullable;

/** Helpers on {@code /}-separated paths relative to the repository root ({@code ""} is the root). */
final class SlashPaths {

    private SlashPaths() {
    }

    /** The directory of {@code path}, {@code ""} for a file at the root. */
    static String directory(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The last segment of {@code path}. */
    static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** {@code directory/child}, or {@code child} at the root. */
    static String join(String directory, String child) {
        if (directory.isEmpty()) {
            return child;
        }
        return child.isEmpty() ? directory : directory + "/" + child;
    }

    /**
     * {@code path} with empty and {@code .} segments dropped and {@code ..} applied, or {@code null}
     * when a {@code ..} climbs above the root (the reference drops such a {@code ..} and stays inside;
     * we resolve nothing rather than a file the import does not name).
     */
    static @Nullable String normalise(String path) {
        StringBuilder out = new StringBuilder();
        int start = 0;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            String part = path.substring(start, end);
            if (part.equals("..")) {
                if (out.length() == 0) {
                    return null;
                }
                out.setLength(Math.max(out.lastIndexOf("/"), 0));
            } else if (!part.isEmpty() && !part.equals(".")) {
                if (out.length() > 0) {
                    out.append('/');
                }
                out.append(part);
            }
            start = end + 1;
        }
        return out.toString();
    }
}
