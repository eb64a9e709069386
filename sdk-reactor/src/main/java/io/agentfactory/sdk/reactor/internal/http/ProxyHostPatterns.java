package io.agentfactory.sdk.reactor.internal.http;

import java.util.List;
import java.util.Locale;

/**
 * Matches a host against proxy exclusions: Java's {@code http.nonProxyHosts} patterns (a host,
 * {@code *} at either end) and the {@code NO_PROXY} list (hosts and domain suffixes). Not API.
 */
public final class ProxyHostPatterns {

    private ProxyHostPatterns() {
    }

    /** Whether {@code host} matches one of the {@code http.nonProxyHosts}-style {@code patterns}. */
    public static boolean matchesAny(List<String> patterns, String host) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String raw : patterns) {
            String p = raw.strip().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            if (p.equals("*")) {
                return true;
            }
            if (p.startsWith("*") && h.endsWith(p.substring(1))) {
                return true;
            }
            if (p.endsWith("*") && h.startsWith(p.substring(0, p.length() - 1))) {
                return true;
            }
            if (p.equals(h) || unbracketed(p).equals(unbracketed(h))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code host:port} is excluded by a {@code NO_PROXY} value: comma-separated entries,
     * each {@code *} (everything), a host or IP, or a domain ({@code example.com} and
     * {@code .example.com} both match {@code example.com} and its subdomains), optionally with
     * {@code :port}.
     */
    public static boolean excludedByNoProxy(String noProxy, String host, int port) {
        String h = unbracketed(host.toLowerCase(Locale.ROOT));
        for (String raw : noProxy.split(",")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                return true;
            }
            int entryPort = -1;
            int colon = entry.lastIndexOf(':');
            boolean ipv6 = entry.indexOf(':') != colon || entry.startsWith("[");
            if (colon > 0 && (!ipv6 || entry.startsWith("[") && entry.lastIndexOf(']') < colon)) {
                try {
                    entryPort = Integer.parseInt(entry.substring(colon + 1));
                    entry = entry.substring(0, colon);
                }
                catch (NumberFormatException e) {
                    continue;
                }
            }
            if (entryPort >= 0 && entryPort != port) {
                continue;
            }
            String domain = unbracketed(entry.startsWith("*.") ? entry.substring(2)
                    : entry.startsWith(".") ? entry.substring(1) : entry);
            if (h.equals(domain) || h.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
