package io.agentfactory.sdk.config;

/**
 * Derives a daemon-acceptable project id from a repository URL exactly as the reference's
 * {@code DeriveProjectID} does, so that a Go tool and the SDK editing one {@code daemon.yaml}
 * derive the same id: {@code github.com/foo/bar}, {@code https://github.com/foo/bar.git} and
 * {@code git@github.com:foo/bar.git} give {@code foo-bar}; {@code github.com/foo/bar/} gives
 * {@code bar} (the reference takes the last two segments, and the last one is then empty).
 */
public final class ProjectIds {

    private static final String FALLBACK = "project";

    private ProjectIds() {
    }

    /**
     * The id of {@code repoUrl}, step by step as the reference:
     * <ol>
     *   <li>white space trimmed at both ends (Unicode {@code White_Space}, as Go's
     *       {@code strings.TrimSpace}; other control characters stay) and every code point
     *       lowercased ({@code İ} becomes {@code i}, the Kelvin sign {@code k});
     *       an empty result gives {@code project};</li>
     *   <li>one trailing {@code .git} dropped;</li>
     *   <li>when there is an {@code @} and a {@code :} but no {@code ://}: everything up to the
     *       first {@code @} dropped and the first {@code :} after it becomes {@code /}
     *       ({@code git@host:owner/repo} reads as {@code host/owner/repo});</li>
     *   <li>everything up to the first {@code ://} dropped;</li>
     *   <li>when a {@code /} remains, the last two {@code /}-separated segments joined with
     *       {@code -}, empty segments included;</li>
     *   <li>every code point outside {@code a-z0-9-} replaced by {@code -}, runs of {@code -}
     *       collapsed, {@code -} trimmed at both ends; an empty result gives {@code project}.</li>
     * </ol>
     */
    public static String derive(String repoUrl) {
        String s = lowerCase(trimWhiteSpace(repoUrl));
        if (s.isEmpty()) {
            return FALLBACK;
        }
        if (s.endsWith(".git")) {
            s = s.substring(0, s.length() - 4);
        }
        int at = s.indexOf('@');
        if (at >= 0 && s.indexOf(':') >= 0 && !s.contains("://")) {
            s = s.substring(at + 1);
            int colon = s.indexOf(':');
            if (colon >= 0) {
                s = s.substring(0, colon) + "/" + s.substring(colon + 1);
            }
        }
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int last = s.lastIndexOf('/');
        if (last >= 0) {
            int previous = last == 0 ? -1 : s.lastIndexOf('/', last - 1);
            s = s.substring(previous + 1, last) + "-" + s.substring(last + 1);
        }
        String id = sanitized(s);
        return id.isEmpty() ? FALLBACK : id;
    }

    /** Code points outside {@code a-z0-9-} become {@code -}; runs of {@code -} collapse; trimmed of {@code -}. */
    private static String sanitized(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (keep) {
                out.append((char) c);
            }
            else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        });
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '-') {
            end--;
        }
        return out.substring(0, end);
    }

    /** Each code point lowercased on its own (Go's {@code unicode.ToLower}), never expanded. */
    private static String lowerCase(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> out.appendCodePoint(Character.toLowerCase(c)));
        return out.toString();
    }

    /** {@code s} without leading and trailing white space as Go's {@code unicode.IsSpace} defines it. */
    private static String trimWhiteSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isWhiteSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isWhiteSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /** The Unicode {@code White_Space} property, which Go's {@code unicode.IsSpace} tests. */
    private static boolean isWhiteSpace(int c) {
        return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
                || c == 0x3000;
    }
}
