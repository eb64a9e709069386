package io.agentfactory.sdk.reactor.codeintel.internal;

/** Splitting a file the way the extractors read it: on {@code \n}, keeping empty trailing lines. */
final class SourceLines {

    private SourceLines() {
    }

    static String[] split(String source) {
        return source.split("\n", -1);
    }

    /** The 1-based closing line for a 0-based scan result, or 0 when unknown. */
    static int endLine(int closingLine) {
        return closingLine < 0 ? 0 : closingLine + 1;
    }
}
