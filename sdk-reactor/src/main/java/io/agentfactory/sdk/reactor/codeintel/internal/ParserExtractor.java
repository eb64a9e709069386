package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.codeintel.Extractor;
import io.agentfactory.sdk.codeintel.FileSymbols;

/**
 * An extractor that reads a language with a real parser and leaves to that language's line scanner
 * whatever the parser does not read: a file longer than {@link #MAX_PARSED_CHARS} (a parse holds
 * some tens of bytes per source character), a file that does not parse, and any parser failure,
 * stack overflows included. Language and extensions are the line scanner's. Not API.
 */
public abstract class ParserExtractor implements Extractor {

    /** Longer sources are read by the line scanner: 256 Ki characters. */
    public static final int MAX_PARSED_CHARS = 256 * 1024;

    private final Extractor fallback;

    protected ParserExtractor(Extractor fallback) {
        this.fallback = fallback;
    }

    @Override
    public final String language() {
        return fallback.language();
    }

    @Override
    public final Set<String> extensions() {
        return fallback.extensions();
    }

    /** The symbols of {@code source}: the parser's, or the line scanner's when the parser does not read it. */
    @Override
    public final FileSymbols extract(String source, String filePath) {
        @Nullable FileSymbols parsed = null;
        if (source.length() <= MAX_PARSED_CHARS) {
            try {
                parsed = parse(source, filePath);
            } catch (StackOverflowError | RuntimeException e) {
                parsed = null; // nesting too deep for the parser's recursion, or a parser defect
            }
        }
        return parsed != null ? parsed : fallback.extract(source, filePath);
    }

    /** The parser's symbols of {@code source}, or {@code null} when it does not parse (or cannot be parsed now). */
    protected abstract @Nullable FileSymbols parse(String source, String filePath);
}
