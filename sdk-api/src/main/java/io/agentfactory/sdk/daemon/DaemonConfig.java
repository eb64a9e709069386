package io.agentfactory.sdk.daemon;

import java.net.URI;

import io.agentfactory.sdk.internal.Copies;

/**
 * Where the daemon listens: host and port (read from {@code daemon.yaml}, or overridden by the
 * environment or a flag). {@link #baseUrl()} brackets IPv6 literals: {@code ::1} gives
 * {@code http://[::1]:7734}.
 *
 * @param host the bind address (default {@code 127.0.0.1})
 * @param port the HTTP port (default {@code 7734})
 */
public record DaemonConfig(String host, int port) {

    /** The default host. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The default port. */
    public static final int DEFAULT_PORT = 7734;

    /** Applies the defaults to an empty host or a zero port; rejects ports outside 1–65535. */
    public DaemonConfig {
        host = Copies.text(host).trim();
        if (host.isEmpty()) {
            host = DEFAULT_HOST;
        }
        if (port == 0) {
            port = DEFAULT_PORT;
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** {@code 127.0.0.1:7734}. */
    public static DaemonConfig defaults() {
        return new DaemonConfig(DEFAULT_HOST, DEFAULT_PORT);
    }

    /** The base URL of the daemon's API, for example {@code http://127.0.0.1:7734}. */
    public String baseUrl() {
        String h = host;
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return URI.create("http://" + h + ":" + port).toString();
    }
}
