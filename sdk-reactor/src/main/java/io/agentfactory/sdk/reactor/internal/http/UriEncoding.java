package io.agentfactory.sdk.reactor.internal.http;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of path segments and query components (RFC 3986). Not API.
 *
 * <p>A segment keeps only unreserved characters ({@code A-Z a-z 0-9 - . _ ~}); everything else,
 * {@code /}, {@code ?}, {@code #}, {@code %} and space included, is escaped, so an id can never
 * change which route is called. The dot segments {@code .} and {@code ..} are escaped too
 * ({@code %2E}), since clients and servers would otherwise resolve them.
 */
public final class UriEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    /** {@code value} as one path segment. */
    public static String segment(String value) {
        if (value.equals(".") || value.equals("..")) {
            return value.replace(".", "%2E");
        }
        return escape(value);
    }

    /**
     * {@code value} as several path segments: each {@code /}-separated part escaped as a
     * {@link #segment(String) segment}, the {@code /} kept (kit ids such as {@code spring/java}).
     */
    public static String segments(String value) {
        String[] parts = value.split("/", -1);
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(segment(parts[i]));
        }
        return out.toString();
    }

    /** {@code value} as a query name or value ({@code & = + #} and space escaped). */
    public static String query(String value) {
        return escape(value);
    }

    private static String escape(String value) {
        StringBuilder out = null;
        byte[] bytes = null;
        for (int i = 0; i < value.length(); i++) {
            if (!unreserved(value.charAt(i))) {
                bytes = value.getBytes(StandardCharsets.UTF_8);
                out = new StringBuilder(bytes.length * 3);
                break;
            }
        }
        if (bytes == null) {
            return value;
        }
        for (byte b : bytes) {
            char c = (char) (b & 0xff);
            if (b >= 0 && unreserved(c)) {
                out.append(c);
            }
            else {
                out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean unreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
