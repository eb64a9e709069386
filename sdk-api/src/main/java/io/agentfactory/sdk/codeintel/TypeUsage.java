package io.agentfactory.sdk.codeintel;

import java.util.Objects;

/**
 * One line that uses a type.
 *
 * @param filePath the file, relative to the root, {@code /}-separated
 * @param line the 1-based line number
 * @param kind how the line uses the type
 * @param lineText the line without surrounding whitespace, cut to {@link #MAX_LINE_TEXT} characters
 */
public record TypeUsage(String filePath, int line, TypeUsageKind kind, String lineText) {

    /** The longest {@link #lineText()} kept. */
    public static final int MAX_LINE_TEXT = 240;

    /** Checks the values and cuts an over-long line text. */
    public TypeUsage {
        Objects.requireNonNull(filePath, "filePath");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(lineText, "lineText");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1: " + line);
        }
        if (lineText.length() > MAX_LINE_TEXT) {
            lineText = lineText.substring(0, MAX_LINE_TEXT);
        }
    }
}
