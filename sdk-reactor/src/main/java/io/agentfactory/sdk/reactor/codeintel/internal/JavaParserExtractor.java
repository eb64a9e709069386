package io.agentfactory.sdk.reactor.codeintel.internal;


import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.codeintel.FileSymbols;

/**
 * Java, from a real syntax tree (JavaParser): the same symbols, kinds, exports and imports as
 * {@link JavaExtractor}, without the limits of a line scanner. Declarations may span lines (the
 * signature is then joined onto one line), generics nest, annotations may stand on their own lines,
 * text blocks and comments holding code-like text are not read as code, lambdas and anonymous class
 * members are not members, identifiers may be any Unicode letters, every declarator of a field
 * declaration is reported, and the closing line of every type and method body is exact. Local types
 * (declared inside a body) are reported too, with the enclosing named type as parent and never
 * exported, as are their members.
 *
 * <p>Total: a file that does not parse (a syntax error, a parser failure, or nesting deep enough to
 * overflow the stack), and a file longer than {@link #MAX_PARSED_CHARS} (a parse holds some tens of
 * bytes per source character, so huge generated files would crowd the heap), is read by the regex
 * {@link JavaExtractor} instead, so its result is that extractor's. Thread-safe: a parser (which is not thread-safe) is made for each file, which costs
 * less than the parse itself. Only load this class when JavaParser is on the class or module path
 * (see {@link ParserPresence}).
 */
public final class JavaParserExtractor extends ParserExtractor {

    /** A Java extractor falling back to {@link JavaExtractor}. */
    public JavaParserExtractor() {
        super(new JavaExtractor());
    }

    @Override
    protected @Nullable FileSymbols parse(String source, String filePath) {
        ParseResult<CompilationUnit> result = new JavaParser(configuration()).parse(source);
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            return null;
        }
        return new JavaTreeReader(filePath).read(result.getResult().get());
    }

    /**
     * No validation beyond the grammar (any Java version's code is read), comments attributed to the
     * declaration below them even across blank lines and annotations, tokens kept for signatures.
     */
    static ParserConfiguration configuration() {
        return new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
                .setAttributeComments(true)
                .setDoNotAssignCommentsPrecedingEmptyLines(false)
                .setIgnoreAnnotationsWhenAttributingComments(true)
                .setStoreTokens(true)
                .setLexicalPreservationEnabled(false);
    }
}
