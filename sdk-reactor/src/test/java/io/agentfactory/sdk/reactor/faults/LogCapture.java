package io.agentfactory.sdk.reactor.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Captures every log line while it is started: the SDK's and Reactor Netty's loggers at DEBUG,
 * everything else at its configured level (WARN and up), each line with its logger, message and
 * stack trace as text, so a test can search for a secret or a BlockHound report.
 */
public final class LogCapture implements AutoCloseable {

    /** The loggers raised to DEBUG while capturing. */
    private static final List<String> DEBUG_LOGGERS = List.of("io.agentfactory", "reactor.netty");

    private final Queue<String> lines = new ConcurrentLinkedQueue<>();
    private final Map<Logger, Level> previousLevels = new LinkedHashMap<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(256).append(event.getLevel()).append(' ')
                    .append(event.getLoggerName()).append(" - ").append(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            lines.add(line.toString());
        }
    };

    private LogCapture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        appender.setContext(context);
        appender.setName("fault-log-capture");
        appender.start();
        for (String name : DEBUG_LOGGERS) {
            Logger logger = context.getLogger(name);
            previousLevels.put(logger, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    /** Starts capturing. */
    public static LogCapture start() {
        return new LogCapture();
    }

    /** The lines captured so far. */
    public List<String> lines() {
        return new ArrayList<>(lines);
    }

    /** The captured lines that contain {@code text}. */
    public List<String> linesContaining(String text) {
        return lines.stream().filter(line -> line.contains(text)).toList();
    }

    /** Forgets the lines captured so far. */
    public void clear() {
        lines.clear();
    }

    /** Stops capturing and restores the levels. */
    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
        previousLevels.forEach(Logger::setLevel);
    }
}
