package io.agentfactory.sdk.reactor.faults;

import static io.agentfactory.sdk.reactor.faults.CoordinatorUnderFault.NO_HANG;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.AgentFactoryException;
import io.agentfactory.sdk.error.RequestTimeoutException;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.error.TransportException;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.reactor.internal.activity.ActivityFollower;
import io.agentfactory.sdk.session.ActivityFollowRequest;
import io.agentfactory.sdk.session.FollowedActivity;

/**
 * Faults in the middle of {@code followActivities}: each page is a GET, so a page that fails is
 * fetched again per the retry policy and the stream goes on with no event lost or repeated; a
 * page that keeps failing ends the stream with the typed error after the events already
 * delivered; cancelling while a page is on the wire releases its connection.
 */
class ActivityStreamFaultsTest {

    private static final ActivityFeed FEED = ActivityFeed.finite(3, 3);
    private static final List<String> ALL_EVENTS = IntStream.range(0, 9).mapToObj(i -> "e" + i).toList();

    @RegisterExtension
    static final CoordinatorUnderFault UNDER_FAULT = CoordinatorUnderFault.withPoolOf(4);

    private final FaultServer server = UNDER_FAULT.server();

    @Test
    void aPageCutMidBodyIsFetchedAgainAndNoEventIsLostOrRepeated() {
        server.answer(onceOnPage(1, Fault.truncated(FEED.page(1), 100).thenClose()));

        assertThat(eventIds(follow(UNDER_FAULT.client()))).containsExactlyElementsOf(ALL_EVENTS);
    }

    @Test
    void anUnavailablePageIsFetchedAgainAfterTheAskedDelay() {
        server.answer(onceOnPage(2, Fault.head(503, "Retry-After: 0", "Content-Length: 0")));

        assertThat(eventIds(follow(UNDER_FAULT.client()))).containsExactlyElementsOf(ALL_EVENTS);
    }

    @Test
    void aServerThatGoesAwayEndsTheStreamWithATransportErrorAfterTheEventsItHad() {
        server.answer(alwaysOnPage(1, Fault.reset()));

        StepVerifier.create(eventIdsOf(follow(UNDER_FAULT.client())))
                .expectNext("e0", "e1", "e2")
                .expectErrorSatisfies(e -> assertTyped(e, TransportException.class))
                .verify(NO_HANG);
        assertThat(server.requestCount()).as("first page, then 3 attempts at the second").isEqualTo(4);
    }

    @Test
    void aPageThatNeverAnswersEndsTheStreamWithATimeout() {
        server.answer(alwaysOnPage(1, Fault.stall()));
        ReactorCoordinatorClient client = UNDER_FAULT.client(t -> t.responseTimeout(Duration.ofMillis(300)));

        StepVerifier.create(eventIdsOf(follow(client)))
                .expectNext("e0", "e1", "e2")
                .expectErrorSatisfies(e -> assertTyped(e, RequestTimeoutException.class))
                .verify(NO_HANG);
    }

    @Test
    void aPageThatIsNotJsonEndsTheStreamWithADecodeError() {
        server.answer(alwaysOnPage(1, Fault.json("{\"activities\":[{\"id\":")));

        StepVerifier.create(eventIdsOf(follow(UNDER_FAULT.client())))
                .expectNext("e0", "e1", "e2")
                .expectErrorSatisfies(e -> assertTyped(e, ResponseDecodeException.class))
                .verify(NO_HANG);
        assertThat(server.requestCount()).as("a decode error is not retried").isEqualTo(2);
    }

    @Test
    void aSlowButSteadyPageIsWaitedFor() {
        server.answer(alwaysOnPage(1, Fault.trickled(FEED.page(1), 8, Duration.ofMillis(100))));
        ReactorCoordinatorClient client = UNDER_FAULT.client(t -> t.responseTimeout(Duration.ofMillis(400)));

        assertThat(eventIds(follow(client))).containsExactlyElementsOf(ALL_EVENTS);
    }

    @Test
    void cancellingWhileAPageIsAwaitedReleasesItsConnection() {
        cancelOnceTheSecondPageIsAsked(Fault.stall());
    }

    @Test
    void cancellingMidwayThroughAPageBodyReleasesItsConnection() {
        cancelOnceTheSecondPageIsAsked(Fault.truncated(FEED.page(1), 20).thenStall());
    }

    @Test
    void aPageRepeatingSeenEventsUnderANewCursorWaitsThePollIntervalInsteadOfLooping() {
        // Every later page repeats the first page's events under a fresh (time-stamped) cursor.
        server.answer(request -> Fault.json(pageOf(events(0, 3), "c" + (ActivityFeed.pageAsked(request) + 1),
                "working")));
        ReactorCoordinatorClient client = UNDER_FAULT.client();

        List<String> ids = eventIdsOf(client.followActivities(ActivityFollowRequest.of(ActivityFeed.SESSION)
                .withPollInterval(Duration.ofMillis(500)))).take(Duration.ofMillis(1200)).collectList().block(NO_HANG);

        assertThat(ids).containsExactly("e0", "e1", "e2");
        assertThat(server.requestCount()).as("first page, then one page per poll interval").isBetween(2, 4);
    }

    @Test
    void aTerminalSessionWhosePagesOnlyRepeatSeenEventsCompletes() {
        server.answer(request -> Fault.json(pageOf(events(0, 3), "c" + (ActivityFeed.pageAsked(request) + 1),
                ActivityFeed.pageAsked(request) == 0 ? "working" : "completed")));

        assertThat(eventIds(follow(UNDER_FAULT.client()))).containsExactly("e0", "e1", "e2");
        assertThat(server.requestCount()).isLessThanOrEqualTo(3);
    }

    @Test
    void aPageLargerThanTheDedupeWindowPolledAgainEmitsNoIdTwice() {
        int size = ActivityFollower.DEDUPE_WINDOW + 1;
        String events = events(0, size);
        server.answer(request -> Fault.json(pageOf(events, "c" + (ActivityFeed.pageAsked(request) + 1),
                ActivityFeed.pageAsked(request) < 2 ? "working" : "completed")));

        List<String> ids = eventIds(follow(UNDER_FAULT.client()));

        assertThat(ids).hasSize(size).doesNotHaveDuplicates();
    }

    @Test
    void eventsWithoutAnIdAreAllDelivered() {
        String anonymous = "{\"type\":\"thought\",\"content\":\"a\"},{\"id\":\"\",\"type\":\"thought\","
                + "\"content\":\"b\"},{\"type\":\"thought\",\"content\":\"c\"}";
        server.answerInTurn(Fault.json(pageOf(anonymous, "c1", "working")),
                Fault.json("{\"activities\":[],\"sessionStatus\":\"completed\"}"));

        List<String> contents = follow(UNDER_FAULT.client()).map(a -> a.event().content()).collectList()
                .block(NO_HANG);

        assertThat(contents).containsExactly("a", "b", "c");
    }

    /** A page of these events (JSON objects, comma-separated), with this cursor and status. */
    private static String pageOf(String events, String cursor, String status) {
        return "{\"activities\":[" + events + "],\"cursor\":\"" + cursor + "\",\"sessionStatus\":\"" + status + "\"}";
    }

    /** Events {@code e<from>} to {@code e<to - 1>} as comma-separated JSON objects. */
    private static String events(int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            out.append(i == from ? "" : ",").append("{\"id\":\"e").append(i)
                    .append("\",\"type\":\"thought\",\"content\":\"step ").append(i).append("\"}");
        }
        return out.toString();
    }

    /** Follows, answers the second page with {@code fault}, and cancels once it was asked for. */
    private void cancelOnceTheSecondPageIsAsked(Fault fault) {
        Sinks.Empty<Void> asked = Sinks.empty();
        server.answer(request -> {
            if (ActivityFeed.pageAsked(request) == 1) {
                asked.tryEmitEmpty();
                return fault;
            }
            return FEED.answer(request);
        });

        StepVerifier.create(follow(UNDER_FAULT.client()))
                .expectNextCount(3)
                .then(() -> asked.asMono().block(NO_HANG))
                .thenCancel()
                .verify(NO_HANG);
    }

    private static Flux<FollowedActivity> follow(ReactorCoordinatorClient client) {
        return client.followActivities(ActivityFollowRequest.of(ActivityFeed.SESSION)
                .withPollInterval(Duration.ofMillis(10)));
    }

    private static Flux<String> eventIdsOf(Flux<FollowedActivity> activities) {
        return activities.map(a -> a.event().id());
    }

    private static List<String> eventIds(Flux<FollowedActivity> activities) {
        return eventIdsOf(activities).collectList().block(NO_HANG);
    }

    private static void assertTyped(Throwable e, Class<? extends AgentFactoryException> type) {
        assertThat(e).isInstanceOf(type);
        assertThat(((AgentFactoryException) e).path()).contains("/api/public/session-activities");
        CoordinatorUnderFault.assertSecretFree(e);
    }

    /** The feed, except the first request for page {@code k}, which gets {@code fault}. */
    private static Function<FaultServer.Request, Fault> onceOnPage(int k, Fault fault) {
        AtomicBoolean played = new AtomicBoolean();
        return request -> ActivityFeed.pageAsked(request) == k && played.compareAndSet(false, true) ? fault
                : FEED.answer(request);
    }

    /** The feed, except every request for page {@code k}, which gets {@code fault}. */
    private static Function<FaultServer.Request, Fault> alwaysOnPage(int k, Fault fault) {
        return request -> ActivityFeed.pageAsked(request) == k ? fault : FEED.answer(request);
    }
}
