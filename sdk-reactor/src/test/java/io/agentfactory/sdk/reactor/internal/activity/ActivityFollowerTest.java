package io.agentfactory.sdk.reactor.internal.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import io.agentfactory.sdk.error.HttpError;
import io.agentfactory.sdk.error.NotFoundException;
import io.agentfactory.sdk.reactor.testing.SessionFeed;
import io.agentfactory.sdk.session.ActivityFollowRequest;
import io.agentfactory.sdk.session.ActivityListResponse;
import io.agentfactory.sdk.session.ActivityResumePoint;
import io.agentfactory.sdk.session.FollowedActivity;
import io.agentfactory.sdk.session.SessionStatus;

/**
 * The follower's rules over an in-memory, synchronous page source: every page fetch happens on the
 * test thread during a {@code request}, so "how many pages did this demand fetch" is exact, and
 * the poll interval runs on virtual time.
 */
class ActivityFollowerTest {

    private static final Duration POLL = Duration.ofSeconds(5);

    @Test
    void nothingIsFetchedBeforeDemand() {
        SessionFeed feed = SessionFeed.of(SessionStatus.WORKING, 2, 6);

        StepVerifier.create(follow(feed, ActivityFollowRequest.of("s")), 0)
                .expectSubscription()
                .then(() -> assertThat(feed.fetchCount()).isZero())
                .thenCancel()
                .verify();
    }

    @Test
    void requestingOneEventFetchesOnePage() {
        SessionFeed feed = SessionFeed.of(SessionStatus.WORKING, 2, 6);

        StepVerifier.create(follow(feed, ActivityFollowRequest.of("s")), 0)
                .thenRequest(1)
                .expectNextMatches(a -> a.event().id().equals("ev-1"))
                .then(() -> assertThat(feed.fetchCount()).isEqualTo(1))
                .thenRequest(1)
                .expectNextMatches(a -> a.event().id().equals("ev-2"))
                .then(() -> assertThat(feed.fetchCount()).as("page 1 drained, page 2 not wanted yet").isEqualTo(1))
                .thenRequest(1)
                .expectNextMatches(a -> a.event().id().equals("ev-3"))
                .then(() -> assertThat(feed.fetchCount()).isEqualTo(2))
                .thenCancel()
                .verify();
        assertThat(feed.fetches()).containsExactly(null, "c-ev-2");
    }

    @Test
    void pagesFetchedGrowWithDemandOnly() {
        SessionFeed feed = SessionFeed.of(SessionStatus.WORKING, 10, 100);

        StepVerifier.create(follow(feed, ActivityFollowRequest.of("s")), 0)
                .thenRequest(25)
                .expectNextCount(25)
                .then(() -> assertThat(feed.fetchCount()).isEqualTo(3))
                .thenRequest(5)
                .expectNextCount(5)
                .then(() -> assertThat(feed.fetchCount()).isEqualTo(3))
                .thenRequest(1)
                .expectNextCount(1)
                .then(() -> assertThat(feed.fetchCount()).isEqualTo(4))
                .thenCancel()
                .verify();
    }

    @Test
    void followsEveryPageThenCompletesAfterTheTerminalStatusIsDrained() {
        SessionFeed feed = SessionFeed.of(SessionStatus.COMPLETED, 2, 5);

        StepVerifier.create(follow(feed, ActivityFollowRequest.of("s")).map(a -> a.event().id()))
                .expectNext("ev-1", "ev-2", "ev-3", "ev-4", "ev-5")
                .verifyComplete();
        assertThat(feed.fetches()).containsExactly(null, "c-ev-2", "c-ev-4", "c-ev-5");
    }

    @Test
    void aSessionTerminalFromTheFirstPageWithNothingNewerCompletesAtOnce() {
        SessionFeed feed = SessionFeed.of(SessionStatus.FAILED, 2, 0);

        StepVerifier.create(follow(feed, ActivityFollowRequest.of("s"))).verifyComplete();
        assertThat(feed.fetchCount()).isEqualTo(1);
    }

    @Test
    void eachEventCarriesTheCursorOfItsPageAndTheStatusOfItsPage() {
        SessionFeed feed = SessionFeed.of(SessionStatus.STOPPED, 2, 3);

        List<FollowedActivity> all = follow(feed, ActivityFollowRequest.of("s")).collectList().block();

        assertThat(all).extracting(FollowedActivity::resumePoint).containsExactly(
                new ActivityResumePoint(null, "ev-1"), new ActivityResumePoint(null, "ev-2"),
                new ActivityResumePoint("c-ev-2", "ev-3"));
        assertThat(all).extracting(FollowedActivity::sessionStatus).containsOnly(SessionStatus.STOPPED);
    }

    @Test
    void overlappingPagesNeverRepeatAnEvent() {
        SessionFeed feed = SessionFeed.of(SessionStatus.COMPLETED, 3, 8).overlapping();

        StepVerifier.create(follow(feed, ActivityFollowRequest.of("s")).map(a -> a.event().id()))
                .expectNext("ev-1", "ev-2", "ev-3", "ev-4", "ev-5", "ev-6", "ev-7", "ev-8")
                .verifyComplete();
    }

    @Test
    void resumingFromTheMiddleOfAPageLosesAndRepeatsNothing() {
        SessionFeed feed = SessionFeed.of(SessionStatus.COMPLETED, 3, 8);
        List<FollowedActivity> first = follow(feed, ActivityFollowRequest.of("s")).take(4).collectList().block();
        ActivityResumePoint saved = first.get(first.size() - 1).resumePoint();

        List<FollowedActivity> rest = follow(feed, ActivityFollowRequest.of("s").resumeFrom(saved)).collectList().block();

        assertThat(saved).isEqualTo(new ActivityResumePoint("c-ev-3", "ev-4"));
        List<String> ids = new ArrayList<>();
        first.forEach(a -> ids.add(a.event().id()));
        rest.forEach(a -> ids.add(a.event().id()));
        assertThat(ids).containsExactlyElementsOf(feed.ids());
    }

    @Test
    void resumingAfterTheLastEventOfAPageStartsWithTheNextPage() {
        SessionFeed feed = SessionFeed.of(SessionStatus.COMPLETED, 3, 8);

        StepVerifier.create(follow(feed, ActivityFollowRequest.of("s")
                .resumeFrom(new ActivityResumePoint("c-ev-3", "ev-6"))).map(a -> a.event().id()))
                .expectNext("ev-7", "ev-8")
                .verifyComplete();
    }

    @Test
    void resumingFromTheStartReadsEverything() {
        SessionFeed feed = SessionFeed.of(SessionStatus.COMPLETED, 3, 4);

        StepVerifier.create(follow(feed, ActivityFollowRequest.of("s").resumeFrom(ActivityResumePoint.start())))
                .expectNextCount(4)
                .verifyComplete();
    }

    @Test
    void aResumeEventNoLongerOnItsPageLosesNothing() {
        SessionFeed feed = SessionFeed.of(SessionStatus.COMPLETED, 3, 6);

        StepVerifier.create(follow(feed, ActivityFollowRequest.of("s")
                .resumeFrom(new ActivityResumePoint("c-ev-3", "gone"))).map(a -> a.event().id()))
                .expectNext("ev-4", "ev-5", "ev-6")
                .verifyComplete();
    }

    @Test
    void whenNothingIsNewTheNextFetchWaitsThePollInterval() {
        SessionFeed feed = SessionFeed.of(SessionStatus.WORKING, 10, 1);
        List<Long> fetchedAt = new ArrayList<>();

        StepVerifier.withVirtualTime(() -> follow(timed(feed, fetchedAt), ActivityFollowRequest.of("s")
                .withPollInterval(POLL)).map(a -> a.event().id()))
                .expectNext("ev-1")
                .then(() -> assertThat(fetchedAt).containsExactly(0L, 0L))
                .thenAwait(POLL.minusMillis(1))
                .then(() -> assertThat(fetchedAt).as("not before the interval").hasSize(2))
                .thenAwait(Duration.ofMillis(1))
                .then(() -> assertThat(fetchedAt).containsExactly(0L, 0L, 5_000L))
                .then(() -> feed.append(2))
                .thenAwait(POLL)
                .expectNext("ev-2", "ev-3")
                .then(() -> assertThat(fetchedAt).as("new events: ask again at once")
                        .containsExactly(0L, 0L, 5_000L, 10_000L, 10_000L))
                .then(() -> feed.status(SessionStatus.COMPLETED))
                .thenAwait(POLL)
                .verifyComplete();
        assertThat(fetchedAt).containsExactly(0L, 0L, 5_000L, 10_000L, 10_000L, 15_000L);
    }

    @Test
    void anUnknownStatusKeepsPolling() {
        SessionFeed feed = SessionFeed.of(SessionStatus.of("hibernating"), 10, 1);

        StepVerifier.withVirtualTime(() -> follow(feed, ActivityFollowRequest.of("s").withPollInterval(POLL)))
                .expectNextCount(1)
                .thenAwait(POLL.multipliedBy(3))
                .then(() -> assertThat(feed.fetchCount()).isEqualTo(5))
                .thenCancel()
                .verify();
    }

    @Test
    void cancelStopsPollingAtOnce() {
        SessionFeed feed = SessionFeed.of(SessionStatus.WORKING, 10, 1);
        VirtualTimeScheduler time = VirtualTimeScheduler.create();

        StepVerifier.withVirtualTime(() -> follow(feed, ActivityFollowRequest.of("s").withPollInterval(POLL)),
                () -> time, Long.MAX_VALUE)
                .expectNextCount(1)
                .then(() -> assertThat(time.getScheduledTaskCount()).as("the poll wait started").isEqualTo(1))
                .thenCancel()
                .verify();
        time.advanceTimeBy(Duration.ofHours(1));

        assertThat(feed.fetchCount()).as("no fetch after cancel").isEqualTo(2);
    }

    @Test
    void aFailingPageEndsTheStreamAfterTheEventsBeforeIt() {
        SessionFeed feed = SessionFeed.of(SessionStatus.WORKING, 2, 4);
        NotFoundException gone = new NotFoundException(new HttpError("GET", "/api/public/session-activities", 404,
                "session not found", null, Map.of()));
        AtomicInteger calls = new AtomicInteger();
        ActivityFollower follower = new ActivityFollower((id, cursor) -> calls.incrementAndGet() == 2
                ? Mono.error(gone) : feed.pages().apply(id, cursor));

        StepVerifier.create(follower.follow(ActivityFollowRequest.of("s")).map(a -> a.event().id()))
                .expectNext("ev-1", "ev-2")
                .expectErrorSatisfies(e -> assertThat(e).isSameAs(gone))
                .verify();
    }

    @Test
    void theSessionIdReachesThePageSource() {
        List<String> ids = new ArrayList<>();
        ActivityFollower follower = new ActivityFollower((id, cursor) -> {
            ids.add(id);
            return Mono.just(new ActivityListResponse(List.of(), null, SessionStatus.COMPLETED));
        });

        follower.follow(ActivityFollowRequest.of("sess-42")).blockLast();

        assertThat(ids).containsExactly("sess-42");
    }

    @Test
    void eachSubscriptionFollowsFromItsOwnStart() {
        SessionFeed feed = SessionFeed.of(SessionStatus.COMPLETED, 2, 3);
        Flux<String> ids = follow(feed, ActivityFollowRequest.of("s")).map(a -> a.event().id());

        assertThat(ids.collectList().block()).containsExactly("ev-1", "ev-2", "ev-3");
        assertThat(ids.collectList().block()).containsExactly("ev-1", "ev-2", "ev-3");
    }

    private static Flux<FollowedActivity> follow(SessionFeed feed, ActivityFollowRequest request) {
        return new ActivityFollower(feed.pages()).follow(request);
    }

    private static Flux<FollowedActivity> follow(ActivityFollower follower, ActivityFollowRequest request) {
        return follower.follow(request);
    }

    /** A follower over {@code feed} that notes the virtual time of every fetch. */
    private static ActivityFollower timed(SessionFeed feed, List<Long> fetchedAt) {
        return new ActivityFollower((id, cursor) -> Mono.defer(() -> {
            fetchedAt.add(VirtualTimeScheduler.get().now(TimeUnit.MILLISECONDS));
            return feed.pages().apply(id, cursor);
        }));
    }
}
