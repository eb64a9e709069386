package io.agentfactory.sdk.logsignatures;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The deduplication key of a log failure, used to find the issue already filed for it:
 * {@code "agent-env-"} followed by the first 16 lowercase hex characters of
 * SHA-256({@code type + ":" + title}), UTF-8, where the title is cut to its first 100 bytes (never
 * inside a character).
 */
public final class SignatureHash {

    /** What every hash starts with. */
    public static final String PREFIX = "agent-env-";

    /** How many UTF-8 bytes of the title are hashed. */
    public static final int MAX_TITLE_BYTES = 100;

    private SignatureHash() {
    }

    /** The hash of a failure of {@code type} titled {@code title}. */
    public static String of(PatternType type, String title) {
        String normalized = type.value() + ":" + Utf8Prefix.of(title, MAX_TITLE_BYTES);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, 8);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
