package io.agentfactory.sdk.reactor.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Removes a client's secret from text a server sent back (an echoed token must never reach an
 * exception message or a log), in every encoding a server may echo it in: as is, and with any of
 * its characters percent-encoded (once or twice, either case of hex), JSON- or JavaScript-escaped
 * ({@code \}{@code u0072}, {@code \/}), or written as an HTML character reference; and the
 * whole secret in Base64 (standard or URL-safe, padded or not). Not API.
 */
public final class Redaction {

    /** What a secret is replaced with. */
    public static final String REDACTED = "REDACTED";

    private Redaction() {
    }

    /** Replaces every occurrence of {@code secret}, in any of the encodings above, by {@value #REDACTED}. */
    public static UnaryOperator<String> of(@Nullable String secret) {
        if (secret == null || secret.isEmpty()) {
            return UnaryOperator.identity();
        }
        Pattern encodings = pattern(secret);
        String replacement = Matcher.quoteReplacement(REDACTED);
        return text -> encodings.matcher(text).replaceAll(replacement);
    }

    private static Pattern pattern(String secret) {
        StringBuilder regex = new StringBuilder(secret.length() * 64);
        for (int i = 0; i < secret.length(); i++) {
            regex.append("(?:").append(forms(secret.charAt(i))).append(')');
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        for (Base64.Encoder encoder : new Base64.Encoder[] {Base64.getEncoder(), Base64.getUrlEncoder()}) {
            String encoded = encoder.encodeToString(bytes);
            regex.append('|').append(Pattern.quote(encoded));
            String unpadded = encoded.replace("=", "");
            if (!unpadded.equals(encoded)) {
                regex.append('|').append(Pattern.quote(unpadded));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** The ways one character of the secret may be written, as alternatives of a regex. */
    private static String forms(char c) {
        StringBuilder forms = new StringBuilder(Pattern.quote(String.valueOf(c)));
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        StringBuilder once = new StringBuilder();
        StringBuilder twice = new StringBuilder();
        for (byte b : utf8) {
            once.append('%').append(hex(b & 0xff, 2));
            twice.append("%25").append(hex(b & 0xff, 2));
        }
        forms.append('|').append(once).append('|').append(twice);
        forms.append("|\\\\[uU]").append(hex(c, 4));
        if (c == '/' || c == '"' || c == '\\' || c == '\'') {
            forms.append("|\\\\").append(Pattern.quote(String.valueOf(c)));
        }
        if (c == ' ') {
            forms.append("|\\+");
        }
        forms.append("|&#0*").append((int) c).append(";?");
        forms.append("|&#[xX]0*").append(hex(c, 1)).append(";?");
        return forms.toString();
    }

    /** {@code value} in hex of at least {@code digits} digits, each letter matching either case. */
    private static String hex(int value, int digits) {
        String hex = String.format("%0" + digits + "x", value);
        StringBuilder out = new StringBuilder();
        for (char h : hex.toCharArray()) {
            out.append(Character.isLetter(h) ? "[" + h + Character.toUpperCase(h) + "]" : String.valueOf(h));
        }
        return out.toString();
    }
}
