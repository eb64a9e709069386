package io.agentfactory.sdk.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A plain-text table: columns as wide as their widest cell, two spaces apart, indented. */
final class TextTable {

    private final List<List<String>> rows = new ArrayList<>();
    private final int columns;

    private TextTable(String... headers) {
        this.columns = headers.length;
        rows.add(Arrays.asList(headers));
    }

    /** A table with these column headers. */
    static TextTable of(String... headers) {
        return new TextTable(headers);
    }

    /** Adds a row (as many cells as headers). */
    TextTable row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(String::valueOf).toList());
        return this;
    }

    /** The table's lines, each indented by {@code indent} spaces, without trailing spaces. */
    List<String> lines(int indent) {
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).codePointCount(0, row.get(c).length()));
            }
        }
        List<String> lines = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder(" ".repeat(indent));
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                line.append(cell);
                if (c < columns - 1) {
                    line.append(" ".repeat(widths[c] - cell.codePointCount(0, cell.length()) + 2));
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** {@code 1234567} as {@code 1,234,567}, whatever the default locale. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A dollar amount with cents. */
    static String dollars(double amount) {
        return String.format(Locale.ROOT, "$%,.2f", amount);
    }

    /** A duration in seconds as {@code 6d 02h}, {@code 1h 05m}, {@code 12m 30s} or {@code 45s}. */
    static String seconds(long seconds) {
        if (seconds >= 86_400) {
            return String.format(Locale.ROOT, "%dd %02dh", seconds / 86_400, seconds % 86_400 / 3600);
        }
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
        }
        if (seconds >= 60) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return seconds + "s";
    }

    /** {@code text} cut to {@code max} code points, with an ellipsis when cut. */
    static String clip(String text, int max) {
        String oneLine = text.replace('\n', ' ');
        if (oneLine.codePointCount(0, oneLine.length()) <= max) {
            return oneLine;
        }
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, max - 1)) + "…";
    }
}
