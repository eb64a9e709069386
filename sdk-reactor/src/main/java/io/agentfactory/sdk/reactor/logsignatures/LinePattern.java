package io.agentfactory.sdk.reactor.logsignatures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A signature's pattern, compiled: found anywhere in a line, ignoring case as
 * {@code Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE} does.
 *
 * <p>Catalog patterns are mostly words joined by {@code |}, some with {@code .*} between words
 * ({@code tool.*error}). Such a pattern is searched for as {@link Literals}: in a case-folded copy
 * of the line, each alternative's words in order, leftmost first, within one run of characters
 * that {@code .} matches (no line terminator in between). That takes time linear in the line
 * (at most the pattern's length per character); the regex engine, which backtracks, takes
 * quadratic time on {@code tool tool tool…} for {@code tool.*error}, seconds on a 100 KB line.
 * Leftmost-first is exact: if the words occur in order at all, they occur in order from the
 * leftmost occurrence of the first one. The folding is the one {@code UNICODE_CASE} applies to a
 * literal of two or more characters ({@code toLowerCase(toUpperCase(c))} per character,
 * idempotent on every BMP character), so both ways give the same answer. A one-character word
 * is left to the regex engine, which matches a lone character by different rules (an uncased
 * {@code ß} matches only itself), and so is every other pattern: those are matched by
 * {@link java.util.regex.Pattern}, on a line the matcher has cut to
 * {@link LogSignatureMatcher#MAX_EXAMINED_CHARS} characters.
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
        List<List<String>> chains = new ArrayList<>();
        for (String alternative : pattern.split("\\|", -1)) {
            List<String> words = Arrays.asList(alternative.split("\\.\\*", -1));
            if (!words.stream().allMatch(LinePattern::isPlainWord)
                    || words.size() > 1 && words.stream().anyMatch(LinePattern::hasLineTerminator)) {
                return new Regex(regex);
            }
            chains.add(words.stream().map(LinePattern::fold).toList());
        }
        return new Literals(chains);
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

    /** Whether {@code word} is matched literally: no metacharacter, nothing outside the BMP, not one character. */
    private static boolean isPlainWord(String word) {
        if (word.length() == 1) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if ("\\^$.?*+()[]{}|".indexOf(c) >= 0 || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} holds a character that {@code .} does not match (a line terminator). */
    private static boolean hasLineTerminator(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isLineTerminator(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The characters {@code .} does not match without {@code DOTALL} or {@code UNIX_LINES}. */
    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** A pattern matched by the regex engine. */
    record Regex(Pattern pattern) implements LinePattern {

        @Override
        public boolean isFoundIn(String line, String folded) {
            return pattern.matcher(line).find();
        }
    }

    /**
     * Alternatives, each a chain of folded words that {@code .*} separated in the pattern (one
     * word when it had none), searched for in the folded line.
     */
    record Literals(List<List<String>> alternatives) implements LinePattern {

        @Override
        public boolean isFoundIn(String line, String folded) {
            List<String> segments = null;
            for (List<String> words : alternatives) {
                if (words.size() == 1) {
                    if (folded.contains(words.get(0))) {
                        return true;
                    }
                    continue;
                }
                if (segments == null) {
                    segments = segments(folded);
                }
                for (String segment : segments) {
                    if (inOrder(segment, words)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Whether the words occur in {@code text} in order without overlapping, each leftmost after the previous. */
        private static boolean inOrder(String text, List<String> words) {
            int from = 0;
            for (String word : words) {
                int at = text.indexOf(word, from);
                if (at < 0) {
                    return false;
                }
                from = at + word.length();
            }
            return true;
        }

        /** The runs of {@code text} between line terminators (the whole text when it has none). */
        private static List<String> segments(String text) {
            List<String> segments = new ArrayList<>(1);
            int start = 0;
            for (int i = 0; i < text.length(); i++) {
                if (isLineTerminator(text.charAt(i))) {
                    segments.add(text.substring(start, i));
                    start = i + 1;
                }
            }
            segments.add(start == 0 ? text : text.substring(start));
            return segments;
        }
    }
}
