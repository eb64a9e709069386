package io.agentfactory.sdk.reactor.config;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A second process that looks at a lock file through the OS. Modes: {@code probe <lockFile>}
 * prints {@code held} when another process holds the lock, {@code free} otherwise, then exits;
 * {@code hold <lockFile>} takes the lock, prints {@code locked} and keeps it until a line arrives
 * on its input.
 */
public final class LockProbeMain {

    private LockProbeMain() {
    }

    public static void main(String[] args) throws Exception {
        Path lockFile = Path.of(args[1]);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            if (args[0].equals("probe")) {
                try (FileLock lock = channel.tryLock()) {
                    System.out.println(lock == null ? "held" : "free");
                }
                return;
            }
            try (FileLock lock = channel.lock()) {
                System.out.println("locked");
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
        }
    }
}
