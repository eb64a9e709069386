package io.agentfactory.sdk.codeintel;

import java.util.Set;

/**
 * Finds the declarations, imports and exports of one language in a file's text. Implementations are
 * pure CPU work: no I/O, thread-safe, and total (malformed source yields fewer symbols, never an
 * exception).
 */
public interface Extractor {

    /** The language tag this extractor reports, for example {@code "go"}. */
    String language();

    /** The lowercase file extensions, with the dot, it handles, for example {@code ".go"}. */
    Set<String> extensions();

    /**
     * Extracts the symbols of {@code source}.
     *
     * @param source the file's text
     * @param filePath the file's path relative to the repository root, copied into each symbol
     */
    FileSymbols extract(String source, String filePath);
}
