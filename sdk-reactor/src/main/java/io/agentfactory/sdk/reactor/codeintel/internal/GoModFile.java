package io.agentfactory.sdk.reactor.codeintel.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The {@code module} path of the {@code go.mod} at a repository root, read the reference's way
 * (first line {@code module <path>}, a trailing {@code //} comment cut), best effort: no file, a
 * symbolic link (never followed), a file over 1 MiB or a read error all mean {@code ""}. Blocking
 * file I/O: call it on a bounded-elastic worker.
 */
final class GoModFile {

    static final long MAX_BYTES = 1 << 20;

    private GoModFile() {
    }

    static String modulePath(Path root) {
        Path file = root.resolve("go.mod");
        String text;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile() || attributes.size() > MAX_BYTES) {
                return "";
            }
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
        return parse(text);
    }

    static String parse(String text) {
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (!line.startsWith("module") || line.length() == 6) {
                continue;
            }
            char gap = line.charAt(6);
            if (gap != ' ' && gap != '\t') {
                continue;
            }
            String path = line.substring(7);
            int comment = path.indexOf("//");
            if (comment >= 0) {
                path = path.substring(0, comment);
            }
            path = path.strip();
            if (path.length() >= 2 && path.startsWith("\"") && path.endsWith("\"")) {
                path = path.substring(1, path.length() - 1);
            }
            if (!path.isEmpty()) {
                return path;
            }
        }
        return "";
    }
}
