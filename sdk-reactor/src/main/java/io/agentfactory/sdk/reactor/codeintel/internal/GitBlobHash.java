package io.agentfactory.sdk.reactor.codeintel.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Git's object id of a file's bytes: SHA-1 of {@code "blob <length>\0"} followed by the bytes, as lowercase hex. */
public final class GitBlobHash {

    private GitBlobHash() {
    }

    /** The 40-character hex blob id of {@code content}, equal to {@code git hash-object}. */
    public static String of(byte[] content) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-1", e);
        }
        sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(sha1.digest(content));
    }
}
