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
