package io.agentfactory.sdk.reactor.codeintel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.agentfactory.sdk.codeintel.Extractor;
import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.reactor.codeintel.internal.CodeIndexer;

/**
 * How a {@link ReactorCodeIntel} indexes: which extractors read which extensions, and the largest
 * file it reads. Immutable; every {@code with} method returns a new instance.
 *
 * @param extractors the extractors; a later one replaces an earlier one for the extensions they share
 * @param maxFileBytes files larger than this are left out of the index (counted as skipped)
 * @param persistent whether the index is persisted to and reopened from
 *        {@code <root>/.donmai/code-index/index.json} (on by default, like the reference)
 * @param rescoring how code search rescores its best hits ({@link Rescoring#none()}, off, by default)
 */
public record CodeIntelOptions(List<Extractor> extractors, long maxFileBytes, boolean persistent,
        Rescoring rescoring) {

    /** The default size limit: 4 MiB. */
    public static final long DEFAULT_MAX_FILE_BYTES = 4L * 1024 * 1024;

    /**
     * Checks the options.
     *
     * @throws InvalidArgumentException when there is no extractor or the size limit is not positive
     */
    public CodeIntelOptions {
        extractors = List.copyOf(extractors);
        Objects.requireNonNull(rescoring, "rescoring");
        if (extractors.isEmpty()) {
            throw new InvalidArgumentException("at least one extractor is required");
        }
        if (maxFileBytes <= 0) {
            throw new InvalidArgumentException("maxFileBytes must be > 0: " + maxFileBytes);
        }
    }

    /** Options with persistence on. */
    public CodeIntelOptions(List<Extractor> extractors, long maxFileBytes) {
        this(extractors, maxFileBytes, true);
    }

    /** Options without rescoring. */
    public CodeIntelOptions(List<Extractor> extractors, long maxFileBytes, boolean persistent) {
        this(extractors, maxFileBytes, persistent, Rescoring.none());
    }

    /**
     * The extractors for Go, TypeScript/JavaScript, Python, Rust, Java and Kotlin, and the 4 MiB limit.
     * Java is read by a parser when {@code com.github.javaparser:javaparser-core} is on the class or
     * module path, else (and for a file that does not parse) by the regex extractor; Kotlin likewise by
     * tree-sitter when {@code io.github.bonede:tree-sitter} and {@code tree-sitter-kotlin} are present and
     * their natives load; the others by regular expressions and line scanning.
     */
    public static CodeIntelOptions defaults() {
        return new CodeIntelOptions(CodeIndexer.defaultExtractors(), DEFAULT_MAX_FILE_BYTES);
    }

    /** Like {@link #defaults()}, but always the regex and line-scanner extractors, even when a parser is present. */
    public static CodeIntelOptions regexOnly() {
        return new CodeIntelOptions(CodeIndexer.regexExtractors(), DEFAULT_MAX_FILE_BYTES);
    }

    /** These options plus {@code extractor}, which takes over its extensions. */
    public CodeIntelOptions withExtractor(Extractor extractor) {
        Objects.requireNonNull(extractor, "extractor");
        List<Extractor> more = new ArrayList<>(extractors);
        more.add(extractor);
        return new CodeIntelOptions(more, maxFileBytes, persistent, rescoring);
    }

    /** These options with another size limit. */
    public CodeIntelOptions withMaxFileBytes(long limit) {
        return new CodeIntelOptions(extractors, limit, persistent, rescoring);
    }

    // --- persistence ---

    /** These options with the persisted index on or off ({@code false}: memory only, nothing written). */
    public CodeIntelOptions withPersistence(boolean on) {
        return new CodeIntelOptions(extractors, maxFileBytes, on, rescoring);
    }

    // --- rescoring ---

    /**
     * These options with {@code rescoring} for {@link ReactorCodeIntel#searchCode}; for example
     * {@code withRescoring(Rescoring.fromEnvironment(System.getenv()))}.
     */
    public CodeIntelOptions withRescoring(Rescoring rescoring) {
        return new CodeIntelOptions(extractors, maxFileBytes, persistent, rescoring);
    }
}
