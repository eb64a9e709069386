package io.agentfactory.sdk.reactor;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.reactor.internal.http.HeaderValues;
import io.agentfactory.sdk.reactor.internal.http.ProxyHostPatterns;
import io.agentfactory.sdk.reactor.internal.http.SystemProxySettings;

/**
 * An HTTP proxy the client tunnels through ({@code CONNECT host:port}, for {@code http} and
 * {@code https} targets alike), or the system's proxy settings. Immutable; {@link #toString()}
 * never shows the password, and neither do the SDK's logs and errors.
 *
 * <pre>{@code
 * TransportOptions.builder()
 *         .proxy(ProxyOptions.http("proxy.corp", 3128).withCredentials("svc", secret))
 *         .build();
 * TransportOptions.builder().useSystemProxy().build();   // https.proxyHost, HTTPS_PROXY, NO_PROXY, ...
 * }</pre>
 *
 * <p>The system settings ({@link #system()}) are read when a client is created, for the scheme of
 * its base URL: the Java properties {@code https.proxyHost} / {@code https.proxyPort} (for an
 * {@code https} base URL) or {@code http.proxyHost} / {@code http.proxyPort} (for {@code http}),
 * with {@code http.nonProxyHosts} ({@code |}-separated, {@code *} at either end; unset means
 * {@code localhost|127.*|[::1]}, as in the JDK); when those are not set, the variables
 * {@code HTTPS_PROXY} / {@code HTTP_PROXY} ({@code http://[user:password@]host[:port]}, lower-case
 * names too) with {@code NO_PROXY} (comma-separated hosts or domain suffixes, {@code *} for all).
 * No setting means a direct connection.
 */
public final class ProxyOptions {

    private final @Nullable String host;
    private final int port;
    private final @Nullable String username;
    private final @Nullable String password;
    private final List<String> nonProxyHosts;
    private final @Nullable Function<String, @Nullable String> properties;
    private final @Nullable Map<String, String> environment;

    private ProxyOptions(@Nullable String host, int port, @Nullable String username, @Nullable String password,
            List<String> nonProxyHosts, @Nullable Function<String, @Nullable String> properties,
            @Nullable Map<String, String> environment) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.nonProxyHosts = nonProxyHosts;
        this.properties = properties;
        this.environment = environment;
    }

    /**
     * The HTTP proxy at {@code host:port}.
     *
     * @throws IllegalArgumentException when the host is blank or holds control characters, or the
     *         port is not within 1–65535
     */
    public static ProxyOptions http(String host, int port) {
        Objects.requireNonNull(host, "host");
        if (host.isBlank() || host.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("proxy host must not be blank or hold spaces or control characters");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy port must be within 1-65535: " + port);
        }
        return new ProxyOptions(host, port, null, null, List.of(), null, null);
    }

    /** The system's settings (Java properties, then environment variables), read when a client is created. */
    public static ProxyOptions system() {
        return new ProxyOptions(null, 0, null, null, List.of(), System::getProperty, System.getenv());
    }

    /**
     * The settings of these Java properties and environment variables, read as {@link #system()}
     * reads the real ones (for tests, or for settings from elsewhere).
     */
    public static ProxyOptions system(Function<String, @Nullable String> properties, Map<String, String> environment) {
        return new ProxyOptions(null, 0, null, null, List.of(), Objects.requireNonNull(properties, "properties"),
                Map.copyOf(environment));
    }

    /**
     * A copy that authenticates to the proxy ({@code Proxy-Authorization: Basic}).
     *
     * @throws IllegalArgumentException on a system proxy (credentials come from its URL), a blank
     *         user name, or control characters
     */
    public ProxyOptions withCredentials(String user, String secret) {
        requireExplicit("withCredentials");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(secret, "password");
        if (user.isBlank() || user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("proxy user must not be blank or hold ':'");
        }
        HeaderValues.check("proxy user", user);
        HeaderValues.check("proxy password", secret);
        return new ProxyOptions(host, port, user, secret, nonProxyHosts, null, null);
    }

    /**
     * A copy that connects directly to hosts matching these patterns (a host name, or {@code *}
     * at the start or end: {@code *.internal}, {@code 10.*}).
     */
    public ProxyOptions withNonProxyHosts(String... patterns) {
        requireExplicit("withNonProxyHosts");
        List<String> list = Arrays.stream(patterns).map(p -> Objects.requireNonNull(p, "pattern").strip())
                .filter(p -> !p.isEmpty()).toList();
        return new ProxyOptions(host, port, username, password, list, null, null);
    }

    /** Whether these are the system settings ({@link #system()}), resolved when a client is created. */
    public boolean isSystem() {
        return properties != null;
    }

    /** The proxy host ({@code null} for the system settings). */
    public @Nullable String host() {
        return host;
    }

    /** The proxy port ({@code 0} for the system settings). */
    public int port() {
        return port;
    }

    /** The user name, when set. */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** The password, when set. Never logged. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** Patterns of hosts reached directly. */
    public List<String> nonProxyHosts() {
        return nonProxyHosts;
    }

    /**
     * The proxy to use for {@code target} (an absolute http(s) URI), empty for a direct connection:
     * for explicit options this proxy unless the target's host matches {@link #nonProxyHosts()};
     * for the system settings the proxy they name for the target's scheme and host.
     *
     * @throws IllegalArgumentException when a system setting is malformed (e.g. a proxy URL that is
     *         not {@code http://}); the message never repeats credentials
     */
    public Optional<ProxyOptions> resolveFor(URI target) {
        String targetHost = target.getHost() == null ? "" : target.getHost();
        if (properties == null || environment == null) {
            return ProxyHostPatterns.matchesAny(nonProxyHosts, targetHost) ? Optional.empty() : Optional.of(this);
        }
        return SystemProxySettings.resolve(properties, environment, target);
    }

    private void requireExplicit(String what) {
        if (isSystem()) {
            throw new IllegalArgumentException(what + " does not apply to the system proxy settings");
        }
    }

    @Override
    public String toString() {
        if (isSystem()) {
            return "ProxyOptions[system]";
        }
        return "ProxyOptions[http://" + host + ":" + port + (username == null ? "" : ", user=" + username
                + ", password=REDACTED") + (nonProxyHosts.isEmpty() ? "" : ", nonProxyHosts=" + nonProxyHosts) + "]";
    }
}
