package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.agentfactory.sdk.codeintel.Symbol;

/**
 * The exact (xxHash64) and near (SimHash) fingerprints of a file or of one symbol's body, over the
 * normalised text: CRLF to LF, tabs to two spaces, trailing spaces cut per line, the whole trimmed.
 *
 * @param symbolName the symbol, or {@code ""} for the whole file
 * @param line the symbol's declaration line, or 0 for the whole file
 * @param contentHash the xxHash64 of the normalised text as 16 hex digits
 * @param simHash the unsigned 64-bit SimHash
 */
record DuplicateFingerprint(String symbolName, int line, String contentHash, long simHash) {

    /** Bodies shorter than this many lines get no fingerprint of their own (too few tokens to tell apart). */
    static final int SYMBOL_MIN_LINES = 3;

    static DuplicateFingerprint ofFile(String content) {
        String normalised = normalise(content);
        return new DuplicateFingerprint("", 0, XxHash64.hex(normalised), SimHash.of(normalised));
    }

    /** One fingerprint per symbol with a known body of at least {@link #SYMBOL_MIN_LINES} lines. */
    static List<DuplicateFingerprint> ofSymbols(String content, List<Symbol> symbols) {
        String[] lines = content.replace("\r\n", "\n").split("\n", -1);
        List<DuplicateFingerprint> out = new ArrayList<>();
        for (Symbol symbol : symbols) {
            int start = symbol.line();
            int end = symbol.endLine();
            if (end == 0 || end > lines.length || end - start + 1 < SYMBOL_MIN_LINES) {
                continue;
            }
            String normalised = normalise(String.join("\n", Arrays.asList(lines).subList(start - 1, end)));
            if (!normalised.isEmpty()) {
                out.add(new DuplicateFingerprint(symbol.name(), start, XxHash64.hex(normalised), SimHash.of(normalised)));
            }
        }
        return out;
    }

    static String normalise(String content) {
        String[] lines = content.replace("\r\n", "\n").replace("\t", "  ").split("\n", -1);
        StringBuilder out = new StringBuilder(content.length());
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            String line = lines[i];
            int end = line.length();
            while (end > 0 && line.charAt(end - 1) == ' ') {
                end--;
            }
            out.append(line, 0, end);
        }
        return out.toString().strip();
    }
}
