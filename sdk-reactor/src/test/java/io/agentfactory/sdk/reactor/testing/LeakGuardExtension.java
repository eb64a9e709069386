package io.agentfactory.sdk.reactor.testing;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty reported a buffer leak while it ran. Registered for every test
 * class through the JUnit extension service file; leak detection runs at {@code paranoid} (set in
 * the build's test JVM arguments).
 *
 * <p>Netty reports a leak when it finds a collected, unreleased buffer while tracking a new
 * allocation; after each class this forces collection and allocates so that pending reports are
 * flushed before checking.
 */
public final class LeakGuardExtension implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> reports = flush();
        if (!reports.isEmpty()) {
            throw new AssertionError(reports.size() + " Netty buffer leak report(s) in "
                    + context.getDisplayName() + ":\n" + String.join("\n---\n", reports));
        }
    }

    /** Collects garbage, provokes leak detection and returns (and clears) the reports. */
    public static List<String> flush() {
        for (int round = 0; round < 3; round++) {
            System.gc();
            for (int i = 0; i < 64; i++) {
                ByteBuf pooled = PooledByteBufAllocator.DEFAULT.directBuffer(8);
                pooled.release();
                ByteBuf heap = UnpooledByteBufAllocator.DEFAULT.heapBuffer(8);
                heap.release();
            }
        }
        return LeakReports.drain();
    }
}
