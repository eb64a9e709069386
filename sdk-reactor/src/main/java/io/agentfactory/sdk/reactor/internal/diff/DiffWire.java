package io.agentfactory.sdk.reactor.internal.diff;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

import io.agentfactory.sdk.reactor.internal.http.ServerText;
import io.agentfactory.sdk.reactor.internal.json.JsonCodec;
import io.agentfactory.sdk.workarea.WorkareaDiffEntry;
import io.agentfactory.sdk.workarea.WorkareaDiffSummary;

/**
 * The JSON of both diff shapes: the readers (built once from the SDK's one mapper, since a reader
 * per line would dominate the cost of a million-line diff), the wire records that keep "absent"
 * apart from "empty" for validation, and the cheap classification of an NDJSON line by its first
 * key.
 */
final class DiffWire {

    static final ObjectReader ENTRY = reader(WorkareaDiffEntry.class);
    static final ObjectReader SUMMARY_LINE = reader(SummaryLine.class);
    static final ObjectReader ERROR_LINE = reader(ErrorLine.class);
    static final ObjectReader SUMMARY = reader(WorkareaDiffSummary.class);

    private static final byte[] SUMMARY_KEY = {'"', 's', 'u', 'm', 'm', 'a', 'r', 'y', '"'};
    private static final byte[] ERROR_KEY = {'"', 'e', 'r', 'r', 'o', 'r', '"'};

    private DiffWire() {
    }

    /** The last NDJSON line: {@code {"summary": {...}}}. */
    record SummaryLine(@Nullable WorkareaDiffSummary summary) {
    }

    /** The daemon's mid-stream failure: {@code {"error": "<message>"}} (any JSON value is accepted). */
    record ErrorLine(@Nullable JsonNode error) {

        /** The message as text: a string as is, any other value as JSON, absent or null as {@code ""}. */
        String message() {
            JsonNode value = error;
            if (value == null || value.isNull()) {
                return "";
            }
            return value.isString() ? value.asString() : value.toString();
        }
    }

    /** What an NDJSON line holds. */
    enum LineKind {
        /** Only whitespace: skipped. */
        BLANK,
        /** A {@link WorkareaDiffEntry} (or something invalid, which its decoding reports). */
        ENTRY,
        /** An object whose first key is {@code "summary"}. */
        SUMMARY,
        /** An object whose first key is {@code "error"}. */
        ERROR
    }

    /**
     * Classifies the line {@code bytes[from, to)} by its first key, without parsing it: the daemon
     * writes the summary and error lines as single-key objects, and an entry never starts with
     * those keys.
     */
    static LineKind kindOf(byte[] bytes, int from, int to) {
        int i = skipWhitespace(bytes, from, to);
        if (i == to) {
            return LineKind.BLANK;
        }
        if (bytes[i] != '{') {
            return LineKind.ENTRY;
        }
        i = skipWhitespace(bytes, i + 1, to);
        if (isKeyAt(bytes, i, to, SUMMARY_KEY)) {
            return LineKind.SUMMARY;
        }
        if (isKeyAt(bytes, i, to, ERROR_KEY)) {
            return LineKind.ERROR;
        }
        return LineKind.ENTRY;
    }

    /**
     * Jackson's reason without its source description, with the position where there is one:
     * {@code "line 3, column 17: Unexpected character…"} ({@code line} only when the document has
     * several lines).
     */
    static String describe(JacksonException e, boolean withLine) {
        TokenStreamLocation where = e.getLocation();
        // Jackson quotes the offending input: the server's text.
        String reason = ServerText.escapeControls(e.getOriginalMessage());
        if (where == null || where.getColumnNr() < 1) {
            return reason;
        }
        String position = "column " + where.getColumnNr();
        if (withLine && where.getLineNr() > 0) {
            position = "line " + where.getLineNr() + ", " + position;
        }
        return position + ": " + reason;
    }

    private static boolean isKeyAt(byte[] bytes, int at, int to, byte[] quotedKey) {
        int end = at + quotedKey.length;
        if (end > to) {
            return false;
        }
        for (int i = 0; i < quotedKey.length; i++) {
            if (bytes[at + i] != quotedKey[i]) {
                return false;
            }
        }
        int colon = skipWhitespace(bytes, end, to);
        return colon < to && bytes[colon] == ':';
    }

    private static int skipWhitespace(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to && isWhitespace(bytes[i])) {
            i++;
        }
        return i;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static ObjectReader reader(Class<?> type) {
        JsonCodec codec = JsonCodec.get();
        return codec.readerFor(codec.typeOf(type));
    }
}
