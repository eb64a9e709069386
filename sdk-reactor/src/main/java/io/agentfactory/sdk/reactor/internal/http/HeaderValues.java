package io.agentfactory.sdk.reactor.internal.http;

/**
 * Checks values that become HTTP header values. Not API.
 */
public final class HeaderValues {

    private HeaderValues() {
    }

    /**
     * Rejects CR, LF and every other control character but tab, C1 controls included (header
     * injection), and characters above U+00FF, which HTTP/1.1 cannot carry (Netty would send a
     * {@code ?} in their place: a credential nobody issued). The message names the header, never
     * the value, which may be a secret.
     *
     * @throws IllegalArgumentException when the value holds such a character
     */
    public static void check(String header, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && Character.isISOControl(c)) {
                throw new IllegalArgumentException(header + " must not contain control characters (CR, LF, …)");
            }
            if (c > 0xff) {
                throw new IllegalArgumentException(header + " must not contain characters beyond ISO-8859-1");
            }
        }
    }
}
