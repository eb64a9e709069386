package io.agentfactory.sdk.reactor.internal.http;

/**
 * Checks values that become HTTP header values. Not API.
 */
public final class HeaderValues {

    private HeaderValues() {
    }

    /**
     * Rejects CR, LF and other control characters (header injection); the message names the
     * header, never the value, which may be a secret.
     *
     * @throws IllegalArgumentException when the value holds a control character
     */
    public static void check(String header, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw new IllegalArgumentException(header + " must not contain control characters (CR, LF, …)");
            }
        }
    }
}
