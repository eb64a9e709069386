package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The reference's code-aware BM25 tokenizer. Text is split on whitespace and code punctuation; each
 * word yields its lowercased whole, then its camelCase parts (at least two code points, differing
 * from the whole), then its snake/kebab parts (at least two code points, not yet emitted for this
 * text). Duplicates are kept.
 */
final class CodeTokenizer {

    private static final Pattern DELIMITERS = Pattern.compile("[\\t\\n\\f\\r .,:;()\\[\\]{}<>=!&|+*/\\\\@#$%^~`'\"]+");
    private static final Pattern SNAKE_KEBAB = Pattern.compile("[_-]");
    private static final Pattern LOWER_UPPER = Pattern.compile("([a-z])([A-Z])");
    private static final Pattern UPPER_RUN = Pattern.compile("([A-Z]+)([A-Z][a-z])");

    private CodeTokenizer() {
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String word : DELIMITERS.split(text, -1)) {
            if (word.isEmpty()) {
                continue;
            }
            String lower = lower(word);
            tokens.add(lower);
            List<String> camel = splitCamelCase(word);
            if (camel.size() > 1) {
                for (String part : camel) {
                    String p = lower(part);
                    if (runes(p) >= 2 && !p.equals(lower)) {
                        tokens.add(p);
                    }
                }
            }
            String[] snake = SNAKE_KEBAB.split(word, -1);
            if (snake.length > 1) {
                Set<String> seen = new HashSet<>(tokens);
                for (String part : snake) {
                    String p = lower(part);
                    if (runes(p) >= 2 && seen.add(p)) {
                        tokens.add(p);
                    }
                }
            }
        }
        return tokens;
    }

    /** {@code helloWorld} to {@code [hello, World]}, {@code HTMLParser} to {@code [HTML, Parser]}. */
    static List<String> splitCamelCase(String word) {
        String marked = LOWER_UPPER.matcher(word).replaceAll("$1\u0000$2");
        marked = UPPER_RUN.matcher(marked).replaceAll("$1\u0000$2");
        List<String> parts = new ArrayList<>();
        for (String part : marked.split("\u0000", -1)) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static int runes(String s) {
        return s.codePointCount(0, s.length());
    }
}
