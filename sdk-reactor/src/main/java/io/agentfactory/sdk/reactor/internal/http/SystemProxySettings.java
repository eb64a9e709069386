package io.agentfactory.sdk.reactor.internal.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.reactor.ProxyOptions;

/**
 * Reads the system's proxy settings for one target: Java properties first
 * ({@code http(s).proxyHost}, {@code http(s).proxyPort}, {@code http.nonProxyHosts}), then the
 * environment ({@code HTTPS_PROXY} / {@code HTTP_PROXY}, {@code NO_PROXY}). Not API.
 */
public final class SystemProxySettings {

    /** The JDK's exclusions when {@code http.nonProxyHosts} is not set. */
    private static final List<String> JDK_DEFAULT_NON_PROXY = List.of("localhost", "127.*", "[::1]");

    private SystemProxySettings() {
    }

    /**
     * The proxy for {@code target}, empty for a direct connection.
     *
     * @throws IllegalArgumentException when a setting is malformed (never repeating credentials)
     */
    public static Optional<ProxyOptions> resolve(Function<String, @Nullable String> properties,
            Map<String, String> environment, URI target) {
        boolean https = "https".equalsIgnoreCase(target.getScheme());
        String host = target.getHost() == null ? "" : target.getHost();
        int port = target.getPort() > 0 ? target.getPort() : https ? 443 : 80;
        String prefix = https ? "https" : "http";
        String proxyHost = properties.apply(prefix + ".proxyHost");
        if (proxyHost != null && !proxyHost.isBlank()) {
            String patterns = properties.apply("http.nonProxyHosts");
            List<String> exclusions = patterns == null ? JDK_DEFAULT_NON_PROXY : List.of(patterns.split("\\|"));
            if (ProxyHostPatterns.matchesAny(exclusions, host)) {
                return Optional.empty();
            }
            return Optional.of(ProxyOptions.http(proxyHost.strip(),
                    port(properties.apply(prefix + ".proxyPort"), https ? 443 : 80, prefix + ".proxyPort")));
        }
        String variable = https ? "HTTPS_PROXY" : "HTTP_PROXY";
        String url = variable(environment, variable);
        if (url == null) {
            return Optional.empty();
        }
        String noProxy = variable(environment, "NO_PROXY");
        if (noProxy != null && ProxyHostPatterns.excludedByNoProxy(noProxy, host, port)) {
            return Optional.empty();
        }
        return Optional.of(fromUrl(url, variable));
    }

    private static @Nullable String variable(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            value = environment.get(name.toLowerCase(Locale.ROOT));
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code [http://][user[:password]@]host[:port]}. */
    private static ProxyOptions fromUrl(String value, String variable) {
        URI uri;
        try {
            uri = URI.create(value.contains("://") ? value : "http://" + value);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + " is not a valid proxy URL");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException(variable + " must be an http:// proxy URL (only HTTP CONNECT "
                    + "proxies are supported)");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(variable + " names no proxy host");
        }
        ProxyOptions proxy = ProxyOptions.http(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 80);
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null || userInfo.isEmpty()) {
            return proxy;
        }
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        try {
            return proxy.withCredentials(user, password);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + " carries invalid proxy credentials");
        }
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static int port(@Nullable String value, int defaultPort, String name) {
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        }
        catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a port within 1-65535");
    }
}
