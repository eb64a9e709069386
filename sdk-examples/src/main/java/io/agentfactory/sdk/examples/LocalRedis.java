package io.agentfactory.sdk.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway {@code redis-server} for the queue example: a free loopback port, a temporary
 * directory, no persistence; {@link #close()} stops it and deletes the directory. Blocking: call it
 * from {@code main} or a test.
 */
final class LocalRedis implements AutoCloseable {

    private final Process process;
    private final Path dir;
    private final int port;

    private LocalRedis(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** {@code redis-server} on the {@code PATH}, or in {@code /usr/bin} or {@code /usr/local/bin}. */
    static Optional<Path> installed() {
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(":")),
                        Stream.of("/usr/bin", "/usr/local/bin"))
                .filter(p -> !p.isEmpty()).map(p -> Path.of(p, "redis-server")).filter(Files::isExecutable).findFirst();
    }

    /** Starts {@code binary} and returns once it accepts connections. */
    static LocalRedis start(Path binary) {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Path dir = Files.createTempDirectory("queue-dashboard");
            Process process = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--dir", dir.toString(), "--save", "", "--appendonly", "no", "--logfile", "")
                    .redirectErrorStream(true).start();
            BufferedReader log = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = log.readLine()) != null; ) {
                if (line.contains("Ready to accept connections")) {
                    Thread drain = new Thread(() -> {
                    try {
                        log.lines().forEach(l -> { });
                    }
                    catch (UncheckedIOException closed) {
                        // The server stopped: nothing more to drain.
                    }
                }, "redis-log");
                    drain.setDaemon(true);
                    drain.start();
                    return new LocalRedis(process, dir, port);
                }
            }
            throw new IllegalStateException("redis-server exited before accepting connections");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code redis://127.0.0.1:<port>}. */
    String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
