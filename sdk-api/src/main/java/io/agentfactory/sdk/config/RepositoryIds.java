package io.agentfactory.sdk.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Identity of repository resources in an admission-v2 {@code daemon.yaml}: how sources compare
 * and how a missing repository id is derived (the same ids the daemon's own tooling derives).
 */
public final class RepositoryIds {

    private RepositoryIds() {
    }

    /**
     * The form in which two sources are compared: trimmed, trailing {@code /} characters removed,
     * then one trailing {@code .git}, then lowercased. {@code https://GitHub.com/Foo/Bar.git/}
     * and {@code https://github.com/foo/bar} are the same repository.
     */
    public static String normalizeSource(String source) {
        String s = source.trim();
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') {
            end--;
        }
        s = s.substring(0, end);
        if (s.endsWith(".git")) {
            s = s.substring(0, s.length() - 4);
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * The id of the repository {@code source} of {@code projectId}: {@code repo-} followed by the
     * first six bytes, in lowercase hex, of the SHA-256 of the project id, a NUL and the
     * normalized source.
     */
    public static String derive(String projectId, String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((projectId + '\0' + normalizeSource(source)).getBytes(StandardCharsets.UTF_8));
            return "repo-" + HexFormat.of().formatHex(digest, 0, 6);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
