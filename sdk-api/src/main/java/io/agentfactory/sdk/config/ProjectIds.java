package io.agentfactory.sdk.config;

import java.util.Locale;

/**
 * Derives a daemon-acceptable project id from a repository URL (the reference's
 * {@code DeriveProjectID}): {@code github.com/foo/bar}, {@code https://github.com/foo/bar.git} and
 * {@code git@github.com:foo/bar.git} all give {@code foo-bar}.
 */
public final class ProjectIds {

    private static final String FALLBACK = "project";

    private ProjectIds() {
    }

    /**
     * The id of {@code repoUrl}: trimmed and lowercased; a trailing {@code .git} dropped; an
     * scp-style {@code user@host:owner/repo} read as {@code host/owner/repo}; a leading
     * {@code scheme://} dropped; the last two {@code /}-separated segments joined with {@code -}
     * (one segment is kept as is); every character outside {@code a-z0-9-} replaced by {@code -},
     * runs of {@code -} collapsed and trimmed at both ends. Empty input or result gives
     * {@code project}.
     */
    public static String derive(String repoUrl) {
        String s = repoUrl.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return FALLBACK;
        }
        if (s.endsWith(".git")) {
            s = s.substring(0, s.length() - 4);
        }
        if (s.contains("@") && s.contains(":") && !s.contains("://")) {
            s = s.substring(s.indexOf('@') + 1).replaceFirst(":", "/");
        }
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        String[] segments = s.split("/", -1);
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (String segment : segments) {
            if (!segment.isEmpty()) {
                parts.add(segment);
            }
        }
        String joined;
        if (parts.size() >= 2) {
            joined = parts.get(parts.size() - 2) + "-" + parts.get(parts.size() - 1);
        }
        else if (parts.size() == 1) {
            joined = parts.get(0);
        }
        else {
            joined = "";
        }
        StringBuilder out = new StringBuilder(joined.length());
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (keep) {
                out.append(c);
            }
            else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '-') {
            end--;
        }
        String id = out.substring(0, end);
        return id.isEmpty() ? FALLBACK : id;
    }
}
