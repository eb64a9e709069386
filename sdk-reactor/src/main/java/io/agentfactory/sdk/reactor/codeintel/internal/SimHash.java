package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The reference's 64-bit Charikar SimHash. Tokens: the lowercased text split on whitespace and
 * Unicode punctuation, keeping tokens of at least two code points; each token's FNV-1a 64 hash over
 * its code points votes +1/-1 per bit; a fingerprint bit is set when its vote is positive. The
 * value is an unsigned 64-bit number held in a {@code long}: compare with
 * {@link Long#compareUnsigned}, print with {@link Long#toUnsignedString}.
 */
final class SimHash {

    static final long FNV_OFFSET = 0xcbf29ce484222325L;
    static final long FNV_PRIME = 0x100000001b3L;

    private static final Pattern DELIMITERS = Pattern.compile("[\\t\\n\\f\\r \\p{P}]+");

    private SimHash() {
    }

    /** The fingerprint of {@code text}; 0 when it has no token. */
    static long of(String text) {
        List<String> tokens = tokens(text);
        if (tokens.isEmpty()) {
            return 0;
        }
        int[] votes = new int[64];
        for (String token : tokens) {
            long h = fnv1a(token);
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((h >>> bit) & 1) == 1 ? 1 : -1;
            }
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String part : DELIMITERS.split(text.toLowerCase(Locale.ROOT), -1)) {
            if (part.codePointCount(0, part.length()) >= 2) {
                out.add(part);
            }
        }
        return out;
    }

    /** FNV-1a 64 over code points (for ASCII, the standard FNV-1a of the bytes). */
    static long fnv1a(String token) {
        long h = FNV_OFFSET;
        for (int i = 0; i < token.length(); ) {
            int cp = token.codePointAt(i);
            i += Character.charCount(cp);
            h ^= cp;
            h *= FNV_PRIME;
        }
        return h;
    }

    /** The number of differing bits. */
    static int hammingDistance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
