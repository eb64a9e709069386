package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.codeintel.Extractor;
import io.agentfactory.sdk.codeintel.FileSymbols;
import io.agentfactory.sdk.codeintel.Symbol;
import io.agentfactory.sdk.codeintel.SymbolKind;

/**
 * Kotlin ({@code .kt .kts}), line by line: {@code import} names; classes (data, sealed, value, ...),
 * interfaces, enum classes, named objects, type aliases; functions (an extension function's receiver
 * type is its parent), and {@code val}/{@code var} (variables at top level, properties in a type).
 * A KDoc block directly above is the documentation. Exported means neither {@code private} nor
 * {@code internal} (Kotlin's default is public). Block bodies get their closing line; expression
 * bodies ({@code = ...}) and bodyless declarations do not.
 *
 * <p>Known limits of a line scanner: a declaration must start on one line; members of local and
 * anonymous objects inside a function body are not reported.
 */
public final class KotlinExtractor implements Extractor {

    private static final String ANNOTATIONS = "(?:@[\\w.:]+(?:\\([^)]*\\))?\\s+)*";
    private static final String MODIFIERS = "((?:(?:public|private|protected|internal|open|abstract|sealed|data|enum|annotation"
            + "|inner|value|inline|override|suspend|operator|infix|tailrec|external|const|lateinit|actual|expect|final|fun|companion)\\s+)*)";
    private static final Pattern IMPORT = Pattern.compile("^import\\s+([\\w.*`]+)");
    private static final Pattern TYPE = Pattern.compile("^" + ANNOTATIONS + MODIFIERS + "(class|interface|object)\\s+(\\w+)");
    private static final Pattern FUNCTION = Pattern.compile(
            "^" + ANNOTATIONS + MODIFIERS + "fun\\s+(?:<[^>]*>\\s*)?(?:([\\w.]+(?:<[^>]*>)?\\??)\\.)?(\\w+)\\s*\\(");
    private static final Pattern PROPERTY = Pattern.compile("^" + ANNOTATIONS + MODIFIERS + "(?:val|var)\\s+(\\w+)");
    private static final Pattern TYPE_ALIAS = Pattern.compile("^" + ANNOTATIONS + MODIFIERS + "typealias\\s+(\\w+)");
    private static final Pattern ANNOTATION_LINE = Pattern.compile("^@[\\w.:]+(?:\\(.*\\))?$");
    private static final Pattern INITIALIZER = Pattern.compile("^init\\s*\\{");

    @Override
    public String language() {
        return "kotlin";
    }

    @Override
    public Set<String> extensions() {
        return Set.of(".kt", ".kts");
    }

    @Override
    public FileSymbols extract(String source, String filePath) {
        return JvmLineScan.extract(source, filePath, language(), IMPORT, ANNOTATION_LINE,
                (lines, i, trimmed, comments, scope) -> declaration(lines, i, trimmed, filePath, comments, scope));
    }

    private @Nullable Symbol declaration(String[] lines, int i, String trimmed, String filePath, JvmComments comments,
            JvmDeclarations scope) {
        boolean inType = scope.enclosing() != null;
        Matcher m = TYPE.matcher(trimmed);
        if (m.find()) {
            String modifiers = m.group(1);
            SymbolKind kind = m.group(2).equals("interface") ? SymbolKind.INTERFACE
                    : modifiers.contains("enum") ? SymbolKind.ENUM : SymbolKind.CLASS;
            int close = BlockScanner.closingLine(lines, i, BlockScanner.Dialect.JVM, BlockScanner.Options.KOTLIN_TYPE);
            Symbol symbol = new Symbol(m.group(3), kind, filePath, i + 1, SourceLines.endLine(close), signature(trimmed),
                    comments.take(), isExported(modifiers), scope.parentName(), language());
            if (close >= 0) {
                scope.openType(m.group(3), kind, close);
            }
            return symbol;
        }
        if (inType && INITIALIZER.matcher(trimmed).find()) {
            scope.skipBody(BlockScanner.closingLine(lines, i, BlockScanner.Dialect.JVM, BlockScanner.Options.FUNCTION));
            return null;
        }
        if ((m = FUNCTION.matcher(trimmed)).find()) {
            String receiver = m.group(2) == null ? "" : m.group(2).replaceAll("<.*>|\\?$", "");
            String parent = receiver.isEmpty() ? scope.parentName() : receiver;
            int close = BlockScanner.closingLine(lines, i, BlockScanner.Dialect.JVM, BlockScanner.Options.KOTLIN_FUNCTION);
            if (close >= 0) {
                scope.skipBody(close);
            }
            return new Symbol(m.group(3), parent.isEmpty() ? SymbolKind.FUNCTION : SymbolKind.METHOD, filePath, i + 1,
                    SourceLines.endLine(close), signature(trimmed), comments.take(), isExported(m.group(1)), parent, language());
        }
        if ((m = PROPERTY.matcher(trimmed)).find()) {
            return new Symbol(m.group(2), inType ? SymbolKind.PROPERTY : SymbolKind.VARIABLE, filePath, i + 1, 0, "",
                    comments.take(), isExported(m.group(1)), scope.parentName(), language());
        }
        if ((m = TYPE_ALIAS.matcher(trimmed)).find()) {
            return new Symbol(m.group(2), SymbolKind.TYPE, filePath, i + 1, 0, "", comments.take(), isExported(m.group(1)),
                    scope.parentName(), language());
        }
        return null;
    }

    private static boolean isExported(String modifiers) {
        return !modifiers.contains("private") && !modifiers.contains("internal");
    }

    /** The declaration up to its block body or expression body, annotations dropped. */
    private static String signature(String trimmed) {
        String text = trimmed.replaceFirst("^" + ANNOTATIONS, "");
        int brace = text.indexOf('{');
        int equals = text.indexOf(" = ");
        int end = brace < 0 ? text.length() : brace;
        if (equals >= 0 && equals < end) {
            end = equals;
        }
        return text.substring(0, end).strip();
    }
}
