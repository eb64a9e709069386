package io.agentfactory.sdk.reactor.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.reactor.internal.json.JsonCodec;
import io.agentfactory.sdk.session.ActivityEvent;
import io.agentfactory.sdk.session.ActivityListResponse;
import io.agentfactory.sdk.session.ActivityType;
import io.agentfactory.sdk.session.SessionStatus;

/**
 * A session's activity feed as the coordinator pages it (sdk-api/CONTRACT.md §3 "Activity paging"), for
 * tests: events in order, a page size, a status the test changes as the session runs. The cursor
 * of a page is {@code c-<id of its last event>}; a page with nothing newer has no cursor. Serves
 * pages to a {@link RecordingServer} ({@link #reply(RecordedRequest)}) or directly as a page
 * source ({@link #pages()}), and records every cursor asked for. Thread-safe.
 */
public final class SessionFeed {

    private final List<ActivityEvent> events = new ArrayList<>();
    private final List<@Nullable String> fetches = new ArrayList<>();
    private final int pageSize;
    private SessionStatus status;
    private boolean overlap;

    private SessionFeed(SessionStatus status, int pageSize) {
        this.status = status;
        this.pageSize = pageSize;
    }

    /** A feed in {@code status} holding events {@code ev-1} … {@code ev-<count>}, {@code pageSize} per page. */
    public static SessionFeed of(SessionStatus status, int pageSize, int count) {
        SessionFeed feed = new SessionFeed(status, pageSize);
        feed.append(count);
        return feed;
    }

    /** Adds {@code count} more events. */
    public synchronized SessionFeed append(int count) {
        for (int i = 0; i < count; i++) {
            int n = events.size() + 1;
            events.add(new ActivityEvent("ev-" + n, n % 2 == 0 ? ActivityType.ACTION : ActivityType.THOUGHT,
                    "step " + n, n % 2 == 0 ? "bash" : null, "2025-05-01T09:00:" + String.format("%02d", n % 60) + "Z"));
        }
        return this;
    }

    /** Moves the session to {@code next}. */
    public synchronized SessionFeed status(SessionStatus next) {
        this.status = next;
        return this;
    }

    /** Makes every page after the first repeat the previous page's last event (overlapping pages). */
    public synchronized SessionFeed overlapping() {
        this.overlap = true;
        return this;
    }

    /** The page after {@code cursor} ({@code null}: the first page). */
    public synchronized ActivityListResponse page(@Nullable String cursor) {
        fetches.add(cursor);
        int start = 0;
        if (cursor != null) {
            String last = cursor.substring("c-".length());
            while (start < events.size() && !events.get(start).id().equals(last)) {
                start++;
            }
            start = Math.min(start + 1, events.size());
        }
        int end = Math.min(start + pageSize, events.size());
        if (start == end) {
            return new ActivityListResponse(List.of(), null, status);
        }
        int from = overlap && start > 0 ? start - 1 : start;
        return new ActivityListResponse(List.copyOf(events.subList(from, end)), "c-" + events.get(end - 1).id(),
                status);
    }

    /** Pages as a follower's page source: each subscription fetches one page. */
    public BiFunction<String, @Nullable String, Mono<ActivityListResponse>> pages() {
        return (sessionId, cursor) -> Mono.fromCallable(() -> page(cursor));
    }

    /** Answers a {@code GET /api/public/session-activities} with the page its {@code after} asks for. */
    public Reply reply(RecordedRequest request) {
        String after = null;
        for (String pair : request.query().split("&")) {
            if (pair.startsWith("after=")) {
                after = pair.substring("after=".length());
            }
        }
        return Reply.json(JsonCodec.get().encodeToString(page(after)));
    }

    /** The cursors asked for so far, in order ({@code null}: the first page). */
    public synchronized List<@Nullable String> fetches() {
        return new ArrayList<>(fetches);
    }

    /** How many pages were fetched. */
    public synchronized int fetchCount() {
        return fetches.size();
    }

    /** Every event id, in order. */
    public synchronized List<String> ids() {
        return events.stream().map(ActivityEvent::id).toList();
    }
}
