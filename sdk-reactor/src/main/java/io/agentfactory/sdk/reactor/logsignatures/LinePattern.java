package io.agentfactory.sdk.reactor.logsignatures;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A signature's pattern, compiled: found anywhere in a line, ignoring case as
 * {@code Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE} does.
 *
 * <p>Most catalog patterns are plain words joined by {@code |}. The regex engine matches those
 * case-insensitively one character at a time, without the fast literal search it uses for
 * case-sensitive patterns; so such a pattern is searched for with {@link String#contains} in a
 * case-folded copy of the line instead, about three times faster on the default catalog. The
 * folding is the one {@code UNICODE_CASE} applies to a literal of two or more characters
 * ({@code toLowerCase(toUpperCase(c))} per character, idempotent on every BMP character), so both
 * ways give the same answer. A one-character alternative is left to the regex engine, which
 * matches a lone character by different rules (an uncased {@code ß} matches only itself).
 */
sealed interface LinePattern permits LinePattern.Regex, LinePattern.Literals {

    /** Whether the pattern occurs in {@code line}; {@code folded} is {@link #fold(String) fold(line)}. */
    boolean isFoundIn(String line, String folded);

    /**
     * Compiles a signature pattern.
     *
     * @throws PatternSyntaxException when it is not a valid {@link Pattern}
     */
    static LinePattern compile(String pattern) {
        Pattern regex = Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        if (!isLiteralAlternation(pattern)) {
            return new Regex(regex);
        }
        return new Literals(Arrays.stream(pattern.split("\\|", -1)).map(LinePattern::fold).toList());
    }

    /** {@code text} with each character case-folded as {@code UNICODE_CASE} matching folds it. */
    static String fold(String text) {
        char[] folded = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char f = Character.toLowerCase(Character.toUpperCase(c));
            if (f != c) {
                if (folded == null) {
                    folded = text.toCharArray();
                }
                folded[i] = f;
            }
        }
        return folded == null ? text : new String(folded);
    }

    /**
     * Whether {@code pattern} is literals joined by {@code |}: no other metacharacter, nothing
     * outside the BMP, no alternative of exactly one character.
     */
    private static boolean isLiteralAlternation(String pattern) {
        int alternativeLength = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '|') {
                if (alternativeLength == 1) {
                    return false;
                }
                alternativeLength = 0;
            }
            else if ("\\^$.?*+()[]{}".indexOf(c) >= 0 || Character.isSurrogate(c)) {
                return false;
            }
            else {
                alternativeLength++;
            }
        }
        return alternativeLength != 1;
    }

    /** A pattern matched by the regex engine. */
    record Regex(Pattern pattern) implements LinePattern {

        @Override
        public boolean isFoundIn(String line, String folded) {
            return pattern.matcher(line).find();
        }
    }

    /** Literal alternatives, already folded, searched for in the folded line. */
    record Literals(List<String> alternatives) implements LinePattern {

        @Override
        public boolean isFoundIn(String line, String folded) {
            for (String alternative : alternatives) {
                if (folded.contains(alternative)) {
                    return true;
                }
            }
            return false;
        }
    }
}
