package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.agentfactory.sdk.codeintel.Extractor;
import io.agentfactory.sdk.codeintel.FileSymbols;
import io.agentfactory.sdk.codeintel.Symbol;
import io.agentfactory.sdk.codeintel.SymbolKind;

/**
 * Python, line by line with the reference's patterns: the first module of each {@code import} or
 * {@code from ... import}; decorators; {@code def} (indented means method) and {@code class};
 * module-level assignments as variables. A single-line docstring seen before a declaration is its
 * documentation; a leading underscore means not exported. Lines are 1-based (the reference's v3
 * rule); bodies get no closing line.
 */
public final class PythonExtractor implements Extractor {

    private static final Pattern IMPORT = Pattern.compile("^(?:from\\s+(\\S+)\\s+)?import\\s+(.+)");
    private static final Pattern DECORATOR = Pattern.compile("^@(\\w+)");
    private static final Pattern FUNCTION = Pattern.compile("^(?:async\\s+)?def\\s+(\\w+)\\s*\\(");
    private static final Pattern CLASS = Pattern.compile("^class\\s+(\\w+)");
    private static final Pattern VARIABLE = Pattern.compile("^(\\w+)\\s*(?::\\s*\\w[^=]*)?\\s*=");

    @Override
    public String language() {
        return "python";
    }

    @Override
    public Set<String> extensions() {
        return Set.of(".py");
    }

    @Override
    public FileSymbols extract(String source, String filePath) {
        String[] lines = SourceLines.split(source);
        SymbolCollector found = new SymbolCollector();
        String docstring = "";
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            int line1 = i + 1;
            if (trimmed.startsWith("#") || SourceLines.tooLongToDeclare(trimmed)) {
                continue;
            }
            if (trimmed.startsWith("\"\"\"") || trimmed.startsWith("'''")) {
                String quote = trimmed.substring(0, 3);
                int close = trimmed.indexOf(quote, 3);
                if (close >= 0) {
                    docstring = trimmed.substring(3, close);
                }
                continue;
            }
            Matcher m = IMPORT.matcher(trimmed);
            if (m.find()) {
                String module = m.group(1);
                if (module == null) {
                    String first = m.group(2).split(",", 2)[0];
                    module = first.split(" as ", 2)[0].strip();
                }
                found.imported(module);
                continue;
            }
            if ((m = DECORATOR.matcher(trimmed)).find()) {
                found.declaredUnlisted(new Symbol(m.group(1), SymbolKind.DECORATOR, filePath, line1, 0, "", "", false, "", language()));
                continue;
            }
            int indent = indent(line);
            if ((m = FUNCTION.matcher(trimmed)).find()) {
                String name = m.group(1);
                boolean method = indent > 0;
                boolean exported = !name.startsWith("_");
                Symbol function = new Symbol(name, method ? SymbolKind.METHOD : SymbolKind.FUNCTION, filePath, line1, 0,
                        beforeColon(trimmed), docstring, exported, "", language());
                docstring = "";
                if (method) {
                    found.declaredUnlisted(function); // only top-level names are exports
                } else {
                    found.declared(function);
                }
                continue;
            }
            if ((m = CLASS.matcher(trimmed)).find()) {
                String name = m.group(1);
                boolean exported = !name.startsWith("_");
                found.declared(new Symbol(name, SymbolKind.CLASS, filePath, line1, 0, beforeColon(trimmed), docstring, exported, "",
                        language()));
                docstring = "";
                continue;
            }
            if (indent == 0 && (m = VARIABLE.matcher(trimmed)).find()) {
                String name = m.group(1);
                // Module-level variables are not listed as exports, as in the reference.
                found.declaredUnlisted(new Symbol(name, SymbolKind.VARIABLE, filePath, line1, 0, "", "", !name.startsWith("_"), "",
                        language()));
            }
        }
        return found.result(filePath, language());
    }

    private static String beforeColon(String trimmed) {
        int colon = trimmed.indexOf(':');
        return colon >= 0 ? trimmed.substring(0, colon) : trimmed;
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }
}
