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
 * Java, line by line: {@code import} (and {@code import static}) names; classes, records (as
 * classes), interfaces, annotation types (as interfaces) and enums, nested ones with their parent;
 * the methods, constructors and fields declared directly in a type body, with the type as parent.
 * A Javadoc block directly above (annotations may come between) is the documentation. Exported
 * means {@code public}, or a member of an interface. Types and method bodies get their closing line;
 * abstract and interface methods (ending in {@code ;}) do not.
 *
 * <p>Known limits of a line scanner: a declaration must start on one line (its parameters may wrap);
 * members of anonymous and local classes are not reported.
 */
public final class JavaExtractor implements Extractor {

    private static final String ANNOTATIONS = "(?:@[\\w.]+(?:\\([^)]*\\))?\\s+)*";
    private static final String MODIFIERS =
            "((?:(?:public|protected|private|abstract|static|final|sealed|non-sealed|strictfp|default|synchronized|native"
                    + "|transient|volatile)\\s+)*)";
    private static final String TYPE_REF = "([\\w$.]+(?:<[^()]*>)?(?:\\[\\])*)";
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.*]+)\\s*;");
    private static final Pattern TYPE = Pattern.compile(
            "^" + ANNOTATIONS + MODIFIERS + "(class|interface|enum|record|@interface)\\s+(\\w+)");
    private static final Pattern METHOD = Pattern.compile(
            "^" + ANNOTATIONS + MODIFIERS + "(?:<[^()]*>\\s+)?" + TYPE_REF + "\\s+(\\w+)\\s*\\(");
    private static final Pattern CONSTRUCTOR = Pattern.compile("^" + ANNOTATIONS + MODIFIERS + "(?:<[^()]*>\\s+)?(\\w+)\\s*\\(");
    private static final Pattern FIELD = Pattern.compile("^" + ANNOTATIONS + MODIFIERS + TYPE_REF + "\\s+(\\w+)\\s*(?:=|;|,)");
    private static final Pattern INITIALIZER = Pattern.compile("^(?:static\\s*)?\\{");
    private static final Pattern ANNOTATION_LINE = Pattern.compile("^@[\\w.]+(?:\\(.*\\))?$");
    /** Words a type reference cannot be: statements, and modifiers (so a constructor is not read as a method). */
    private static final Set<String> NOT_TYPES = Set.of("return", "new", "throw", "else", "case", "yield", "package", "import",
            "assert", "break", "continue", "do", "goto", "public", "protected", "private", "abstract", "static", "final", "sealed",
            "strictfp", "default", "synchronized", "native", "transient", "volatile");

    @Override
    public String language() {
        return "java";
    }

    @Override
    public Set<String> extensions() {
        return Set.of(".java");
    }

    @Override
    public FileSymbols extract(String source, String filePath) {
        return JvmLineScan.extract(source, filePath, language(), IMPORT, ANNOTATION_LINE,
                (lines, i, trimmed, comments, scope) -> declaration(lines, i, trimmed, filePath, comments, scope));
    }

    private @Nullable Symbol declaration(String[] lines, int i, String trimmed, String filePath, JvmComments comments,
            JvmDeclarations scope) {
        JvmDeclarations.OpenType enclosing = scope.enclosing();
        boolean inInterface = enclosing != null && enclosing.kind() == SymbolKind.INTERFACE;
        Matcher m = TYPE.matcher(trimmed);
        if (m.find()) {
            SymbolKind kind = switch (m.group(2)) {
                case "interface", "@interface" -> SymbolKind.INTERFACE;
                case "enum" -> SymbolKind.ENUM;
                default -> SymbolKind.CLASS;
            };
            int close = BlockScanner.closingLine(lines, i, BlockScanner.Dialect.JVM, BlockScanner.Options.TYPE_BODY);
            Symbol symbol = new Symbol(m.group(3), kind, filePath, i + 1, SourceLines.endLine(close), signature(trimmed),
                    comments.take(), isPublic(m.group(1), inInterface), scope.parentName(), language());
            if (close >= 0) {
                scope.openType(m.group(3), kind, close);
            }
            return symbol;
        }
        if (enclosing == null) {
            return null;
        }
        if (INITIALIZER.matcher(trimmed).find()) {
            scope.skipBody(BlockScanner.closingLine(lines, i, BlockScanner.Dialect.JVM, BlockScanner.Options.FUNCTION));
            return null;
        }
        m = METHOD.matcher(trimmed);
        boolean method = m.find() && !NOT_TYPES.contains(m.group(2));
        if (!method) {
            m = CONSTRUCTOR.matcher(trimmed);
            method = m.find() && m.group(2).equals(enclosing.name());
        }
        if (method) {
            String name = m.group(m.groupCount());
            int close = BlockScanner.closingLine(lines, i, BlockScanner.Dialect.JVM, BlockScanner.Options.FUNCTION);
            if (close >= 0) {
                scope.skipBody(close);
            }
            return new Symbol(name, SymbolKind.METHOD, filePath, i + 1, SourceLines.endLine(close), signature(trimmed),
                    comments.take(), isPublic(m.group(1), inInterface), enclosing.name(), language());
        }
        m = FIELD.matcher(trimmed);
        if (m.find() && !NOT_TYPES.contains(m.group(2))) {
            return new Symbol(m.group(3), SymbolKind.PROPERTY, filePath, i + 1, 0, "", comments.take(),
                    isPublic(m.group(1), inInterface), enclosing.name(), language());
        }
        return null;
    }

    private static boolean isPublic(String modifiers, boolean inInterface) {
        return modifiers.contains("public") || inInterface && !modifiers.contains("private");
    }

    /** The declaration up to its body or terminator, annotations dropped. */
    private static String signature(String trimmed) {
        String text = trimmed.replaceFirst("^" + ANNOTATIONS, "");
        int end = text.length();
        for (char stop : new char[] {'{', ';'}) {
            int at = text.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return text.substring(0, end).strip();
    }
}
