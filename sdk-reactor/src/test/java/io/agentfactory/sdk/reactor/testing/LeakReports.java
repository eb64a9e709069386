package io.agentfactory.sdk.reactor.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * A logback appender attached (in {@code logback-test.xml}) to Netty's leak detector logger: it
 * keeps every {@code LEAK:} report so that {@link LeakGuardExtension} can fail the build on it.
 */
public final class LeakReports extends AppenderBase<ILoggingEvent> {

    private static final Queue<String> REPORTS = new ConcurrentLinkedQueue<>();

    @Override
    protected void append(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        if (message != null && message.contains("LEAK")) {
            REPORTS.add(message);
        }
    }

    /** Takes and clears the reports seen so far. */
    public static List<String> drain() {
        List<String> out = new ArrayList<>();
        for (String r; (r = REPORTS.poll()) != null; ) {
            out.add(r);
        }
        return out;
    }
}
