package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Python module imports, the reference's way: {@code pkg.mod} is {@code pkg/mod.py} or
 * {@code pkg/mod/__init__.py}; a relative {@code .mod} starts in the importing file's directory and
 * each further dot climbs one level; an absolute import that does not resolve from the root is
 * retried without its leading segments, as in the reference. Ours: an absolute import is tried under
 * {@code src/} right after the root ({@code app.core} finds {@code src/app/core.py}; the reference
 * only found a trailing {@code core.py}), and a relative import climbing above the root resolves to
 * nothing (the reference stayed at the root).
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
        @Nullable String found = lookup(base);
        if (found == null) {
            found = lookup("src/" + base);
        }
        for (int slash = base.indexOf('/'); found == null && slash >= 0 && slash + 1 < base.length(); slash = base.indexOf('/', slash + 1)) {
            found = lookup(base.substring(slash + 1));
        }
        return found == null ? List.of() : List.of(found);
    }

    private @Nullable String lookup(String base) {
        if (!base.isEmpty() && known.contains(base + ".py")) {
            return base + ".py";
        }
        String init = SlashPaths.join(base, "__init__.py");
        return known.contains(init) ? init : null;
    }
}
