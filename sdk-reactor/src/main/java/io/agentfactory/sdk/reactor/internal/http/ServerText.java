package io.agentfactory.sdk.reactor.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Makes text a server sent fit for an exception message or a log line: every C0 and C1 control
 * character (and the Unicode line and paragraph separators) escaped, so a server cannot forge log
 * lines or drive the terminal that shows the message. Not API.
 */
public final class ServerText {

    private ServerText() {
    }

    /**
     * {@code text} with CR, LF and tab as {@code \r}, {@code \n}, {@code \t}, and every other
     * control character as {@code \}{@code u00XX}; the text itself when it holds none.
     */
    public static String escapeControls(String text) {
        int first = firstControl(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (isControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * A one-line preview of a body for a message: decoded as UTF-8 (bad bytes replaced), secrets
     * removed, runs of whitespace collapsed to one space, controls escaped, and cut at
     * {@code maxChars} (marked {@code …}); {@code ""} for an empty body.
     */
    public static String preview(byte[] body, int length, boolean truncated, int maxChars,
            UnaryOperator<String> redactor) {
        String text = redactor.apply(decode(body, length)).replaceAll("\\s+", " ").strip();
        String escaped = escapeControls(text);
        if (escaped.length() > maxChars) {
            int end = Character.isHighSurrogate(escaped.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
            return escaped.substring(0, end) + "…";
        }
        return truncated && !escaped.isEmpty() ? escaped + "…" : escaped;
    }

    /** {@code length} bytes of {@code body} as UTF-8, malformed input replaced by U+FFFD. */
    static String decode(byte[] body, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(body, 0, length)).toString();
        }
        catch (CharacterCodingException e) {
            return "";
        }
    }

    private static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isControl(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
