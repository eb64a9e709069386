package io.agentfactory.sdk.reactor.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.reactor.testing.LoopbackServer;
import io.agentfactory.sdk.reactor.testing.PoolProbe;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;
import io.agentfactory.sdk.reactor.testing.SessionFeed;
import io.agentfactory.sdk.session.ActivityFollowRequest;
import io.agentfactory.sdk.session.SessionStatus;

/**
 * Whatever ends a call (success, error status, bad body, timeout, cancel mid-request or
 * mid-body), its connection goes back to the pool or is closed: the {@link PoolProbe} reads the
 * pool back to nothing acquired and nothing pending. Netty leak reports fail the class on their
 * own ({@code LeakGuardExtension}, paranoid detection).
 */
class ConnectionReleaseTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final LoopbackServer loopback = new LoopbackServer();

    private static RecordingServer server() {
        return loopback.server();
    }

    private PoolProbe pool;
    private ReactorCoordinatorClient client;

    @BeforeEach
    void connect() {
        pool = PoolProbe.create("release-test", 4);
        client = Coordinators.client(server(), b -> b.token(Coordinators.TOKEN)
                .transport(Coordinators.transport().connectionProvider(pool.provider())
                        .responseTimeout(Duration.ofMillis(500)).build()));
    }

    @AfterEach
    void close() {
        client.close();
        pool.close();
    }

    @Test
    void aSuccessfulCallLeavesItsConnectionIdleForReuse() {
        server().replyWith(Reply.json(CoordinatorWire.STATS));

        for (int i = 0; i < 20; i++) {
            client.getStats().block(WAIT);
        }

        pool.awaitIdle(WAIT);
        // A connection returns to the pool just after the caller sees the answer, so a call may
        // occasionally find it not yet back; reuse means far fewer connections than calls.
        assertThat(pool.allocated()).as("keep-alive connections reused, not one per call").isBetween(1, 5);
        assertThat(pool.idle()).isEqualTo(pool.allocated());
    }

    @Test
    void cancellingWhileWaitingForTheAnswerReleasesTheConnection() throws InterruptedException {
        CountDownLatch arrived = new CountDownLatch(1);
        server().replyWith(request -> {
            arrived.countDown();
            return Reply.custom((req, res) -> Mono.never());
        });

        Disposable call = client.getStats().subscribe();
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.acquired()).isEqualTo(1);
        call.dispose();

        pool.awaitIdle(WAIT);
    }

    @Test
    void cancellingInTheMiddleOfTheBodyReleasesTheConnection() throws InterruptedException {
        CountDownLatch arrived = new CountDownLatch(1);
        server().replyWith(request -> {
            arrived.countDown();
            return Reply.json(CoordinatorWire.MACHINES).chunked(16).chunkDelay(Duration.ofMillis(200));
        });

        Disposable call = client.getMachineStats().subscribe();
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        call.dispose();

        pool.awaitIdle(WAIT);
    }

    @Test
    void anErrorStatusWithALargeUnreadBodyReleasesTheConnection() {
        server().replyWith(Reply.text(500, "x".repeat(512 * 1024)).chunked(8192));

        StepVerifier.create(client.getStats()).expectError().verify(WAIT);

        pool.awaitIdle(WAIT);
    }

    @Test
    void aBodyOfTheWrongContentTypeReleasesTheConnection() {
        server().replyWith(Reply.status(200).header("Content-Type", "text/html").body("<html>" + "x".repeat(100_000)));

        StepVerifier.create(client.getStats()).expectError().verify(WAIT);

        pool.awaitIdle(WAIT);
    }

    @Test
    void aTimeoutReleasesTheConnection() {
        server().replyWith(Reply.custom((req, res) -> Mono.never()));

        StepVerifier.create(client.getStats()).expectError().verify(WAIT);

        pool.awaitIdle(WAIT);
    }

    @Test
    void takingFewerElementsThanTheArrayHoldsReleasesTheConnection() {
        server().replyWith(Reply.json(CoordinatorWire.MACHINES));

        StepVerifier.create(client.getMachineStats().take(1)).expectNextCount(1).verifyComplete();

        pool.awaitIdle(WAIT);
    }

    @Test
    void cancellingAFollowWhileAPageIsInFlightReleasesTheConnectionAndStopsPolling() throws InterruptedException {
        SessionFeed feed = SessionFeed.of(SessionStatus.WORKING, 2, 4);
        CountDownLatch secondPage = new CountDownLatch(1);
        server().replyWith(request -> {
            if (feed.fetchCount() == 1) {
                secondPage.countDown();
                feed.page(null);
                return Reply.custom((req, res) -> Mono.never());
            }
            return feed.reply(request);
        });

        Disposable follow = client.followActivities(ActivityFollowRequest.of("sess-1")).subscribe();
        assertThat(secondPage.await(10, TimeUnit.SECONDS)).isTrue();
        follow.dispose();

        pool.awaitIdle(WAIT);
        assertThat(server().requestCount()).isEqualTo(2);
    }

    @Test
    void cancellingAFollowDuringThePollWaitLeavesNothingAcquired() {
        SessionFeed feed = SessionFeed.of(SessionStatus.WORKING, 5, 1);
        server().replyWith(feed::reply);

        StepVerifier.create(client.followActivities(ActivityFollowRequest.of("sess-1")
                .withPollInterval(Duration.ofHours(1))))
                .expectNextCount(1)
                .thenCancel()
                .verify(WAIT);

        pool.awaitIdle(WAIT);
        assertThat(pool.used()).isTrue();
    }
}
