package io.agentfactory.sdk.examples.bench;

import java.util.List;
import java.util.Optional;

/**
 * The body of a declaration, read from the text by the benchmark itself (not by the extractors):
 * for brace languages from the declaration line to the brace that closes the first one opened
 * within ten lines (strings and comments are not special: a fixture-grade scanner); for Python
 * the declaration line and the more-indented (or blank) lines after it.
 */
final class CodeBodies {

    private static final int BRACE_LOOKAHEAD = 10;

    private CodeBodies() {
    }

    /** The lines {@code line} (1-based) through the body's end, when there is a body. */
    static Optional<List<String>> body(List<String> lines, int line, BenchLanguage language) {
        int start = line - 1;
        if (start < 0 || start >= lines.size()) {
            return Optional.empty();
        }
        int end = language == BenchLanguage.PYTHON ? indentedEnd(lines, start) : braceEnd(lines, start);
        return end < 0 ? Optional.empty() : Optional.of(List.copyOf(lines.subList(start, end + 1)));
    }

    private static int braceEnd(List<String> lines, int start) {
        int depth = 0;
        int parens = 0;
        boolean opened = false;
        for (int i = start; i < lines.size(); i++) {
            String text = lines.get(i);
            for (int c = 0; c < text.length(); c++) {
                char ch = text.charAt(c);
                if (ch == '(') {
                    parens++;
                }
                else if (ch == ')') {
                    parens--;
                }
                if (!opened && parens == 0 && (ch == ';' || ch == '=' && !arrowBlockFollows(text, c))) {
                    return -1; // a declaration without a body, or an expression body
                }
                if (ch == '{') {
                    depth++;
                    opened = true;
                }
                else if (ch == '}' && opened) {
                    depth--;
                    if (depth == 0) {
                        return i;
                    }
                }
            }
            if (!opened && i - start >= BRACE_LOOKAHEAD) {
                return -1;
            }
        }
        return -1;
    }

    /** Whether {@code =} at {@code at} is an operator or starts an arrow function (then {@code =>} and its block). */
    private static boolean arrowBlockFollows(String text, int at) {
        if (at > 0 && "=!<>+-*/%&|^".indexOf(text.charAt(at - 1)) >= 0 || at + 1 < text.length() && text.charAt(at + 1) == '=') {
            return true; // an operator, not an assignment
        }
        String rest = text.substring(at).replace(" ", "");
        return rest.startsWith("=>") || rest.contains("=>{");
    }

    private static int indentedEnd(List<String> lines, int start) {
        int indent = indentation(lines.get(start));
        int end = start;
        for (int i = start + 1; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank()) {
                continue;
            }
            if (indentation(text) <= indent) {
                break;
            }
            end = i;
        }
        return end == start ? -1 : end;
    }

    private static int indentation(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }
}
