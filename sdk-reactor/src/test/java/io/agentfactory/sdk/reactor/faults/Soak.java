package io.agentfactory.sdk.reactor.faults;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * What the soak tests share: their size from system properties, the heap measure, and quiet SDK
 * logging. By default the unary soak makes 10,000 calls (about 20 s at most on a loaded 2-core
 * machine); the stream soak runs its full 500 streams. Properties: {@code soak.calls},
 * {@code soak.concurrency} (256), {@code soak.connections} (64), {@code soak.streams} (500),
 * {@code soak.seed}.
 *
 * <p>Full size, as the issue asks (run from the repository root; the soak tests only):
 *
 * <pre>
 * ./mvnw -B -q -pl sdk-reactor -am test-compile surefire:test@default-test \
 *     -Dtest='*SoakTest' -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dsoak.calls=100000 -Dsoak.streams=500
 * </pre>
 */
final class Soak {

    /** Restores the log levels when closed. */
    interface Quiet extends AutoCloseable {
        @Override
        void close();
    }

    private Soak() {
    }

    /** An integer system property, or {@code fallback}. */
    static int size(String property, int fallback) {
        return Integer.getInteger(property, fallback);
    }

    /** A long system property, or {@code fallback}. */
    static long seed(long fallback) {
        return Long.getLong("soak.seed", fallback);
    }

    /** Heap in use after collecting garbage, in bytes. */
    static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        // Several rounds: finalizers and reference queues free more on the second pass.
        for (int round = 0; round < 3; round++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Megabytes, for reports. */
    static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    /**
     * Lowers the SDK's loggers to INFO until closed: the test configuration logs every request
     * at DEBUG to a synchronous file appender, which would measure the appender, not the client.
     */
    static Quiet quietSdkLogs() {
        Logger sdk = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("io.agentfactory");
        Level before = sdk.getLevel();
        sdk.setLevel(Level.INFO);
        return () -> sdk.setLevel(before);
    }
}
