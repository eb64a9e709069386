package io.agentfactory.sdk.reactor.internal.activity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.session.ActivityEvent;
import io.agentfactory.sdk.session.ActivityFollowRequest;
import io.agentfactory.sdk.session.ActivityListResponse;
import io.agentfactory.sdk.session.ActivityResumePoint;
import io.agentfactory.sdk.session.FollowedActivity;

/**
 * Follows a session's activity feed page by page, on demand (see
 * {@link io.agentfactory.sdk.coordinator.CoordinatorClient#followActivities(ActivityFollowRequest)}
 * for the semantics). Works over any page source, so the HTTP client and the in-memory mock share
 * it.
 *
 * <p>One page at a time ({@code concatMap}, prefetch 0), and a page is fetched only once the
 * previous page's events are delivered <em>and</em> downstream asks for more: a subscriber that
 * requests one event causes at most one fetch. A page that brought nothing newer makes the next
 * fetch wait the poll interval on Reactor's timer (no thread blocked; virtual time in tests). Not
 * API.
 */
public final class ActivityFollower {

    /**
     * How many recent event ids are remembered, at least, to drop repeats from overlapping pages;
     * the window grows to twice the largest page seen, so a repeated page never slips through.
     */
    public static final int DEDUPE_WINDOW = 10_000;

    private final BiFunction<String, @Nullable String, Mono<ActivityListResponse>> pages;

    /**
     * A follower over {@code pages}: (session id, {@code after} cursor or {@code null}) to the
     * page. The page {@code Mono} is subscribed only when the page is wanted.
     */
    public ActivityFollower(BiFunction<String, @Nullable String, Mono<ActivityListResponse>> pages) {
        this.pages = pages;
    }

    /** The followed session's events, on demand, ending after its terminal status (see the class doc). */
    public Flux<FollowedActivity> follow(ActivityFollowRequest request) {
        return Flux.defer(() -> {
            FollowState state = new FollowState(request);
            return Flux.<Boolean>generate(sink -> {
                if (state.done) {
                    sink.complete();
                }
                else {
                    sink.next(Boolean.TRUE);
                }
            }).concatMap(tick -> onDemand(() -> state.nextPage(pages)), 0);
        });
    }

    /**
     * {@code page}, subscribed only once downstream asks for an element. {@code concatMap}
     * subscribes the next inner publisher as soon as the previous one completes, demand or not;
     * without this gate a drained page would trigger the next fetch (and poll wait) unasked.
     * {@code hide()} matters: {@code concatMap} maps a scalar source at subscription time.
     */
    private static <T> Flux<T> onDemand(Supplier<Flux<T>> page) {
        return Flux.just(Boolean.TRUE).hide().concatMap(ask -> page.get(), 0);
    }

    /** Where one subscription stands. Touched serially: concatMap runs one page at a time. */
    private static final class FollowState {

        private final ActivityFollowRequest request;
        private @Nullable String cursor;
        private @Nullable String skipThrough;
        private boolean waitBeforeNext;
        private boolean done;
        private int largestPage;
        private final Map<String, Boolean> seen = new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > Math.max(DEDUPE_WINDOW, 2L * largestPage);
            }
        };

        FollowState(ActivityFollowRequest request) {
            this.request = request;
            ActivityResumePoint from = request.resumeFrom();
            this.cursor = from == null ? null : from.pageCursor();
            this.skipThrough = from == null ? null : from.lastEventId();
        }

        Flux<FollowedActivity> nextPage(BiFunction<String, @Nullable String, Mono<ActivityListResponse>> pages) {
            String pageCursor = cursor;
            Mono<ActivityListResponse> page = pages.apply(request.sessionId(), pageCursor);
            if (waitBeforeNext) {
                page = Mono.delay(request.pollInterval()).then(page);
            }
            return page.flatMapIterable(response -> accept(response, pageCursor));
        }

        private List<FollowedActivity> accept(ActivityListResponse page, @Nullable String pageCursor) {
            List<ActivityEvent> events = page.activities();
            largestPage = Math.max(largestPage, events.size());
            int from = 0;
            if (skipThrough != null) {
                for (int i = 0; i < events.size(); i++) {
                    seen.put(events.get(i).id(), Boolean.TRUE);
                    if (events.get(i).id().equals(skipThrough)) {
                        from = i + 1;
                        break;
                    }
                }
                if (from == 0) {
                    seen.clear();
                }
                skipThrough = null;
            }
            // Reaching the resume point moved the feed on once, even when nothing after it was new.
            boolean resumedHere = from > 0;
            List<FollowedActivity> fresh = new ArrayList<>(events.size() - from);
            for (int i = from; i < events.size(); i++) {
                ActivityEvent event = events.get(i);
                // An event without id cannot be told from another: delivered, never deduplicated.
                if (event.id().isBlank() || seen.put(event.id(), Boolean.TRUE) == null) {
                    fresh.add(new FollowedActivity(event, new ActivityResumePoint(pageCursor, event.id()),
                            page.sessionStatus()));
                }
            }
            String next = page.cursor();
            // "Nothing newer" means no fresh event: a cursor that moves while the page only repeats
            // events already delivered (opaque or time-stamped cursors) is no progress, and must
            // wait the poll interval like an empty page, or a terminal session would never end.
            boolean advanced = next != null && !next.equals(pageCursor);
            if (next != null) {
                cursor = next;
            }
            boolean nothingNewer = !advanced || (fresh.isEmpty() && !resumedHere);
            done = page.sessionStatus().isTerminal() && nothingNewer;
            waitBeforeNext = !done && nothingNewer;
            return fresh;
        }
    }
}
