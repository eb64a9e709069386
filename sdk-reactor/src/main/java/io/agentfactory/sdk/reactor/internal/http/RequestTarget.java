package io.agentfactory.sdk.reactor.internal.http;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;

import reactor.netty.http.client.HttpClient;
import reactor.netty.transport.AddressUtils;

/**
 * Where every request of a pipeline goes, worked out once from its base URL: the remote address
 * (host and port, unresolved, as Reactor Netty makes it from an absolute URI), whether it is TLS,
 * and the base URL's path, which prefixes every route's path. With it set on the client, a request
 * carries only its path: Reactor Netty neither parses an absolute URI per request nor copies its
 * configuration to add TLS per request. The {@code Host} header, TLS server name, proxy choice and
 * connection pool key are those of the absolute URI: all derive from the same address. Not API.
 *
 * @param address the unresolved host and port (an IP literal is resolved, as Reactor Netty does)
 * @param secure whether the scheme is {@code https}
 * @param pathPrefix the base URL's raw path without trailing {@code /}, or {@code ""}
 */
record RequestTarget(InetSocketAddress address, boolean secure, String pathPrefix) {

    /** The target of a base URL already checked by {@link HttpPipeline#checkBaseUrl(String)}. */
    static RequestTarget of(String checkedBaseUrl) {
        URI uri = URI.create(checkedBaseUrl);
        boolean secure = "https".equals(uri.getScheme().toLowerCase(Locale.ROOT));
        String host = uri.getHost();
        if (host.length() > 1 && host.charAt(0) == '[' && host.charAt(host.length() - 1) == ']') {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() != -1 ? uri.getPort() : secure ? 443 : 80;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new RequestTarget(AddressUtils.createUnresolved(host, port), secure, path);
    }

    /**
     * {@code client} sending to this target: its remote address, TLS on for {@code https} (the
     * client's own TLS settings kept when it has some) and off for {@code http} (as an absolute
     * {@code http} URI turns it off), and no base URL of the caller's client in the way.
     */
    HttpClient applyTo(HttpClient client) {
        InetSocketAddress remote = address;
        HttpClient targeted = client.remoteAddress(() -> remote);
        String callersBase = targeted.configuration().baseUrl();
        if (callersBase != null && !callersBase.isEmpty()) {
            // A relative URI would be appended to it; the SDK's base URL is the one that counts.
            targeted = targeted.baseUrl("");
        }
        if (secure) {
            return targeted.configuration().isSecure() ? targeted : targeted.secure();
        }
        return targeted.noSSL();
    }

    /** The path and query to send for {@code route}: the base URL's path, then the route's. */
    String uriOf(Route route) {
        String pathAndQuery = route.pathAndQuery();
        return pathPrefix.isEmpty() ? pathAndQuery : pathPrefix + pathAndQuery;
    }
}
