package io.agentfactory.sdk.reactor.internal.diff;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 validation (RFC 3629). Jackson rejects most malformed input by itself but decodes
 * overlong forms (such as {@code C0 AF} for {@code /}) and code points above U+10FFFF; a diff
 * carries file paths, where an overlong {@code /} or {@code .} is exactly what must not slip
 * through.
 */
final class StrictUtf8 {

    /** Eight bytes at a time: most of a diff line is ASCII. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final long HIGH_BITS = 0x8080808080808080L;

    private StrictUtf8() {
    }

    /**
     * The index of the first byte in {@code bytes[from, to)} that starts an invalid or incomplete
     * sequence, or {@code -1} when the range is valid UTF-8.
     */
    static int firstInvalid(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            while (i <= to - Long.BYTES && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
                i += Long.BYTES;
            }
            if (i == to) {
                break;
            }
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xFF;
            if (b >= 0xC2 && b <= 0xDF) {
                if (i + 1 >= to || !continuation(bytes[i + 1])) {
                    return i;
                }
                i += 2;
            } else if (b >= 0xE0 && b <= 0xEF) {
                if (i + 2 >= to) {
                    return i;
                }
                int b1 = bytes[i + 1] & 0xFF;
                boolean overlong = b == 0xE0 && b1 < 0xA0;
                boolean surrogate = b == 0xED && b1 > 0x9F;
                if (overlong || surrogate || !continuation(b1) || !continuation(bytes[i + 2])) {
                    return i;
                }
                i += 3;
            } else if (b >= 0xF0 && b <= 0xF4) {
                if (i + 3 >= to) {
                    return i;
                }
                int b1 = bytes[i + 1] & 0xFF;
                boolean overlong = b == 0xF0 && b1 < 0x90;
                boolean beyondUnicode = b == 0xF4 && b1 > 0x8F;
                if (overlong || beyondUnicode || !continuation(b1) || !continuation(bytes[i + 2])
                        || !continuation(bytes[i + 3])) {
                    return i;
                }
                i += 4;
            } else {
                // 80..C1 (continuation or overlong lead) and F5..FF never start a sequence.
                return i;
            }
        }
        return -1;
    }

    private static boolean continuation(int b) {
        return (b & 0xC0) == 0x80;
    }
}
