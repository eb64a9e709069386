package io.agentfactory.sdk.codeintel;

import java.util.List;
import java.util.Objects;

/**
 * What an {@link Extractor} found in one file.
 *
 * @param filePath the file's path relative to the repository root
 * @param language the language tag
 * @param symbols the declarations, in source order
 * @param imports the imported modules or paths as written, in source order
 * @param exports the names the file exports, in source order
 */
public record FileSymbols(String filePath, String language, List<Symbol> symbols, List<String> imports,
        List<String> exports) {

    /** Copies the lists; rejects nulls. */
    public FileSymbols {
        Objects.requireNonNull(filePath, "filePath");
        Objects.requireNonNull(language, "language");
        symbols = List.copyOf(symbols);
        imports = List.copyOf(imports);
        exports = List.copyOf(exports);
    }
}
