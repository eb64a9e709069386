package io.agentfactory.sdk.logsignatures;

/** Cuts strings to a number of UTF-8 bytes without splitting a character. */
final class Utf8Prefix {

    private Utf8Prefix() {
    }

    /**
     * The longest prefix of {@code text} whose UTF-8 encoding fits in {@code maxBytes}. A lone
     * surrogate counts as the one byte ({@code '?'}) the JDK encodes it as.
     */
    static String of(String text, int maxBytes) {
        // Every char encodes to at most 3 bytes (a surrogate pair: 4 bytes for 2 chars).
        if (text.length() <= maxBytes / 3) {
            return text;
        }
        int bytes = 0;
        int index = 0;
        while (index < text.length()) {
            int codePoint = text.codePointAt(index);
            int width = encodedWidth(codePoint);
            if (bytes + width > maxBytes) {
                return text.substring(0, index);
            }
            bytes += width;
            index += Character.charCount(codePoint);
        }
        return text;
    }

    private static int encodedWidth(int codePoint) {
        boolean loneSurrogate = codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
        if (codePoint < 0x80 || loneSurrogate) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
