package io.agentfactory.sdk.reactor.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * A real {@code redis-server} (the Debian package) on a free loopback port, in its own temporary
 * directory, stopped and deleted by {@link #close()}. Fails (never skips) when the binary is missing:
 * CI installs it. {@link #kill()} sends SIGKILL; {@link #restart()} starts it again on the same
 * port and directory (with {@code appendonly}, the data survives).
 */
public final class RedisServer implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final List<String> extra;
    private Process process;
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    private RedisServer(Path dir, int port, List<String> extra) {
        this.dir = dir;
        this.port = port;
        this.extra = extra;
    }

    /** The binary: {@code redis-server} on the PATH (or in /usr/bin, /usr/local/bin). */
    public static Optional<Path> binary(String name) {
        Stream<String> path = Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(":")),
                Stream.of("/usr/bin", "/usr/local/bin", "/usr/sbin"));
        return path.filter(p -> !p.isEmpty()).map(p -> Path.of(p, name)).filter(Files::isExecutable).findFirst();
    }

    /**
     * Starts a server with these extra {@code redis-server} arguments (for example
     * {@code "--requirepass", "secret"}).
     */
    public static RedisServer start(String... extraArgs) {
        try {
            RedisServer server = new RedisServer(Files.createTempDirectory("redis-test"), freePort(), List.of(extraArgs));
            server.launch();
            return server;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free loopback port (nothing listens on it when this returns). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launch() throws IOException {
        Path binary = binary("redis-server").orElseThrow(() -> new AssertionError(
                "redis-server is not installed: the queue tests need a real Redis (apt-get install -y redis-server;"
                        + " .ci/run installs it)"));
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--port", Integer.toString(port), "--bind",
                "127.0.0.1", "--dir", dir.toString(), "--save", "", "--daemonize", "no", "--logfile", "",
                "--protected-mode", "no"));
        command.addAll(extra);
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader log = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = log.readLine()) != null; ) {
            seen.append(line).append('\n');
            if (line.contains("Ready to accept connections")) {
                // Keep draining the log so that the server never blocks on a full pipe.
                Thread drain = new Thread(() -> {
                    try {
                        log.lines().forEach(l -> { });
                    }
                    catch (UncheckedIOException closed) {
                        // The server stopped: nothing more to drain.
                    }
                }, "redis-log-" + port);
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new AssertionError("redis-server exited before it was ready:\n" + seen);
    }

    /** The port. */
    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:port}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Blocking commands for seeding and checking, on the test thread (never on an event loop). */
    public synchronized RedisCommands<String, String> commands() {
        if (connection == null || !connection.isOpen()) {
            if (client == null) {
                client = RedisClient.create();
            }
            int at = extra.indexOf("--requirepass");
            RedisURI uri = RedisURI.create(at < 0 ? url() : "redis://:" + extra.get(at + 1) + "@127.0.0.1:" + port);
            connection = client.connect(uri);
        }
        return connection.sync();
    }

    /** SIGKILL: no shutdown, no save. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    /** Starts the server again on the same port and directory. */
    public void restart() {
        try {
            launch();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        kill();
        if (client != null) {
            client.shutdown();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
