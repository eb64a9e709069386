package io.agentfactory.sdk.reactor.codeintel.internal;

/**
 * Consecutive line comments above a declaration ({@code //} in Go, {@code ///} in Rust), joined with
 * newlines, each stripped of its marker and surrounding space. A builder, so a huge comment block
 * costs linear time.
 */
final class DocLines {

    private final String marker;
    private final StringBuilder text = new StringBuilder();

    DocLines(String marker) {
        this.marker = marker;
    }

    /** Whether the stripped line is a doc line; if so it is added. */
    boolean consume(String trimmed) {
        if (!trimmed.startsWith(marker)) {
            return false;
        }
        if (text.length() > 0) {
            text.append('\n');
        }
        text.append(trimmed.substring(marker.length()).strip());
        return true;
    }

    String text() {
        return text.toString();
    }

    void clear() {
        text.setLength(0);
    }
}
