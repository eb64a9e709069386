package io.agentfactory.sdk.reactor;

/**
 * What {@code warmup(WarmupOptions)} of {@code ReactorCoordinatorClient} and
 * {@code ReactorDaemonClient} prepares beyond the local work of {@code warmup()} (event loops, host
 * name resolver, native transport, JSON readers).
 *
 * <p>{@link #openConnection()}: also open one connection to the server ahead of the first call and
 * leave it idle in the client's pool, so that the first call skips the TCP (and TLS) handshake. The
 * connection is opened the one way that works through proxies and TLS alike: one {@code OPTIONS}
 * request on the path of the client's most common route, without credentials, whose answer (any
 * status, a 404 or 405 included) is read and dropped. It contacts the server, so it is off by
 * default. When the server cannot be reached the warm-up fails as a call would:
 * {@link io.agentfactory.sdk.error.TransportException} (refused, reset, DNS) or
 * {@link io.agentfactory.sdk.error.RequestTimeoutException} (connect or response timeout).
 *
 * @param openConnection whether to open a connection ahead (contacts the server)
 */
public record WarmupOptions(boolean openConnection) {

    private static final WarmupOptions LOCAL = new WarmupOptions(false);
    private static final WarmupOptions WITH_CONNECTION = new WarmupOptions(true);

    /** Local work only: nothing is sent (what {@code warmup()} does). */
    public static WarmupOptions local() {
        return LOCAL;
    }

    /** Local work, then one connection opened ahead (contacts the server). */
    public static WarmupOptions withConnection() {
        return WITH_CONNECTION;
    }
}
