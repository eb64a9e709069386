package io.agentfactory.sdk.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code sessionHash} an unauthenticated caller sends with {@code GET
 * /api/public/session-activities}: the first 32 lowercase hex characters of
 * SHA-256({@code "session:" + sessionId}), UTF-8.
 */
public final class SessionHash {

    private SessionHash() {
    }

    /** The session hash of {@code sessionId}. */
    public static String of(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("session:" + sessionId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
