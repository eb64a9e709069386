package io.agentfactory.sdk.examples.bench;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A renamed, re-indented copy of a piece of code: what someone pasting and adapting it would
 * write, and what duplicate detection is for. The first {@code renames} identifiers in order of
 * first use (usually the declared name, then its parameters; keywords and names of one or two
 * characters left alone) get the suffix
 * {@code Alt} everywhere they occur as whole words; every leading indentation is doubled (tabs become four
 * spaces, so Python stays valid), a blank line follows the first line and every third line ends
 * in two spaces. Deterministic.
 */
final class RenamedCopy {

    static final String SUFFIX = "Alt";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> KEYWORDS = Set.of("abstract", "and", "any", "as", "async", "await", "bool",
            "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue", "data", "def", "default",
            "defer", "del", "do", "double", "elif", "else", "enum", "except", "export", "extends", "false", "False",
            "final", "finally", "float", "fn", "for", "from", "fun", "func", "function", "go", "if", "impl", "implements",
            "import", "in", "int", "interface", "is", "let", "long", "map", "match", "mod", "mut", "new", "nil", "None",
            "not", "null", "object", "or", "override", "package", "pass", "private", "protected", "pub", "public",
            "raise", "range", "record", "return", "self", "Self", "short", "static", "string", "String", "struct",
            "super", "switch", "this", "throw", "throws", "true", "True", "try", "type", "typeof", "use", "val", "var",
            "void", "when", "where", "while", "with", "yield");

    private RenamedCopy() {
    }

    /** The copy of {@code code} with its first {@code renames} identifiers renamed. */
    static String of(String code, int renames) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Matcher matcher = IDENTIFIER.matcher(code);
        while (matcher.find()) {
            String word = matcher.group();
            if (word.length() > 2 && !KEYWORDS.contains(word)) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        Set<String> renamed = new HashSet<>();
        counts.keySet().stream().limit(renames).forEach(renamed::add); // in order of first use
        StringBuilder swapped = new StringBuilder(code.length() + 32);
        matcher = IDENTIFIER.matcher(code);
        int at = 0;
        while (matcher.find()) {
            swapped.append(code, at, matcher.end());
            if (renamed.contains(matcher.group())) {
                swapped.append(SUFFIX);
            }
            at = matcher.end();
        }
        swapped.append(code.substring(at));
        List<String> lines = swapped.toString().lines().toList();
        StringBuilder out = new StringBuilder(swapped.length() * 2);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String body = line.stripLeading();
            String indent = line.substring(0, line.length() - body.length()).replace("\t", "    ");
            out.append(indent).append(indent).append(body);
            if (!body.isEmpty() && i % 3 == 2) {
                out.append("  ");
            }
            out.append('\n');
            if (i == 0) {
                out.append('\n');
            }
        }
        return out.toString();
    }
}
