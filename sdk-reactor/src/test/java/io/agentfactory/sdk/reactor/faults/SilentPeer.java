package io.agentfactory.sdk.reactor.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP peer that accepts every connection and then neither reads nor writes a byte: a
 * POST's body fills the socket buffers and stops, a TLS client hello is never answered. Sockets
 * are held open until {@link #close()}. Accepting runs on its own platform thread (plain blocking
 * sockets: the point is a peer that does nothing).
 */
final class SilentPeer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private SilentPeer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        // Small buffers: a body of a few megabytes is enough to fill them.
        server.setReceiveBufferSize(64 * 1024);
        acceptor = new Thread(this::acceptForever, "silent-peer-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A peer listening on a free loopback port. */
    static SilentPeer start() throws IOException {
        return new SilentPeer();
    }

    /** {@code <scheme>://127.0.0.1:<port>}. */
    String url(String scheme) {
        return scheme + "://127.0.0.1:" + server.getLocalPort();
    }

    /** How many connections were accepted. */
    int connections() {
        return accepted.size();
    }

    private void acceptForever() {
        try {
            while (!server.isClosed()) {
                accepted.add(server.accept());
            }
        }
        catch (IOException closed) {
            // close() ends the loop.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }
}
