package io.agentfactory.sdk.reactor.internal.json;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Checks on text a server sent that the SDK keeps in values or errors: whether it looks like a
 * credential (whatever the configured secrets are), and whether it is a bounded single token or
 * a bounded single line. Callers drop what fails; they never quote it. Not API.
 */
public final class UntrustedText {

    /** Prefixes of well-known token formats, matched at the start of a word. */
    private static final List<String> TOKEN_PREFIXES = List.of("rsk_", "sk-", "sk_", "pk_", "ghp_", "gho_", "ghs_",
            "ghu_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "xoxa-", "akia", "eyj", "bearer", "basic ");

    /** Key words of JSON names (and {@code name=value} text) that hold credentials. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)(token|secret|passw|private[_-]?key|api[_-]?key|credential|authorization|cookie|session[_-]?key)");

    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://[^/\\s:@]*:[^/\\s@]+@");

    private static final Pattern ATOM = Pattern.compile("[A-Za-z0-9._:@/+\\-]+");

    private UntrustedText() {
    }

    /** Whether {@code text} looks like (or carries) a credential. */
    public static boolean looksSecret(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("-----begin") || URL_USER_INFO.matcher(text).find()) {
            return true;
        }
        for (String prefix : TOKEN_PREFIXES) {
            for (int at = lower.indexOf(prefix); at >= 0; at = lower.indexOf(prefix, at + 1)) {
                if (at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a JSON field name names a credential ({@code apiToken}, {@code privateKey}, ...). */
    public static boolean secretName(String name) {
        return SECRET_NAME.matcher(name).find();
    }

    /**
     * Whether {@code text} is one bounded token: 1 to {@code maxLength} characters of letters,
     * digits and {@code . _ : @ / + -}, and not credential-shaped.
     */
    public static boolean atom(@Nullable String text, int maxLength) {
        return text != null && !text.isEmpty() && text.length() <= maxLength && ATOM.matcher(text).matches()
                && !looksSecret(text);
    }

    /**
     * Whether {@code text} is one bounded line: 1 to {@code maxLength} characters, no control
     * characters, and not credential-shaped.
     */
    public static boolean line(@Nullable String text, int maxLength) {
        if (text == null || text.isEmpty() || text.length() > maxLength || looksSecret(text)) {
            return false;
        }
        return text.chars().noneMatch(Character::isISOControl);
    }

    /** {@code text} when it is an {@link #atom(String, int)} of at most 128 characters, else {@code ""}. */
    public static String atomOrEmpty(@Nullable Object text) {
        return text instanceof String s && atom(s, 128) ? s : "";
    }
}
