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
 * Go, line by line with the reference's patterns: imports (single and block), functions and methods
 * (the receiver type is the parent), struct, interface and other type declarations, single
 * {@code var}/{@code const}; {@code //} lines directly above are the documentation; exported means
 * an upper-case first letter; function bodies get their closing line.
 */
public final class GoExtractor implements Extractor {

    private static final Pattern IMPORT_SINGLE = Pattern.compile("^import\\s+\"([^\"]+)\"");
    private static final Pattern IMPORT_BLOCK = Pattern.compile("^import\\s*\\(");
    private static final Pattern IMPORT_PATH = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern FUNC = Pattern.compile("^func\\s+(?:\\((\\w+)\\s+\\*?(\\w+)\\)\\s+)?(\\w+)\\s*\\(");
    private static final Pattern STRUCT = Pattern.compile("^type\\s+(\\w+)\\s+struct\\b");
    private static final Pattern INTERFACE = Pattern.compile("^type\\s+(\\w+)\\s+interface\\b");
    private static final Pattern TYPE = Pattern.compile("^type\\s+(\\w+)\\s+(\\S+)");
    private static final Pattern VAR = Pattern.compile("^(?:var|const)\\s+(\\w+)");

    @Override
    public String language() {
        return "go";
    }

    @Override
    public Set<String> extensions() {
        return Set.of(".go");
    }

    @Override
    public FileSymbols extract(String source, String filePath) {
        String[] lines = SourceLines.split(source);
        SymbolCollector found = new SymbolCollector();
        DocLines doc = new DocLines("//");
        for (int i = 0; i < lines.length; i++) {
            String trimmed = lines[i].strip();
            if (doc.consume(trimmed)) {
                continue;
            }
            if (SourceLines.tooLongToDeclare(trimmed)) {
                doc.clear();
                continue;
            }
            Matcher m = IMPORT_SINGLE.matcher(trimmed);
            if (m.find()) {
                found.imported(m.group(1));
                continue;
            }
            if (IMPORT_BLOCK.matcher(trimmed).find()) {
                for (int j = i + 1; j < lines.length; j++) {
                    String inner = lines[j].strip();
                    if (inner.equals(")")) {
                        break;
                    }
                    Matcher path = IMPORT_PATH.matcher(inner);
                    if (path.find()) {
                        found.imported(path.group(1));
                    }
                }
                continue;
            }
            Symbol symbol = declaration(lines, i, trimmed, filePath, doc.text());
            if (symbol != null) {
                found.declared(symbol);
                doc.clear();
                continue;
            }
            if (!trimmed.isEmpty()) {
                doc.clear();
            }
        }
        return found.result(filePath, language());
    }

    private @Nullable Symbol declaration(String[] lines, int i, String trimmed, String filePath, String doc) {
        Matcher m = FUNC.matcher(trimmed);
        if (m.find()) {
            String receiver = m.group(2) == null ? "" : m.group(2);
            String name = m.group(3);
            int brace = trimmed.indexOf('{');
            String signature = brace >= 0 ? trimmed.substring(0, brace).strip() : trimmed;
            int end = SourceLines.endLine(BlockScanner.closingLine(lines, i, BlockScanner.Dialect.GO,
                    BlockScanner.Options.GO_DECLARATION));
            return new Symbol(name, receiver.isEmpty() ? SymbolKind.FUNCTION : SymbolKind.METHOD, filePath, i + 1, end,
                    signature, doc, isExported(name), receiver, language());
        }
        if ((m = STRUCT.matcher(trimmed)).find()) {
            return simple(m.group(1), SymbolKind.STRUCT, filePath, i, doc);
        }
        if ((m = INTERFACE.matcher(trimmed)).find()) {
            return simple(m.group(1), SymbolKind.INTERFACE, filePath, i, doc);
        }
        if ((m = TYPE.matcher(trimmed)).find() && !m.group(2).equals("struct") && !m.group(2).equals("interface")) {
            // The reference records no documentation for plain types and variables.
            return simple(m.group(1), SymbolKind.TYPE, filePath, i, "");
        }
        if ((m = VAR.matcher(trimmed)).find()) {
            return simple(m.group(1), SymbolKind.VARIABLE, filePath, i, "");
        }
        return null;
    }

    private Symbol simple(String name, SymbolKind kind, String filePath, int i, String doc) {
        return new Symbol(name, kind, filePath, i + 1, 0, "", doc, isExported(name), "", language());
    }

    static boolean isExported(String name) {
        return !name.isEmpty() && Character.isUpperCase(name.codePointAt(0));
    }
}
