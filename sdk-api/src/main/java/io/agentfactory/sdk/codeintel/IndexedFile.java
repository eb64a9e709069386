package io.agentfactory.sdk.codeintel;

import java.util.List;
import java.util.Objects;

/**
 * One file of the index.
 *
 * @param path the path relative to the repository root, with {@code /} separators
 * @param language the language tag of the extractor that read it
 * @param gitHash git's blob id of the file's bytes (what {@code git hash-object} prints)
 * @param symbols the declarations, in source order
 * @param imports the imported modules or paths as written
 * @param exports the names the file exports
 */
public record IndexedFile(String path, String language, String gitHash, List<Symbol> symbols, List<String> imports,
        List<String> exports) {

    /** Copies the lists; rejects nulls. */
    public IndexedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(gitHash, "gitHash");
        symbols = List.copyOf(symbols);
        imports = List.copyOf(imports);
        exports = List.copyOf(exports);
    }
}
