package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.regex.Pattern;

/**
 * Finds the line that closes a declaration's body: the first code-context <code>{</code> at
 * parenthesis depth 0 on or after the declaration line opens it, and braces are counted outside
 * strings, character literals, raw strings, template literals, text blocks and comments. When no
 * body opens, or it never closes, the answer is "unknown" (-1) rather than a wrong line.
 */
final class BlockScanner {

    /** The string-literal rules of a language family. */
    enum Dialect {
        /** Go: "..." and '...' with escapes on one line; `...` raw strings span lines without escapes. */
        GO,
        /** TypeScript/JavaScript: "..." and '...' on one line; `...` templates span lines with escapes. */
        TYPESCRIPT,
        /** Java, Kotlin: "..." and '...' on one line; """...""" text blocks span lines. */
        JVM
    }

    /**
     * How far to look and when to give up.
     *
     * @param stopAtSemicolon a code-context {@code ;} at depth 0 before the body means there is none
     * @param stopAtTopLevelGoDecl a new unindented Go declaration before the body means there is none
     * @param stopAtEquals a code-context {@code =} at depth 0 before the body means an expression body (Kotlin)
     * @param stopAtKotlinDecl a line starting a new Kotlin declaration before the body means there is none
     * @param unboundedLookahead search for the opening brace to the end of the file, not just 10 lines
     * @param startColumn where scanning starts on the declaration line
     */
    record Options(boolean stopAtSemicolon, boolean stopAtTopLevelGoDecl, boolean stopAtEquals, boolean stopAtKotlinDecl,
            boolean unboundedLookahead, int startColumn) {

        static final Options GO_DECLARATION = new Options(false, true, false, false, false, 0);
        static final Options FUNCTION = new Options(true, false, false, false, false, 0);
        static final Options TYPE_BODY = new Options(false, false, false, false, true, 0);
        static final Options KOTLIN_FUNCTION = new Options(true, false, true, true, false, 0);
        static final Options KOTLIN_TYPE = new Options(true, false, false, true, false, 0);

        Options fromColumn(int column) {
            return new Options(stopAtSemicolon, stopAtTopLevelGoDecl, stopAtEquals, stopAtKotlinDecl, unboundedLookahead, column);
        }
    }

    /** Lines searched past the declaration line for the opening brace of a wrapped signature. */
    static final int MAX_BRACE_LOOKAHEAD = 10;

    private static final String[] TOP_LEVEL_GO = {"func ", "type ", "var ", "const ", "package "};
    private static final Pattern KOTLIN_DECLARATION = Pattern.compile(
            "^(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:[a-z]+\\s+)*(?:fun|val|var|class|interface|object|typealias)\\b");

    private enum State { CODE, BLOCK_COMMENT, MULTILINE_STRING }

    private BlockScanner() {
    }

    /**
     * @param lines the file's lines
     * @param start the 0-based declaration line
     * @return the 0-based line of the closing brace, or -1 when unknown
     */
    static int closingLine(String[] lines, int start, Dialect dialect, Options options) {
        State state = State.CODE;
        int braces = 0;
        int parens = 0;
        boolean body = false;
        for (int i = start; i < lines.length; i++) {
            if (!body) {
                if (!options.unboundedLookahead() && i - start > MAX_BRACE_LOOKAHEAD) {
                    return -1;
                }
                if (options.stopAtTopLevelGoDecl() && i > start && state == State.CODE && startsTopLevelGoDecl(lines[i])) {
                    return -1;
                }
                if (options.stopAtKotlinDecl() && i > start && state == State.CODE && parens == 0
                        && KOTLIN_DECLARATION.matcher(lines[i].strip()).find()) {
                    return -1;
                }
            }
            String line = lines[i];
            int j = i == start ? Math.min(options.startColumn(), line.length()) : 0;
            while (j < line.length()) {
                char ch = line.charAt(j);
                if (state == State.BLOCK_COMMENT) {
                    if (ch == '*' && j + 1 < line.length() && line.charAt(j + 1) == '/') {
                        state = State.CODE;
                        j += 2;
                    } else {
                        j++;
                    }
                    continue;
                }
                if (state == State.MULTILINE_STRING) {
                    if (dialect == Dialect.JVM) {
                        if (ch == '\\') {
                            j += 2;
                        } else if (line.startsWith("\"\"\"", j)) {
                            state = State.CODE;
                            j += 3;
                        } else {
                            j++;
                        }
                    } else if (dialect == Dialect.TYPESCRIPT && ch == '\\') {
                        j += 2;
                    } else {
                        if (ch == '`') {
                            state = State.CODE;
                        }
                        j++;
                    }
                    continue;
                }
                switch (ch) {
                    case '/' -> {
                        if (j + 1 < line.length() && line.charAt(j + 1) == '/') {
                            j = line.length();
                        } else if (j + 1 < line.length() && line.charAt(j + 1) == '*') {
                            state = State.BLOCK_COMMENT;
                            j += 2;
                        } else {
                            j++;
                        }
                    }
                    case '"' -> {
                        if (dialect == Dialect.JVM && line.startsWith("\"\"\"", j)) {
                            state = State.MULTILINE_STRING;
                            j += 3;
                        } else {
                            j = skipQuoted(line, j);
                        }
                    }
                    case '\'' -> j = skipQuoted(line, j);
                    case '`' -> {
                        if (dialect == Dialect.JVM) {
                            j = skipQuoted(line, j); // a Kotlin `quoted identifier`
                        } else {
                            state = State.MULTILINE_STRING;
                            j++;
                        }
                    }
                    case '(' -> {
                        parens++;
                        j++;
                    }
                    case ')' -> {
                        if (parens > 0) {
                            parens--;
                        }
                        j++;
                    }
                    case ';' -> {
                        if (!body && options.stopAtSemicolon() && parens == 0) {
                            return -1;
                        }
                        j++;
                    }
                    case '=' -> {
                        if (!body && options.stopAtEquals() && parens == 0) {
                            return -1;
                        }
                        j++;
                    }
                    case '{' -> {
                        if (body) {
                            braces++;
                        } else if (parens == 0) {
                            body = true;
                            braces = 1;
                        }
                        j++;
                    }
                    case '}' -> {
                        if (body) {
                            braces--;
                            if (braces == 0) {
                                return i;
                            }
                        } else if (parens == 0) {
                            return -1; // the enclosing block closed before a body opened
                        }
                        j++;
                    }
                    default -> j++;
                }
            }
        }
        return -1;
    }

    /** The index just past the literal opening at {@code start}; an unterminated one ends at the line's end. */
    private static int skipQuoted(String line, int start) {
        char quote = line.charAt(start);
        int j = start + 1;
        while (j < line.length()) {
            char ch = line.charAt(j);
            if (ch == '\\') {
                j += 2;
            } else if (ch == quote) {
                return j + 1;
            } else {
                j++;
            }
        }
        return line.length();
    }

    private static boolean startsTopLevelGoDecl(String line) {
        for (String keyword : TOP_LEVEL_GO) {
            if (line.startsWith(keyword)) {
                return true;
            }
        }
        return false;
    }
}
