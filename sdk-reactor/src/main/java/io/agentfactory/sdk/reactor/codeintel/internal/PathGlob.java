package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The reference's file-pattern rules on {@code /}-separated relative paths: {@code *ext} without
 * other metacharacters is a suffix match; {@code dir/**} matches the subtree; anything else is a
 * shell glob ({@code *} and {@code ?} within one segment, {@code [...]} classes, {@code \} escapes)
 * against the whole path, then against the base name. A malformed pattern matches nothing.
 */
final class PathGlob {

    private final String pattern;
    private final Pattern compiled;

    private PathGlob(String pattern) {
        this.pattern = pattern;
        this.compiled = compile(pattern);
    }

    static PathGlob of(String pattern) {
        return new PathGlob(pattern);
    }

    boolean matches(String path) {
        if (pattern.startsWith("*") && !containsAny(pattern.substring(1), "*?[")) {
            return path.endsWith(pattern.substring(1));
        }
        if (pattern.endsWith("/**")) {
            String prefix = pattern.substring(0, pattern.length() - 3);
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
        return compiled.matcher(path).matches() || compiled.matcher(path.substring(path.lastIndexOf('/') + 1)).matches();
    }

    private static boolean containsAny(String s, String chars) {
        for (int i = 0; i < chars.length(); i++) {
            if (s.indexOf(chars.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern NOTHING = Pattern.compile("(?!)");

    private static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                case '\\' -> {
                    if (++i >= glob.length()) {
                        return NOTHING;
                    }
                    regex.append(Pattern.quote(String.valueOf(glob.charAt(i))));
                }
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        return NOTHING;
                    }
                    String body = glob.substring(i + 1, close);
                    boolean negated = body.startsWith("^");
                    StringBuilder cls = new StringBuilder(negated ? "[^/" : "[");
                    for (char ch : (negated ? body.substring(1) : body).toCharArray()) {
                        cls.append(ch == '-' ? "-" : ch == '\\' || ch == '[' || ch == ']' || ch == '&' || ch == '^'
                                ? "\\" + ch : String.valueOf(ch));
                    }
                    regex.append(cls).append(']');
                    i = close;
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        try {
            return Pattern.compile(regex.toString());
        } catch (PatternSyntaxException e) {
            return NOTHING;
        }
    }
}
