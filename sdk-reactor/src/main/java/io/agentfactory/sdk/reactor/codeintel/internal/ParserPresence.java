package io.agentfactory.sdk.reactor.codeintel.internal;

import org.jspecify.annotations.Nullable;

/**
 * Whether the optional parser libraries are on the SDK's class (or module) path: a class-presence
 * probe that loads without initialising, asked once and then remembered. Nothing here touches the
 * libraries' own code, so this class loads when they are absent.
 */
final class ParserPresence {

    /** The class whose presence means JavaParser can be used. */
    static final String JAVA_PARSER_CLASS = "com.github.javaparser.JavaParser";

    private static volatile @Nullable Boolean javaParser;

    private ParserPresence() {
    }

    /** Whether JavaParser is present for the SDK's class loader (probed on the first call). */
    static boolean javaParser() {
        Boolean known = javaParser;
        if (known == null) {
            known = present(JAVA_PARSER_CLASS, ParserPresence.class.getClassLoader());
            javaParser = known;
        }
        return known;
    }


    /** The tree-sitter runtime class (its static initialiser loads the native library, so it is never initialised here). */
    static final String TREE_SITTER_CLASS = "org.treesitter.TSParser";

    /** The Kotlin grammar class of {@code io.github.bonede:tree-sitter-kotlin}. */
    static final String KOTLIN_GRAMMAR_CLASS = "org.treesitter.TreeSitterKotlin";

    private static volatile @Nullable Boolean treeSitterKotlin;

    /**
     * Whether the tree-sitter runtime and its Kotlin grammar are present for the SDK's class loader (probed
     * on the first call, no native code loaded: whether the natives load is only known when they are
     * loaded, see {@link KotlinGrammar}).
     */
    static boolean treeSitterKotlin() {
        Boolean known = treeSitterKotlin;
        if (known == null) {
            ClassLoader loader = ParserPresence.class.getClassLoader();
            known = present(TREE_SITTER_CLASS, loader) && present(KOTLIN_GRAMMAR_CLASS, loader);
            treeSitterKotlin = known;
        }
        return known;
    }


    /** Whether {@code loader} finds {@code className}; the class is loaded, not initialised. */
    static boolean present(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
