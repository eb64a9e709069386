package io.agentfactory.sdk.codeintel;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A declaration found in a source file.
 *
 * @param name the declared name ({@code "Trait for Type"} for a Rust trait impl)
 * @param kind what it declares
 * @param filePath the file's path relative to the repository root, with {@code /} separators
 * @param line the 1-based line of the declaration keyword
 * @param endLine the 1-based line that closes the body, or {@code 0} when the extractor does not know it
 * @param signature the declaration's signature as written, or {@code ""}
 * @param documentation the doc comment directly above, or {@code ""}
 * @param exported whether the language's visibility rule makes it visible outside its module
 * @param parentName the enclosing type or receiver, or {@code ""}
 * @param language the language tag, for example {@code "go"} or {@code "java"}
 */
public record Symbol(String name, SymbolKind kind, String filePath, int line, int endLine, String signature,
        String documentation, boolean exported, String parentName, String language) {

    /** Checks the components: non-null, {@code line >= 1}, {@code endLine} 0 or at least {@code line}. */
    public Symbol {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(filePath, "filePath");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(documentation, "documentation");
        Objects.requireNonNull(parentName, "parentName");
        Objects.requireNonNull(language, "language");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1: " + line);
        }
        if (endLine != 0 && endLine < line) {
            throw new IllegalArgumentException("endLine " + endLine + " before line " + line);
        }
    }

    /** The 1-based closing line of the body, when the extractor found one. */
    public OptionalInt bodyEnd() {
        return endLine == 0 ? OptionalInt.empty() : OptionalInt.of(endLine);
    }
}
