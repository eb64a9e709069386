package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.agentfactory.sdk.codeintel.Extractor;
import io.agentfactory.sdk.codeintel.FileSymbols;
import io.agentfactory.sdk.codeintel.Symbol;
import io.agentfactory.sdk.codeintel.SymbolKind;

/**
 * TypeScript and JavaScript ({@code .ts .tsx .js .jsx .mjs .cjs}), line by line with the reference's
 * patterns: static, dynamic and re-export imports; function declarations, arrow functions and
 * function expressions assigned to {@code const}/{@code let}/{@code var} (an arrow with a return-type
 * annotation counts as a variable, as in the reference); classes with their methods and properties;
 * interfaces, type aliases, enums, variables and decorators. Like the reference, every line is read, so
 * a {@code const} inside a function body is reported as a variable too. A {@code /** ... *&#47;} block directly
 * above is the documentation; an {@code export} prefix makes a symbol exported.
 */
public final class TypeScriptExtractor implements Extractor {

    private static final Pattern IMPORT = Pattern.compile(
            "^import\\s+(?:(?:type\\s+)?(?:\\{[^}]*\\}|[\\w*]+(?:\\s+as\\s+\\w+)?)\\s+from\\s+)?['\"]([^'\"]+)['\"]", Pattern.DOTALL);
    private static final Pattern DYNAMIC_IMPORT = Pattern.compile("import\\(['\"]([^'\"]+)['\"]\\)");
    private static final Pattern EXPORT_PREFIX = Pattern.compile("^export\\s+(?:default\\s+)?");
    private static final Pattern FUNCTION = Pattern.compile("^(?:async\\s+)?function\\s*\\*?\\s+(\\w+)");
    private static final Pattern ARROW = Pattern.compile(
            "^(?:const|let|var)\\s+(\\w+)\\s*(?::\\s*[^=]+)?\\s*=\\s*(?:async\\s+)?(?:\\([^)]*\\)|[^=])\\s*=>");
    private static final Pattern FUNCTION_EXPRESSION = Pattern.compile(
            "^(?:const|let|var)\\s+(\\w+)\\s*(?::\\s*[^=]+)?\\s*=\\s*(?:async\\s+)?function");
    private static final Pattern CLASS = Pattern.compile("^(?:abstract\\s+)?class\\s+(\\w+)");
    private static final Pattern INTERFACE = Pattern.compile("^interface\\s+(\\w+)");
    private static final Pattern TYPE_ALIAS = Pattern.compile("^type\\s+(\\w+)");
    private static final Pattern ENUM = Pattern.compile("^(?:const\\s+)?enum\\s+(\\w+)");
    private static final Pattern VARIABLE = Pattern.compile("^(?:const|let|var)\\s+(\\w+)\\s*(?::\\s*[^=]+)?\\s*=");
    private static final Pattern DECORATOR = Pattern.compile("^@(\\w+)");
    private static final Pattern RE_EXPORT = Pattern.compile("^export\\s+\\{([^}]+)\\}\\s+from\\s+['\"]([^'\"]+)['\"]");
    private static final Pattern RE_EXPORT_ALL = Pattern.compile("^export\\s+\\*\\s+from\\s+['\"]([^'\"]+)['\"]");
    private static final Pattern CLASS_METHOD = Pattern.compile(
            "^(?:(?:public|private|protected|static|async|abstract|override|readonly)\\s+)*(\\w+)\\s*(?:<[^>]*)?\\(");
    private static final Pattern CLASS_PROPERTY = Pattern.compile(
            "^(?:(?:public|private|protected|static|readonly|abstract|override)\\s+)*(\\w+)\\s*[?!]?\\s*[:=]");
    private static final Pattern RETURN_TYPE = Pattern.compile("^\\s*:\\s*([^{]+)");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Set<String> CONTROL_KEYWORDS = Set.of("if", "for", "while", "switch", "return", "new");
    private static final Set<String> JAVASCRIPT = Set.of(".js", ".jsx", ".mjs", ".cjs");

    @Override
    public String language() {
        return "typescript";
    }

    @Override
    public Set<String> extensions() {
        return Set.of(".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs");
    }

    /** The tag a file's symbols get: {@code javascript} for the JavaScript extensions, else {@code typescript}. */
    static String languageOf(String filePath) {
        return JAVASCRIPT.contains(extension(filePath)) ? "javascript" : "typescript";
    }

    @Override
    public FileSymbols extract(String source, String filePath) {
        String language = languageOf(filePath);
        String[] lines = SourceLines.split(source);
        SymbolCollector found = new SymbolCollector();
        String doc = "";
        boolean inBlockComment = false;
        int offset = 0;
        for (int i = 0; i < lines.length; offset += lines[i].length() + 1, i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.startsWith("/**")) {
                int close = source.indexOf("*/", offset);
                if (close >= 0) {
                    doc = source.substring(offset, close + 2).strip();
                }
                if (!trimmed.contains("*/")) {
                    inBlockComment = true;
                }
                continue;
            }
            if (inBlockComment) {
                if (trimmed.contains("*/")) {
                    inBlockComment = false;
                }
                continue;
            }
            if (trimmed.startsWith("//") || trimmed.startsWith("/*") || trimmed.isEmpty()) {
                continue;
            }
            if (SourceLines.tooLongToDeclare(trimmed)) {
                doc = "";
                continue;
            }
            Matcher m = IMPORT.matcher(trimmed);
            if (m.find()) {
                found.imported(m.group(1));
                continue;
            }
            m = DYNAMIC_IMPORT.matcher(trimmed);
            if (m.find()) {
                found.imported(m.group(1)); // the line may declare something too
            }
            boolean exported = trimmed.startsWith("export ");
            String effective = exported ? EXPORT_PREFIX.matcher(trimmed).replaceFirst("") : trimmed;
            Declared declared = new Declared(filePath, i, exported, doc, language, found);

            if ((m = FUNCTION.matcher(effective)).find()) {
                declared.add(m.group(1), SymbolKind.FUNCTION, signature(effective),
                        functionEnd(lines, i, 0));
            } else if ((m = ARROW.matcher(effective)).find()) {
                int arrow = effective.indexOf("=>");
                int rawArrow = line.indexOf("=>");
                // Only a block body has an extent. The reference scans on after an expression body and can
                // borrow the next statement's brace; a body must open right after the arrow.
                boolean block = rawArrow >= 0 && line.substring(rawArrow + 2).strip().startsWith("{");
                declared.add(m.group(1), SymbolKind.FUNCTION, arrow > 0 ? effective.substring(0, arrow).strip() : "",
                        block ? functionEnd(lines, i, rawArrow + 2) : 0);
            } else if ((m = FUNCTION_EXPRESSION.matcher(effective)).find()) {
                declared.add(m.group(1), SymbolKind.FUNCTION, "", functionEnd(lines, i, 0));
            } else if ((m = CLASS.matcher(effective)).find()) {
                int close = typeBodyEnd(lines, i);
                declared.add(m.group(1), SymbolKind.CLASS, effective.split("\\{", 2)[0].strip(), close + 1);
                classMembers(lines, i, close, filePath, m.group(1), language, found);
            } else if ((m = INTERFACE.matcher(effective)).find()) {
                declared.add(m.group(1), SymbolKind.INTERFACE, effective.split("\\{", 2)[0].strip(),
                        typeBodyEnd(lines, i) + 1);
            } else if ((m = TYPE_ALIAS.matcher(effective)).find()) {
                declared.add(m.group(1), SymbolKind.TYPE, "", 0);
            } else if ((m = ENUM.matcher(effective)).find()) {
                declared.add(m.group(1), SymbolKind.ENUM, "", 0);
            } else if ((m = VARIABLE.matcher(effective)).find()) {
                declared.add(m.group(1), SymbolKind.VARIABLE, "", 0);
            } else {
                if ((m = DECORATOR.matcher(trimmed)).find()) {
                    found.declared(new Symbol(m.group(1), SymbolKind.DECORATOR, filePath, i + 1, 0, "", "", false, "", language));
                    continue;
                }
                if ((m = RE_EXPORT.matcher(trimmed)).find()) {
                    found.imported(m.group(2));
                    for (String part : m.group(1).split(",", -1)) {
                        String[] words = WHITESPACE.split(part.strip(), -1);
                        found.exported(words[words.length - 1].strip());
                    }
                    continue;
                }
                if ((m = RE_EXPORT_ALL.matcher(trimmed)).find()) {
                    found.imported(m.group(1));
                    continue;
                }
                if (!trimmed.startsWith("*")) {
                    doc = "";
                }
                continue;
            }
            doc = "";
        }
        return found.result(filePath, language);
    }

    /** Adds one top-level declaration of the current line. */
    private record Declared(String filePath, int index, boolean exported, String doc, String language, SymbolCollector found) {

        void add(String name, SymbolKind kind, String signature, int endLine) {
            found.declared(new Symbol(name, kind, filePath, index + 1, endLine, signature.strip(), doc, exported, "", language));
        }
    }

    private static void classMembers(String[] lines, int start, int end, String filePath, String className, String language,
            SymbolCollector out) {
        for (int i = start + 1; i <= end && i < lines.length; i++) {
            String trimmed = lines[i].strip();
            if (trimmed.equals("{") || trimmed.equals("}") || trimmed.isEmpty() || SourceLines.tooLongToDeclare(trimmed)) {
                continue;
            }
            Matcher m = CLASS_METHOD.matcher(trimmed);
            if (m.find() && !CONTROL_KEYWORDS.contains(m.group(1))) {
                out.declared(new Symbol(m.group(1), SymbolKind.METHOD, filePath, i + 1, functionEnd(lines, i, 0), "", "", false,
                        className, language));
                continue;
            }
            m = CLASS_PROPERTY.matcher(trimmed);
            if (m.find() && !CONTROL_KEYWORDS.contains(m.group(1))) {
                out.declared(new Symbol(m.group(1), SymbolKind.PROPERTY, filePath, i + 1, 0, "", "", false, className, language));
            }
        }
    }

    /** The compact signature: through the first {@code )}, plus a return-type annotation when present. */
    static String signature(String line) {
        int parenEnd = line.indexOf(')');
        if (parenEnd < 0) {
            int brace = line.indexOf('{');
            return brace < 0 ? line.strip() : line.substring(0, brace).strip();
        }
        Matcher m = RETURN_TYPE.matcher(line.substring(parenEnd + 1));
        String head = line.substring(0, parenEnd + 1).strip();
        return m.find() ? head + ": " + m.group(1).strip() : head;
    }

    private static int functionEnd(String[] lines, int start, int column) {
        return SourceLines.endLine(BlockScanner.closingLine(lines, start, BlockScanner.Dialect.TYPESCRIPT,
                BlockScanner.Options.FUNCTION.fromColumn(column)));
    }

    /** The 0-based closing line of a class or interface body; the reference's estimate of 100 lines when not found. */
    private static int typeBodyEnd(String[] lines, int start) {
        int close = BlockScanner.closingLine(lines, start, BlockScanner.Dialect.TYPESCRIPT, BlockScanner.Options.TYPE_BODY);
        return close >= 0 ? close : Math.min(start + 100, lines.length - 1);
    }

    private static String extension(String filePath) {
        int slash = filePath.lastIndexOf('/');
        int dot = filePath.lastIndexOf('.');
        return dot > slash ? filePath.substring(dot).toLowerCase(Locale.ROOT) : "";
    }
}
