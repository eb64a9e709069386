package io.agentfactory.sdk.reactor.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.NotFoundException;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.reactor.RetryPolicy;
import io.agentfactory.sdk.reactor.testing.DelayRecordingScheduler;
import io.agentfactory.sdk.reactor.testing.LoopbackClient;
import io.agentfactory.sdk.reactor.testing.RecordedRequest;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;
import io.agentfactory.sdk.reactor.testing.SessionFeed;
import io.agentfactory.sdk.session.ActivityFollowRequest;
import io.agentfactory.sdk.session.ActivityResumePoint;
import io.agentfactory.sdk.session.FollowedActivity;
import io.agentfactory.sdk.session.SessionStatus;

/**
 * {@code followActivities} over real HTTP: the pages asked for (exact query), demand, the poll
 * interval on virtual time, resume, errors mid-stream, with and without a token. The follower's
 * rules in isolation are in {@code ActivityFollowerTest}.
 */
class ActivityFollowTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofSeconds(3);
    private static final String ACTIVITIES = "/api/public/session-activities";

    @RegisterExtension
    static final LoopbackClient<ReactorCoordinatorClient> loopback = LoopbackClient.of(Coordinators::withToken);

    private final ReactorCoordinatorClient client = loopback.client();

    private static RecordingServer server() {
        return loopback.server();
    }

    @Test
    void followsTheFirstPageThenEachLastCursorUntilTheTerminalSessionIsDrained() {
        SessionFeed feed = SessionFeed.of(SessionStatus.COMPLETED, 2, 5);
        server().replyWith(feed::reply);

        StepVerifier.create(client.followActivities("sess-1"))
                .expectNextMatches(e -> e.id().equals("ev-1"))
                .expectNextMatches(e -> e.id().equals("ev-2"))
                .expectNextMatches(e -> e.id().equals("ev-3"))
                .expectNextMatches(e -> e.id().equals("ev-4"))
                .expectNextMatches(e -> e.id().equals("ev-5") && e.type().value().equals("thought"))
                .expectComplete()
                .verify(WAIT);

        assertThat(server().requests()).extracting(RecordedRequest::uri).containsExactly(
                ACTIVITIES + "?sessionId=sess-1",
                ACTIVITIES + "?sessionId=sess-1&after=c-ev-2",
                ACTIVITIES + "?sessionId=sess-1&after=c-ev-4",
                ACTIVITIES + "?sessionId=sess-1&after=c-ev-5");
    }

    @Test
    void aSessionThatTimedOutIsTerminalSoTheFollowEndsOnceDrained() {
        // timed_out comes from newer coordinators; before it was known, a follow of such a session never ended.
        SessionFeed feed = SessionFeed.of(SessionStatus.TIMED_OUT, 2, 3);
        server().replyWith(feed::reply);

        StepVerifier.create(client.followActivities("sess-1"))
                .expectNextCount(3)
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void withoutATokenEveryPageCarriesTheSessionHash() {
        SessionFeed feed = SessionFeed.of(SessionStatus.COMPLETED, 2, 3);
        server().replyWith(feed::reply);

        try (ReactorCoordinatorClient anonymous = Coordinators.anonymous(server())) {
            StepVerifier.create(anonymous.followActivities("7f1c2d3e-0000-4a5b-9c8d-112233445566"))
                    .expectNextCount(3)
                    .expectComplete()
                    .verify(WAIT);
        }

        assertThat(server().requests()).hasSize(3).allSatisfy(request -> {
            assertThat(request.query()).startsWith("sessionId=7f1c2d3e-0000-4a5b-9c8d-112233445566"
                    + "&sessionHash=4b4114ab1c31e0874055a825a123031f");
            assertThat(request.hasHeader("Authorization")).isFalse();
        });
    }

    @Test
    void withATokenNoPageCarriesTheSessionHash() {
        SessionFeed feed = SessionFeed.of(SessionStatus.COMPLETED, 2, 3);
        server().replyWith(feed::reply);

        client.followActivities("sess-1").blockLast(WAIT);

        assertThat(server().requests()).hasSize(3).allSatisfy(request -> {
            assertThat(request.query()).doesNotContain("sessionHash");
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + Coordinators.TOKEN);
        });
    }

    @Test
    void aPageIsFetchedOnlyForDemand() {
        SessionFeed feed = SessionFeed.of(SessionStatus.WORKING, 3, 9);
        server().replyWith(feed::reply);

        StepVerifier.create(client.followActivities(ActivityFollowRequest.of("sess-1")), 0)
                .expectSubscription()
                .then(() -> assertThat(server().requestCount()).isZero())
                .thenRequest(1)
                .expectNextMatches(a -> a.event().id().equals("ev-1"))
                .then(() -> assertThat(server().requestCount()).isEqualTo(1))
                .thenRequest(3)
                .expectNextCount(3)
                .then(() -> assertThat(server().requestCount()).isEqualTo(2))
                .thenRequest(2)
                .expectNextMatches(a -> a.event().id().equals("ev-5"))
                .expectNextMatches(a -> a.event().id().equals("ev-6"))
                .thenCancel()
                .verify(WAIT);
        assertThat(feed.fetches()).containsExactly(null, "c-ev-3");
    }

    @Test
    void whenNothingIsNewItWaitsThePollIntervalOnTheTimerThenAsksWithTheLastCursor() {
        SessionFeed feed = SessionFeed.of(SessionStatus.WORKING, 10, 1);
        server().replyWith(feed::reply);
        DelayRecordingScheduler time = DelayRecordingScheduler.create();

        StepVerifier.withVirtualTime(() -> client.followActivities(ActivityFollowRequest.of("sess-1")
                .withPollInterval(POLL)).map(a -> a.event().id()), () -> time, Long.MAX_VALUE)
                .expectNext("ev-1")
                .then(() -> assertThat(time.nextDelay(WAIT)).isEqualTo(POLL))
                .then(() -> assertThat(feed.fetches()).containsExactly(null, "c-ev-1"))
                .thenAwait(POLL.minusMillis(1))
                .then(() -> assertThat(server().requestCount()).as("still waiting").isEqualTo(2))
                .thenAwait(Duration.ofMillis(1))
                .then(() -> assertThat(time.nextDelay(WAIT)).as("asked again, nothing new").isEqualTo(POLL))
                .then(() -> assertThat(feed.fetches()).containsExactly(null, "c-ev-1", "c-ev-1"))
                .then(() -> feed.append(2).status(SessionStatus.COMPLETED))
                .thenAwait(POLL)
                .expectNext("ev-2", "ev-3")
                .expectComplete()
                .verify(WAIT);
        assertThat(feed.fetches()).containsExactly(null, "c-ev-1", "c-ev-1", "c-ev-1", "c-ev-3");
    }

    @Test
    void resumingFromASavedPointInTheMiddleOfAPageLosesAndRepeatsNothing() {
        SessionFeed feed = SessionFeed.of(SessionStatus.COMPLETED, 4, 10);
        server().replyWith(feed::reply);
        List<FollowedActivity> first = client.followActivities(ActivityFollowRequest.of("sess-1"))
                .take(6).collectList().block(WAIT);
        ActivityResumePoint saved = first.get(5).resumePoint();
        server().reset();
        server().replyWith(feed::reply);

        List<FollowedActivity> rest = client.followActivities(ActivityFollowRequest.of("sess-1").resumeFrom(saved))
                .collectList().block(WAIT);

        assertThat(saved).isEqualTo(new ActivityResumePoint("c-ev-4", "ev-6"));
        assertThat(server().requests().get(0).query()).isEqualTo("sessionId=sess-1&after=c-ev-4");
        List<String> ids = new ArrayList<>();
        first.forEach(a -> ids.add(a.event().id()));
        rest.forEach(a -> ids.add(a.event().id()));
        assertThat(ids).containsExactlyElementsOf(feed.ids());
    }

    @Test
    void overlappingPagesNeverRepeatAnEvent() {
        SessionFeed feed = SessionFeed.of(SessionStatus.COMPLETED, 3, 7).overlapping();
        server().replyWith(feed::reply);

        List<String> ids = client.followActivities("sess-1").map(e -> e.id()).collectList().block(WAIT);

        assertThat(ids).containsExactlyElementsOf(feed.ids());
    }

    @Test
    void aPermanentErrorMidStreamEndsItWithTheTypedError() {
        SessionFeed feed = SessionFeed.of(SessionStatus.WORKING, 2, 6);
        AtomicInteger calls = new AtomicInteger();
        server().replyWith(request -> calls.incrementAndGet() == 2
                ? Reply.json(404, "{\"error\":\"session not found\"}") : feed.reply(request));

        StepVerifier.create(client.followActivities("sess-1").map(e -> e.id()))
                .expectNext("ev-1", "ev-2")
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(NotFoundException.class)
                        .hasMessage("GET " + ACTIVITIES + ": HTTP 404: session not found"))
                .verify(WAIT);
        assertThat(server().requestCount()).isEqualTo(2);
    }

    @Test
    void anUndecodablePageEndsTheStreamWithADecodeError() {
        SessionFeed feed = SessionFeed.of(SessionStatus.WORKING, 2, 6);
        AtomicInteger calls = new AtomicInteger();
        server().replyWith(request -> calls.incrementAndGet() == 2 ? Reply.json("{\"activities\":[{") : feed.reply(request));

        StepVerifier.create(client.followActivities("sess-1"))
                .expectNextCount(2)
                .expectError(ResponseDecodeException.class)
                .verify(WAIT);
    }

    @Test
    void aTransientErrorMidStreamIsRetriedAndTheStreamGoesOnWithoutRepeats() {
        SessionFeed feed = SessionFeed.of(SessionStatus.COMPLETED, 2, 4);
        AtomicInteger calls = new AtomicInteger();
        server().replyWith(request -> calls.incrementAndGet() == 2
                ? Reply.json(503, "{\"error\":\"busy\"}").header("Retry-After", "2") : feed.reply(request));
        DelayRecordingScheduler time = DelayRecordingScheduler.create();

        try (ReactorCoordinatorClient retrying = Coordinators.client(server(), b -> b.token(Coordinators.TOKEN)
                .transport(Coordinators.transport().retryPolicy(RetryPolicy.defaults()).build()))) {
            StepVerifier.withVirtualTime(() -> retrying.followActivities("sess-1").map(e -> e.id()), () -> time,
                    Long.MAX_VALUE)
                    .expectNext("ev-1", "ev-2")
                    .then(() -> assertThat(time.nextDelay(WAIT)).as("Retry-After").isEqualTo(Duration.ofSeconds(2)))
                    .thenAwait(Duration.ofSeconds(2))
                    .expectNext("ev-3", "ev-4")
                    .expectComplete()
                    .verify(WAIT);
        }
        assertThat(server().requests()).extracting(RecordedRequest::query).containsExactly(
                "sessionId=sess-1", "sessionId=sess-1&after=c-ev-2", "sessionId=sess-1&after=c-ev-2",
                "sessionId=sess-1&after=c-ev-4");
    }

    @Test
    void eachEventExposesTheCursorToResumeFrom() {
        SessionFeed feed = SessionFeed.of(SessionStatus.STOPPED, 2, 3);
        server().replyWith(feed::reply);

        List<FollowedActivity> all = client.followActivities(ActivityFollowRequest.of("sess-1")).collectList()
                .block(WAIT);

        assertThat(all).extracting(a -> a.resumePoint().pageCursor()).containsExactly(null, null, "c-ev-2");
        assertThat(all).extracting(FollowedActivity::sessionStatus).containsOnly(SessionStatus.STOPPED);
    }
}
