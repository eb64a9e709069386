package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * JavaScript and TypeScript specifiers, the reference's way: only relative ones ({@code ./x},
 * {@code ../x}) resolve, against the importing file's directory; a source extension is stripped,
 * then the path is tried as is, with {@code .ts .tsx .js .jsx .mjs .cjs}, and as a directory with
 * {@code index} and those extensions. Bare (package) specifiers never resolve. Ours, not the
 * reference's: {@code /x} is taken from the repository root (the reference read it from the
 * importing directory), a specifier climbing above the root resolves to nothing, {@code .cjs} is
 * tried too, and {@code "."} finds {@code index.*} at the root.
 */
final class JsImportResolver {

    private static final List<String> EXTENSIONS = List.of("", ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs");
    private static final List<String> STRIPPED = List.of(".tsx", ".jsx", ".mjs", ".cjs", ".ts", ".js");

    private final Set<String> known;

    JsImportResolver(Set<String> known) {
        this.known = known;
    }

    List<String> resolve(String specifier, String from) {
        if (!specifier.startsWith(".") && !specifier.startsWith("/")) {
            return List.of();
        }
        @Nullable String base = SlashPaths.normalise(specifier.startsWith("/") ? specifier
                : SlashPaths.directory(from) + "/" + specifier);
        if (base == null) {
            return List.of();
        }
        for (String extension : STRIPPED) {
            if (base.endsWith(extension)) {
                base = base.substring(0, base.length() - extension.length());
                break;
            }
        }
        if (!base.isEmpty()) {
            for (String extension : EXTENSIONS) {
                if (known.contains(base + extension)) {
                    return List.of(base + extension);
                }
            }
        }
        for (String extension : EXTENSIONS) {
            String index = SlashPaths.join(base, "index" + extension);
            if (known.contains(index)) {
                return List.of(index);
            }
        }
        return List.of();
    }
}
