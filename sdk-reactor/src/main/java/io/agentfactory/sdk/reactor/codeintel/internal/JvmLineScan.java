package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.codeintel.FileSymbols;
import io.agentfactory.sdk.codeintel.Symbol;

/**
 * The line loop the Java and Kotlin extractors share: comment and doc tracking, imports, annotation
 * lines (which keep the pending doc), the enclosing-type scope and skipped member bodies; each
 * language reads its own declarations.
 */
final class JvmLineScan {

    /** Reads the declaration on one line, or returns {@code null}. */
    @FunctionalInterface
    interface DeclarationReader {
        @Nullable Symbol read(String[] lines, int index, String trimmed, JvmComments comments, JvmDeclarations scope);
    }

    private JvmLineScan() {
    }

    static FileSymbols extract(String source, String filePath, String language, Pattern importLine, Pattern annotationLine,
            DeclarationReader declarations) {
        String[] lines = SourceLines.split(source);
        SymbolCollector found = new SymbolCollector();
        JvmComments comments = new JvmComments();
        JvmDeclarations scope = new JvmDeclarations();
        int offset = 0;
        for (int i = 0; i < lines.length; offset += lines[i].length() + 1, i++) {
            String trimmed = lines[i].strip();
            if (scope.enter(i) || comments.consume(trimmed, source, offset)) {
                continue;
            }
            if (SourceLines.tooLongToDeclare(trimmed)) {
                comments.clear();
                continue;
            }
            Matcher m = importLine.matcher(trimmed);
            if (m.find()) {
                found.imported(m.group(1));
                continue;
            }
            if (annotationLine.matcher(trimmed).find()) {
                continue; // keeps the doc comment for the declaration below
            }
            Symbol symbol = declarations.read(lines, i, trimmed, comments, scope);
            if (symbol == null) {
                comments.clear();
            } else {
                found.declared(symbol);
            }
        }
        return found.result(filePath, language);
    }
}
