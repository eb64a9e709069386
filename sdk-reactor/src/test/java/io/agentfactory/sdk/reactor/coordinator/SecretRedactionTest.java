package io.agentfactory.sdk.reactor.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.error.HttpStatusException;
import io.agentfactory.sdk.reactor.RetryPolicy;
import io.agentfactory.sdk.reactor.testing.LoopbackServer;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;
import io.agentfactory.sdk.reactor.testing.SessionFeed;
import io.agentfactory.sdk.session.ActivityFollowRequest;
import io.agentfactory.sdk.session.SessionStatus;
import io.agentfactory.sdk.task.SubmitTaskRequest;

/**
 * The bearer token never leaves the client other than in its {@code Authorization} header: not in
 * any log line at DEBUG (the SDK's or the transport's), not in an error's message, details or
 * stack trace, not in a {@code toString}. And the SDK's log lines name path templates with ids
 * masked.
 */
class SecretRedactionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SESSION_ID = "sess-7f1c2d3e-visible-id";

    @RegisterExtension
    static final LoopbackServer loopback = new LoopbackServer();

    private static RecordingServer server() {
        return loopback.server();
    }

    private static ReactorCoordinatorClient client;
    private static final CapturedLog log = new CapturedLog();
    private static Level rootLevel;

    @BeforeAll
    static void start() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        log.start();
        root.addAppender(log);
        client = Coordinators.client(server(), b -> b.token(Coordinators.TOKEN).orgScope("org_1")
                .transport(Coordinators.transport().retryPolicy(RetryPolicy.defaults()
                        .withBackoff(Duration.ofMillis(1), Duration.ofMillis(2), 0.0)).build()));
    }

    @AfterAll
    static void stop() {
        client.close();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(log);
        root.setLevel(rootLevel);
    }

    @BeforeEach
    void reset() {
        log.clear();
    }

    @Test
    void successfulCallsLogNoToken() {
        server().replyWith(Reply.json(CoordinatorWire.SESSION_DETAIL));

        client.getSessionDetail(SESSION_ID).block(WAIT);
        server().replyWith(Reply.json(CoordinatorWire.SUBMIT_TASK));
        client.submitTask(new SubmitTaskRequest("REN-1", "", "", 0)).block(WAIT);

        assertThat(server().requests()).allSatisfy(r -> assertThat(r.header("Authorization")).contains(Coordinators.TOKEN));
        assertThat(log.lines()).isNotEmpty().noneMatch(line -> line.contains(Coordinators.TOKEN));
    }

    @Test
    void theSdkLogsMethodTemplateStatusAndDurationWithIdsMasked() {
        server().replyWith(Reply.json(CoordinatorWire.SESSION_DETAIL));

        client.getSessionDetail(SESSION_ID).block(WAIT);

        assertThat(log.sdkLines()).singleElement().asString()
                .matches("GET /api/public/sessions/\\{} -> 200 \\(\\d+ ms to headers\\)");
    }

    @Test
    void activityPagesLogTheRouteWithoutItsQuery() {
        SessionFeed feed = SessionFeed.of(SessionStatus.COMPLETED, 5, 2);
        server().replyWith(feed::reply);

        client.followActivities(ActivityFollowRequest.of(SESSION_ID)).blockLast(WAIT);

        assertThat(log.sdkLines()).hasSize(2).allMatch(line -> line.startsWith("GET /api/public/session-activities -> 200"));
        assertThat(log.sdkLines()).noneMatch(line -> line.contains(SESSION_ID) || line.contains("c-ev"));
    }

    @Test
    void retryLogLinesMaskIdsAndCarryNoToken() {
        server().replySequence(Reply.json(503, "{\"error\":\"busy\"}"), Reply.json(CoordinatorWire.SESSION_DETAIL));

        client.getSessionDetail(SESSION_ID).block(WAIT);

        assertThat(log.sdkLines()).anyMatch(line -> line.startsWith("GET /api/public/sessions/{} failed (UnavailableException); retry 1 of 2"));
        assertThat(log.lines()).noneMatch(line -> line.contains(Coordinators.TOKEN) || line.contains(SESSION_ID)
                && line.contains("io.agentfactory"));
    }

    @Test
    void aTokenEchoedInAnErrorMessageIsRedacted() {
        server().replyWith(Reply.json(401, "{\"error\":\"invalid token " + Coordinators.TOKEN + "\"}"));

        HttpStatusException e = (HttpStatusException) catchThrowable(() -> client.getStats().block(WAIT));

        assertThat(e.serverMessage()).isEqualTo("invalid token REDACTED");
        assertNoToken(e);
    }

    @Test
    void aTokenEchoedInAPlainTextErrorIsRedacted() {
        server().replyWith(Reply.text(500, "upstream said: Authorization: Bearer " + Coordinators.TOKEN + "\n"));

        assertNoToken(catchThrowable(() -> client.getStats().block(WAIT)));
    }

    @Test
    void aTokenEchoedInErrorDetailsAtAnyDepthIsRedacted() {
        server().replyWith(Reply.json(403, "{\"error\":\"denied\",\"token\":\"" + Coordinators.TOKEN + "\","
                + "\"request\":{\"headers\":{\"authorization\":\"Bearer " + Coordinators.TOKEN + "\"},"
                + "\"seen\":[\"" + Coordinators.TOKEN + "\"]}}"));

        HttpStatusException e = (HttpStatusException) catchThrowable(() -> client.getStats().block(WAIT));

        assertThat(e.detail("token")).contains("REDACTED");
        assertThat(String.valueOf(e.details())).doesNotContain(Coordinators.TOKEN).contains("Bearer REDACTED");
        assertNoToken(e);
    }

    @Test
    void transportErrorsCarryNoToken() {
        server().replyWith(Reply.custom((req, res) -> {
            res.withConnection(c -> c.channel().close());
            return Mono.never();
        }));

        assertNoToken(catchThrowable(() -> client.getStats().block(WAIT)));
        assertThat(log.lines()).noneMatch(line -> line.contains(Coordinators.TOKEN));
    }

    @Test
    void decodeErrorsCarryNoTokenEvenWhenTheBodyHoldsIt() {
        server().replyWith(Reply.json("{\"queueDepth\":\"" + Coordinators.TOKEN + "\"}"));

        assertNoToken(catchThrowable(() -> client.getStats().block(WAIT)));
    }

    @Test
    void toStringsNeverShowTheToken() {
        assertThat(client.toString()).doesNotContain(Coordinators.TOKEN).contains("token=REDACTED");
        assertThat(client.options().toString()).doesNotContain(Coordinators.TOKEN);
        assertThat(client.credentials()).hasValueSatisfying(c -> {
            assertThat(c.token()).isEqualTo(Coordinators.TOKEN);
            assertThat(c.toString()).doesNotContain(Coordinators.TOKEN).contains("REDACTED");
        });
    }

    @Test
    void credentialsGiveTheBaseUrlAndTokenOfARealClient() {
        assertThat(client.credentials()).hasValueSatisfying(c -> {
            assertThat(c.baseUrl()).isEqualTo(server().baseUrl());
            assertThat(c.token()).isEqualTo(Coordinators.TOKEN);
        });
    }

    @Test
    void credentialsAreEmptyWithoutAToken() {
        try (ReactorCoordinatorClient anonymous = Coordinators.anonymous(server())) {
            assertThat(anonymous.credentials()).isEmpty();
        }
    }

    private static void assertNoToken(Throwable e) {
        assertThat(e).isNotNull();
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(Coordinators.TOKEN);
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(Coordinators.TOKEN);
            if (t instanceof HttpStatusException h) {
                assertThat(String.valueOf(h.details())).doesNotContain(Coordinators.TOKEN);
            }
        }
    }

    /** Every log event of every logger, formatted with its throwable, while the class runs. */
    private static final class CapturedLog extends AppenderBase<ILoggingEvent> {

        private final Queue<String> lines = new ConcurrentLinkedQueue<>();
        private final Queue<String> sdk = new ConcurrentLinkedQueue<>();

        @Override
        protected void append(ILoggingEvent event) {
            String line = event.getLoggerName() + " " + event.getFormattedMessage();
            if (event.getThrowableProxy() != null) {
                line += "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
            }
            lines.add(line);
            if (event.getLoggerName().startsWith("io.agentfactory")) {
                sdk.add(event.getFormattedMessage());
            }
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        List<String> sdkLines() {
            return List.copyOf(sdk);
        }

        void clear() {
            lines.clear();
            sdk.clear();
        }
    }
}
