package io.agentfactory.sdk.reactor.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.AgentFactoryException;
import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.error.QueueDataException;
import io.agentfactory.sdk.error.QueueItemNotFoundException;
import io.agentfactory.sdk.error.QueueStateConflictException;
import io.agentfactory.sdk.error.RedisCommandException;
import io.agentfactory.sdk.error.RedisConnectionException;
import io.agentfactory.sdk.error.RedisUrlRequiredException;
import io.agentfactory.sdk.queue.KeyLayout;
import io.agentfactory.sdk.queue.RequeueResult;
import io.agentfactory.sdk.queue.SessionSelector;
import io.agentfactory.sdk.reactor.testing.RedisServer;

/** A killed server, a refused connection, wrong databases and types, and edits racing workers and admins. */
class QueueFaultsTest extends RedisPerClass {

    private static final String RUNNING = "{\"status\":\"running\",\"workerId\":\"wkr_1\",\"updatedAt\":1767225500000}";

    @Override
    String[] serverArguments() {
        // Every write reaches the disk before the reply, so what survives a SIGKILL is exactly what was acknowledged.
        return new String[] {"--appendonly", "yes", "--appendfsync", "always"};
    }

    @Test
    void aServerKilledBetweenTheReadsAndTheScriptFailsTypedAndLosesNothing() {
        writers.queueWork("sess-k", 2, NOW, "");
        writers.session("sess-k", RUNNING);
        writers.claim("sess-k", "wkr_1");
        writers.session("other", RUNNING);
        Map<String, String> before = dump();
        RedisQueueAdmin admin = admin(KeyLayout.REFERENCE, (operation, id) -> Mono.fromRunnable(server::kill)
                .subscribeOn(Schedulers.boundedElastic()).then());

        StepVerifier.create(admin.requeue(SessionSelector.of("sess-k")))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RedisConnectionException.class)
                        .matches(x -> ((AgentFactoryException) x).isRetryable()))
                .verify(TIMEOUT);
        server.restart();

        assertThat(dump()).isEqualTo(before);
        // The admin opens a new connection on its next call.
        RedisQueueAdmin plain = admin(KeyLayout.REFERENCE);
        assertThat(plain.requeue(SessionSelector.of("sess-k")).block(TIMEOUT).previousStatus()).isEqualTo("running");
        assertThat(admin.ping().onErrorResume(e -> Mono.empty()).then(admin.snapshot()).block(TIMEOUT).sessions()).hasSize(2);
    }

    @Test
    void aServerKilledWhileTheScriptWaitsInItFailsTypedAndLosesNothing() {
        writers.session("sess-p", RUNNING);
        writers.queueWork("sess-p", 1, NOW, "");
        Map<String, String> before = dump();
        // The hook pauses writes (scripts included) in the server; the script is sent and waits there; the
        // server dies with the script received but not run.
        RedisQueueAdmin admin = admin(KeyLayout.REFERENCE, (operation, id) -> Mono.fromRunnable(
                () -> raw("CLIENT PAUSE 60000 WRITE")).subscribeOn(Schedulers.boundedElastic()).then());
        Mono<?> drop = admin.drop(SessionSelector.of("sess-p")).cache();
        drop.subscribe(x -> { }, e -> { });
        try {
            awaitClientList("cmd=evalsha");
            server.kill();

            StepVerifier.create(drop).expectError(RedisConnectionException.class).verify(TIMEOUT);
        }
        finally {
            server.kill();
            server.restart();
        }
        assertThat(dump()).isEqualTo(before);
    }

    /** Waits (bounded) until a client of the server shows {@code marker} in CLIENT LIST. */
    private void awaitClientList(String marker) {
        for (int i = 0; i < 5000; i++) {
            if (raw("CLIENT LIST").contains(marker)) {
                return;
            }
        }
        throw new AssertionError("no client showed " + marker);
    }

    /** One inline command on a fresh connection, its answer as text. */
    private String raw(String command) {
        try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write((command + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] answer = new byte[16384];
            int n = socket.getInputStream().read(answer);
            return new String(answer, 0, Math.max(n, 0), java.nio.charset.StandardCharsets.US_ASCII);
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aRefusedConnectionIsRetryableAndNamesNoPassword() {
        int port = RedisServer.freePort();
        RedisQueueAdmin admin = RedisQueueAdmin.create("redis://ops:hunter2@127.0.0.1:" + port + "/0");
        try {
            StepVerifier.create(admin.ping()).expectErrorSatisfies(e -> {
                assertThat(e).isInstanceOf(RedisConnectionException.class).hasMessageContaining("127.0.0.1:" + port);
                assertThat(((AgentFactoryException) e).isRetryable()).isTrue();
                assertNoSecret(e, "hunter2");
            }).verify(TIMEOUT);
        }
        finally {
            admin.closeGracefully().block(TIMEOUT);
        }
    }

    @Test
    void theSecondAdminOfADropRaceFindsNothingAndChangesNothing() {
        writers.session("sess-r", RUNNING);
        writers.queueWork("sess-r", 1, NOW, "");
        RedisQueueAdmin other = admin(KeyLayout.REFERENCE);
        RedisQueueAdmin first = admin(KeyLayout.REFERENCE,
                (operation, id) -> other.drop(SessionSelector.of(id)).then());

        StepVerifier.create(first.drop(SessionSelector.of("sess-r")))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(QueueItemNotFoundException.class)
                        .hasMessageContaining("dropped meanwhile"))
                .verify(TIMEOUT);
        assertThat(dump()).isEmpty();
    }

    @Test
    void twoAdminsRequeueingOneSessionRequeueItOnce() {
        writers.session("sess-2", RUNNING);
        server.commands().set("work:claim:sess-2", "wkr_1");
        RedisQueueAdmin other = admin(KeyLayout.REFERENCE);
        AtomicInteger hooks = new AtomicInteger();
        RedisQueueAdmin first = admin(KeyLayout.REFERENCE, (operation, id) -> hooks.getAndIncrement() == 0
                ? other.requeue(SessionSelector.of(id)).then() : Mono.empty());

        StepVerifier.create(first.requeue(SessionSelector.of("sess-2")))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(QueueStateConflictException.class)
                        .hasMessageContaining("is pending"))
                .verify(TIMEOUT);
        assertThat(server.commands().zcard("work:queue")).isOne();
        assertThat(server.commands().hlen("work:items")).isOne();
    }

    @Test
    void aWorkerWritingDuringARequeueIsNotOverwritten() {
        writers.session("sess-w", RUNNING);
        AtomicInteger hooks = new AtomicInteger();
        String workerWrite = "{\"status\":\"running\",\"workerId\":\"wkr_1\",\"updatedAt\":1767225599000,"
                + "\"lastToolName\":\"Edit\",\"toolCallCount\":7}";
        RedisQueueAdmin admin = admin(KeyLayout.REFERENCE, (operation, id) -> hooks.getAndIncrement() == 0
                ? Mono.fromRunnable(() -> writers.session(id, workerWrite)).subscribeOn(Schedulers.boundedElastic()).then()
                : Mono.empty());

        RequeueResult result = admin.requeue(SessionSelector.of("sess-w")).block(TIMEOUT);

        assertThat(hooks.get()).isEqualTo(2);
        assertThat(result.previousStatus()).isEqualTo("running");
        assertThat(server.commands().get("agent:session:sess-w")).isEqualTo("{\"status\":\"pending\",\"updatedAt\":" + NOW
                + ",\"lastToolName\":\"Edit\",\"toolCallCount\":7}");
    }

    @Test
    void aWorkerFinishingDuringARequeueWins() {
        writers.session("sess-f", RUNNING);
        String finished = "{\"status\":\"completed\",\"updatedAt\":1767225599000}";
        RedisQueueAdmin admin = admin(KeyLayout.REFERENCE, (operation, id) -> Mono.fromRunnable(
                () -> writers.session(id, finished)).subscribeOn(Schedulers.boundedElastic()).then());

        StepVerifier.create(admin.requeue(SessionSelector.of("sess-f"))).expectError(QueueStateConflictException.class)
                .verify(TIMEOUT);
        assertThat(server.commands().get("agent:session:sess-f")).isEqualTo(finished);
        assertThat(server.commands().exists("work:queue", "work:items")).isZero();
    }

    @Test
    void aWorkerRewritingOnEveryAttemptExhaustsTheCasRetryably() {
        writers.session("sess-busy", RUNNING);
        AtomicInteger writes = new AtomicInteger();
        RedisQueueAdmin admin = admin(KeyLayout.REFERENCE, (operation, id) -> Mono.fromRunnable(() -> writers.session(id,
                "{\"status\":\"running\",\"toolCallCount\":" + writes.incrementAndGet() + "}"))
                .subscribeOn(Schedulers.boundedElastic()).then());

        StepVerifier.create(admin.requeue(SessionSelector.of("sess-busy")))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(QueueStateConflictException.class)
                        .matches(x -> ((AgentFactoryException) x).isRetryable()).hasMessageContaining("8 attempts"))
                .verify(TIMEOUT);
        assertThat(server.commands().get("agent:session:sess-busy")).isEqualTo("{\"status\":\"running\",\"toolCallCount\":8}");
    }

    @Test
    void aWrongTypeWhereAnEditNeedsAStringFailsTypedBeforeAnyWrite() {
        server.commands().hset("agent:session:sess-h", "status", "running");
        writers.queueWork("sess-h", 1, NOW, "");
        Map<String, String> before = dump();
        RedisQueueAdmin admin = admin(KeyLayout.REFERENCE);

        StepVerifier.create(admin.requeue(SessionSelector.of("sess-h")))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(QueueDataException.class)
                        .hasMessageStartingWith("agent:session:sess-h: holds another Redis type"))
                .verify(TIMEOUT);
        StepVerifier.create(admin.drop(SessionSelector.of("sess-h")))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(QueueDataException.class)
                        .hasMessage("agent:session:sess-h: is a hash but the key layout expects a string; nothing was changed"))
                .verify(TIMEOUT);
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void anUnreadableSessionIsATypedErrorForARequeue() {
        writers.session("sess-j", "{\"status\":\"running\",");

        StepVerifier.create(admin(KeyLayout.REFERENCE).requeue(SessionSelector.of("sess-j")))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(QueueDataException.class)
                        .hasMessageContaining("not valid JSON"))
                .verify(TIMEOUT);
        assertThat(server.commands().get("agent:session:sess-j")).isEqualTo("{\"status\":\"running\",");
    }

    @Test
    void theDatabaseOfTheUrlIsTheOneUsedAndAnImpossibleOneIsATypedError() {
        writers.session("in-db-0", RUNNING);
        RedisQueueAdmin db1 = RedisQueueAdmin.create(server.url() + "/1");
        RedisQueueAdmin db99 = RedisQueueAdmin.create(server.url() + "/99");
        try {
            assertThat(db1.snapshot().block(TIMEOUT).sessions()).isEmpty();
            StepVerifier.create(db99.ping()).expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RedisCommandException.class)
                    .hasMessageContaining("DB index is out of range")
                    .matches(x -> !((AgentFactoryException) x).isRetryable())).verify(TIMEOUT);
        }
        finally {
            db1.closeGracefully().block(TIMEOUT);
            db99.closeGracefully().block(TIMEOUT);
        }
    }

    @Test
    void constructionConnectsToNothingAndTheFirstCallDoesNotBlockAnEventLoop() {
        RedisQueueAdmin admin = admin(KeyLayout.REFERENCE);
        // Only the test's own connection is open: the admin has connected to nothing yet.
        assertThat(server.commands().clientList().lines().count()).isOne();

        // BlockHound is installed: a blocking call on this non-blocking thread would fail the subscription.
        StepVerifier.create(Mono.defer(admin::ping).then(Mono.defer(() -> admin.sessions().count()))
                        .subscribeOn(Schedulers.parallel()))
                .expectNext(0L).verifyComplete();
    }

    @Test
    void aUrlIsRequiredAndItsPasswordNeverShows() {
        assertThatThrownBy(() -> RedisQueueAdmin.create("")).isInstanceOf(RedisUrlRequiredException.class)
                .hasMessage("REDIS_URL environment variable is required");
        assertThatThrownBy(() -> RedisQueueAdmin.fromEnvironment(Map.of())).isInstanceOf(RedisUrlRequiredException.class);
        assertThatThrownBy(() -> QueueAdminOptions.builder("http://u:hunter2@h:1")).isInstanceOf(InvalidArgumentException.class)
                .satisfies(e -> assertNoSecret(e, "hunter2"));
        assertThatThrownBy(() -> QueueAdminOptions.builder("redis://u:hunter2@h:1/x")).isInstanceOf(InvalidArgumentException.class)
                .satisfies(e -> assertNoSecret(e, "hunter2"));
        QueueAdminOptions options = QueueAdminOptions.fromEnvironment(Map.of("REDIS_URL", "rediss://ops:hunter2@h:6380/3")).build();
        assertThat(options.toString()).contains("rediss://ops:REDACTED@h:6380/3").doesNotContain("hunter2");
        assertThat(options.url()).isEqualTo("rediss://ops:REDACTED@h:6380/3");
        RedisQueueAdmin admin = RedisQueueAdmin.create(options);
        assertThat(admin.toString()).doesNotContain("hunter2");
        admin.closeGracefully().block(TIMEOUT);
    }

    @Test
    void aCallersClientIsNeverShutDown() {
        RedisClient client = RedisClient.create();
        try {
            RedisQueueAdmin admin = RedisQueueAdmin.using(client, QueueAdminOptions.builder(server.url()).build());
            admin.ping().block(TIMEOUT);
            admin.closeGracefully().block(TIMEOUT);

            StepVerifier.create(admin.ping()).expectError(RedisConnectionException.class).verify(TIMEOUT);
            try (var connection = client.connect(io.lettuce.core.RedisURI.create(server.url()))) {
                assertThat(connection.sync().ping()).isEqualTo("PONG");
            }
        }
        finally {
            client.shutdown();
        }
    }

    @Test
    void sharedClientResourcesAreNeverShutDown() {
        io.lettuce.core.resource.ClientResources resources = io.lettuce.core.resource.DefaultClientResources.create();
        try {
            RedisQueueAdmin admin = RedisQueueAdmin.create(QueueAdminOptions.builder(server.url()).clientResources(resources)
                    .build());
            admin.ping().block(TIMEOUT);
            admin.closeGracefully().block(TIMEOUT);

            assertThat(resources.eventExecutorGroup().isShuttingDown()).isFalse();
            assertThat(admin.options().toString()).contains("clientResources=shared");
        }
        finally {
            resources.shutdown();
        }
    }

    static void assertNoSecret(Throwable e, String secret) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
            assertThat(t.toString()).doesNotContain(secret);
        }
    }
}
