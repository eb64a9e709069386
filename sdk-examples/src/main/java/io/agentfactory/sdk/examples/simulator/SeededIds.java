package io.agentfactory.sdk.examples.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Realistic identifiers drawn from a seeded random sequence, and the hashes the services print. */
final class SeededIds {

    private static final String BASE32 = "0123456789abcdefghjkmnpqrstvwxyz";

    private SeededIds() {
    }

    /** A version-4 UUID, e.g. {@code 7f1c2d3e-09a1-4a5b-9c8d-112233445566}. */
    static String uuid(SplittableRandom random) {
        long high = random.nextLong() & 0xFFFFFFFFFFFF0FFFL | 0x4000L;
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new java.util.UUID(high, low).toString();
    }

    /** {@code length} lowercase hex digits. */
    static String hex(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(Character.forDigit(random.nextInt(16), 16));
        }
        return text.toString();
    }

    /** {@code prefix} and {@code length} Crockford base-32 characters, e.g. {@code prj_7kq2…}. */
    static String prefixed(String prefix, SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder(prefix);
        for (int i = 0; i < length; i++) {
            text.append(BASE32.charAt(random.nextInt(BASE32.length())));
        }
        return text.toString();
    }

    /** Lowercase hex SHA-256 of the UTF-8 bytes of {@code text}. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** A well-mixed 64-bit value of {@code value} (SplitMix64 finaliser), for hashes of synthetic data. */
    static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
