package io.agentfactory.sdk.reactor.internal.orchestrator;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A git remote reduced to what identifies a repository: the host (lower case) and the path
 * (exact, without leading or trailing {@code /} and without {@code .git}); scheme, user info and
 * port are dropped. Parses {@code https://}, {@code http://}, {@code ssh://}, {@code git://} URLs and
 * scp-like {@code [user@]host:path}; an expected repository may also be the bare {@code host/path}
 * the reference's config uses (a remote of that shape is a relative local path to git).
 * Local paths and {@code file://} URLs have no host and never parse. Not API.
 *
 * @param host the host, lower case
 * @param path the repository path, e.g. {@code org/repo}
 */
public record GitRemoteUrl(String host, String path) {

    /** {@code host/path}: how the remote is shown. */
    @Override
    public String toString() {
        return host + "/" + path;
    }

    /** Parses a remote as git reports it; empty when it is not a network remote with a host and a path. */
    public static Optional<GitRemoteUrl> parse(String text) {
        return parse(text, false);
    }

    /** Parses an expected repository: a remote, or the bare {@code host/path}. */
    public static Optional<GitRemoteUrl> parseExpected(String text) {
        return parse(text, true);
    }

    private static Optional<GitRemoteUrl> parse(String text, boolean allowBare) {
        String s = text.strip();
        if (s.isEmpty() || s.chars().anyMatch(c -> Character.isISOControl(c) || c == ' ')) {
            return Optional.empty();
        }
        int scheme = s.indexOf("://");
        if (scheme > 0) {
            return fromUri(s);
        }
        int colon = s.indexOf(':');
        int slash = s.indexOf('/');
        if (colon > 0 && (slash < 0 || colon < slash)) {
            String authority = s.substring(0, colon);
            String host = authority.substring(authority.lastIndexOf('@') + 1);
            return of(host, s.substring(colon + 1));
        }
        if (allowBare && slash > 0 && !s.startsWith(".")) {
            return of(s.substring(0, slash), s.substring(slash + 1));
        }
        return Optional.empty();
    }

    private static Optional<GitRemoteUrl> fromUri(String s) {
        URI uri;
        try {
            uri = new URI(s);
        }
        catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") && !scheme.equals("ssh") && !scheme.equals("git")
                && !scheme.equals("git+ssh")) {
            return Optional.empty();
        }
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.empty();
        }
        return of(uri.getHost(), uri.getPath() == null ? "" : uri.getPath());
    }

    private static Optional<GitRemoteUrl> of(String host, String rawPath) {
        String path = rawPath;
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith(".git")) {
            path = path.substring(0, path.length() - 4);
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.isEmpty() || h.contains("@") || h.contains("/") || h.contains(":") || path.isEmpty()) {
            return Optional.empty();
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        return Optional.of(new GitRemoteUrl(h, path));
    }

    /** The remote as a log or message may show it: no user info, no password, no query. */
    public static String withoutUserInfo(String remote) {
        String s = remote.strip();
        int scheme = s.indexOf("://");
        int start = scheme > 0 ? scheme + 3 : 0;
        int end = s.indexOf('/', start);
        int at = s.lastIndexOf('@', end < 0 ? s.length() : end);
        String shown = at >= start ? s.substring(0, start) + s.substring(at + 1) : s;
        int query = shown.indexOf('?');
        shown = query >= 0 ? shown.substring(0, query) : shown;
        return shown.length() > 200 ? shown.substring(0, 200) + "…" : shown;
    }
}
