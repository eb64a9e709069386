package io.agentfactory.sdk.reactor.codeintel.internal;


import org.jspecify.annotations.Nullable;
import org.treesitter.TSLanguage;

import reactor.core.scheduler.Schedulers;

import io.agentfactory.sdk.codeintel.FileSymbols;

/**
 * Kotlin ({@code .kt .kts}) from a real syntax tree (tree-sitter and its Kotlin grammar, see
 * {@link KotlinTreeReader}): the same symbols, kinds, exports and imports as {@link KotlinExtractor},
 * without the limits of a line scanner. Declarations may span lines (the signature is then joined onto
 * one line), generics nest, annotations with any arguments may stand on their own lines, string
 * templates and comments holding braces are not read as code, every variable of a destructuring
 * declaration and every primary-constructor property is reported, and extension properties get their
 * receiver as parent.
 *
 * <p>Total: a file whose tree has a syntax error (or that this grammar version does not accept), that
 * holds {@code NUL} characters or unpaired surrogates, that is longer than {@link #MAX_PARSED_CHARS},
 * or on which the binding fails, is read by the regex {@link KotlinExtractor} instead, so its result is
 * that extractor's; so is every file when the native libraries do not load (see {@link KotlinGrammar}).
 *
 * <p>The natives are loaded by {@link #prepare()}, which blocks on file I/O: the indexer calls it on
 * {@code boundedElastic} before it extracts on {@code parallel()}. Called directly on a non-blocking
 * thread before anything prepared it, {@link #extract} does not load them and returns the regex result.
 * Thread-safe: a parser (which is not) is made and closed for each file. Only load this class when
 * tree-sitter is on the class path ({@link ParserPresence#treeSitterKotlin()}).
 */
public final class KotlinTreeSitterExtractor extends ParserExtractor implements PreparedExtractor {

    /** A Kotlin extractor falling back to {@link KotlinExtractor}. */
    public KotlinTreeSitterExtractor() {
        super(new KotlinExtractor());
    }

    /**
     * Loads the tree-sitter natives and the Kotlin grammar once per class loader; blocking file I/O, so
     * call it where blocking is allowed. Never throws.
     *
     * @return whether files will be parsed (else the regex extractor reads them)
     */
    @Override
    public boolean prepare() {
        return KotlinGrammar.load();
    }

    @Override
    protected @Nullable FileSymbols parse(String source, String filePath) {
        @Nullable TSLanguage language = grammar();
        return language == null ? null : KotlinTreeReader.read(language, source, filePath);
    }

    private static @Nullable TSLanguage grammar() {
        if (!KotlinGrammar.tried() && (Schedulers.isInNonBlockingThread() || !KotlinGrammar.load())) {
            return null;
        }
        return KotlinGrammar.language();
    }
}
