package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Rust {@code use} paths, the reference's way: a trailing brace group ({@code a::b::{c, d}}) is cut,
 * {@code crate}, {@code self} and {@code super} segments dropped, and the path is tried with and
 * without its last segment (usually the item, not the module), each time from its longest suffix
 * down, as {@code x.rs}, {@code x/mod.rs}, {@code src/x.rs} or {@code src/x/mod.rs}. Ours: an
 * {@code as} alias is cut, and a {@code crate::} path is first tried from the importing file's own
 * crate source directory (the nearest enclosing {@code src}), so workspace crates resolve.
 */
final class RustImportResolver {

    private final Set<String> known;

    RustImportResolver(Set<String> known) {
        this.known = known;
    }

    List<String> resolve(String specifier, String from) {
        String path = specifier;
        int brace = path.indexOf('{');
        if (brace >= 0) {
            path = path.substring(0, brace);
        }
        int alias = path.indexOf(" as ");
        if (alias >= 0) {
            path = path.substring(0, alias);
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("::", -1)) {
            String s = segment.strip();
            if (!s.isEmpty() && !s.equals("crate") && !s.equals("self") && !s.equals("super")) {
                segments.add(s);
            }
        }
        if (segments.isEmpty()) {
            return List.of();
        }
        String crateSource = specifier.strip().startsWith("crate::") ? crateSource(from) : "";
        for (int drop = 0; drop <= 1 && drop < segments.size(); drop++) {
            List<String> module = segments.subList(0, segments.size() - drop);
            if (!crateSource.isEmpty()) {
                @Nullable String found = lookup(crateSource + "/" + String.join("/", module), false);
                if (found != null) {
                    return List.of(found);
                }
            }
            for (int start = 0; start < module.size(); start++) {
                @Nullable String found = lookup(String.join("/", module.subList(start, module.size())), true);
                if (found != null) {
                    return List.of(found);
                }
            }
        }
        return List.of();
    }

    private @Nullable String lookup(String base, boolean underSrc) {
        for (String candidate : underSrc
                ? List.of(base + ".rs", base + "/mod.rs", "src/" + base + ".rs", "src/" + base + "/mod.rs")
                : List.of(base + ".rs", base + "/mod.rs")) {
            if (known.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The directory up to the last {@code src} segment of {@code from}'s directory, or {@code ""}. */
    private static String crateSource(String from) {
        String[] segments = SlashPaths.directory(from).split("/", -1);
        for (int i = segments.length - 1; i >= 0; i--) {
            if (segments[i].equals("src")) {
                return String.join("/", java.util.Arrays.asList(segments).subList(0, i + 1));
            }
        }
        return "";
    }
}
