package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Python module imports, the reference's way: {@code pkg.mod} is {@code pkg/mod.py} or
 * {@code pkg/mod/__init__.py}; a relative {@code .mod} starts in the importing file's directory and
 * each further dot climbs one level; an absolute import that does not resolve from the root is
 * retried without its leading segments (src layouts: {@code app.core} finds {@code src/app/core.py}
 * only through the trailing {@code core}, as in the reference). Ours: a relative import climbing
 * above the root resolves to nothing (the reference stayed at the root).
 */
final class PythonImportResolver {

    private final Set<String> known;

    PythonImportResolver(Set<String> known) {
        this.known = known;
    }

    List<String> resolve(String specifier, String from) {
        String module = specifier.strip();
        if (module.isEmpty()) {
            return List.of();
        }
        if (module.startsWith(".")) {
            int dots = 0;
            while (dots < module.length() && module.charAt(dots) == '.') {
                dots++;
            }
            String directory = SlashPaths.directory(from);
            for (int i = 1; i < dots; i++) {
                if (directory.isEmpty()) {
                    return List.of();
                }
                directory = SlashPaths.directory(directory);
            }
            String rest = module.substring(dots);
            @Nullable String found = lookup(rest.isEmpty() ? directory : SlashPaths.join(directory, rest.replace('.', '/')));
            return found == null ? List.of() : List.of(found);
        }
        String base = module.replace('.', '/');
        for (int start = 0; start >= 0; ) {
            @Nullable String found = start == base.length() ? null : lookup(base.substring(start));
            if (found != null) {
                return List.of(found);
            }
            int slash = base.indexOf('/', start);
            start = slash < 0 ? -1 : slash + 1;
        }
        return List.of();
    }

    private @Nullable String lookup(String base) {
        if (!base.isEmpty() && known.contains(base + ".py")) {
            return base + ".py";
        }
        String init = SlashPaths.join(base, "__init__.py");
        return known.contains(init) ? init : null;
    }
}
