package io.agentfactory.sdk.reactor.codeintel.internal;

/** Splitting a file the way the extractors read it: on {@code \n}, keeping empty trailing lines. */
final class SourceLines {

    private SourceLines() {
    }

    /**
     * Lines longer than this (minified bundles, generated data) are not matched against the
     * declaration patterns: backtracking regular expressions can overflow the stack on hostile
     * lines of that size, and no real declaration keyword line is that long.
     */
    static final int MAX_DECLARATION_LINE = 2000;

    static boolean tooLongToDeclare(String trimmed) {
        return trimmed.length() > MAX_DECLARATION_LINE;
    }

    static String[] split(String source) {
        return source.split("\n", -1);
    }

    /** The 1-based closing line for a 0-based scan result, or 0 when unknown. */
    static int endLine(int closingLine) {
        return closingLine < 0 ? 0 : closingLine + 1;
    }
}
