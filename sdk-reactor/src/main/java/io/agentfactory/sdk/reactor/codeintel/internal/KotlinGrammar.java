package io.agentfactory.sdk.reactor.codeintel.internal;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treesitter.TSLanguage;
import org.treesitter.TSParser;

/**
 * The tree-sitter Kotlin grammar, loaded at most once per class loader. Loading initialises the
 * tree-sitter runtime and the grammar class, whose static initialisers copy their bundled native
 * libraries to temporary files (deleted on exit; or take them from the directory named by the
 * {@code tree-sitter-lib} system property, when they are there) and {@code System.load} them: file
 * I/O, so {@link #load()} must run on a thread that may block ({@code boundedElastic}), never on
 * {@code parallel()}. Any failure ({@link UnsatisfiedLinkError} for a platform without a bundled
 * library or a library that does not link, an unwritable temporary directory, a grammar ABI the runtime
 * rejects, ...) is remembered, logged once, and means Kotlin is read by the regex extractor. Only load
 * this class when tree-sitter is present ({@link ParserPresence#treeSitterKotlin()}).
 */
final class KotlinGrammar {

    private static final Logger log = LoggerFactory.getLogger(KotlinGrammar.class);

    private static volatile boolean tried;
    private static volatile @Nullable TSLanguage language;
    private static volatile String failure = "";

    private KotlinGrammar() {
    }

    /**
     * Loads the natives and the grammar on the first call (blocking file I/O), then answers from memory.
     *
     * @return whether the grammar is usable
     */
    static synchronized boolean load() {
        if (!tried) {
            try {
                ClassLoader loader = KotlinGrammar.class.getClassLoader();
                Class.forName(ParserPresence.TREE_SITTER_CLASS, true, loader); // the runtime's native library first
                TSLanguage kotlin = (TSLanguage) Class.forName(ParserPresence.KOTLIN_GRAMMAR_CLASS, true, loader)
                        .getConstructor().newInstance();
                try (TSParser parser = new TSParser()) {
                    if (!parser.setLanguage(kotlin)) {
                        throw new IllegalStateException("the tree-sitter runtime rejects the Kotlin grammar's ABI version "
                                + kotlin.abiVersion());
                    }
                }
                language = kotlin; // kept for the life of the class loader, shared by every parser (it is immutable)
            } catch (Throwable e) { // UnsatisfiedLinkError, ExceptionInInitializerError, ReflectiveOperationException, ...
                Throwable cause = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
                failure = cause.getClass().getName() + ": " + cause.getMessage();
                log.warn("The tree-sitter Kotlin grammar did not load, Kotlin is read by the regex extractor: {}", failure);
            } finally {
                tried = true;
            }
        }
        return language != null;
    }

    /** Whether {@link #load()} has been called (it never throws, so it then either loaded or failed). */
    static boolean tried() {
        return tried;
    }

    /** The loaded grammar, or {@code null} before {@link #load()} or when it failed. */
    static @Nullable TSLanguage language() {
        return language;
    }

    /** Why loading failed ({@code "Class: message"}), or {@code ""}. */
    static String failure() {
        return failure;
    }
}
