package io.agentfactory.sdk.reactor.faults;

import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A session's activity feed as the coordinator pages it: page {@code k} (asked with
 * {@code after=c<k>}, the first without {@code after}) holds events {@code e<k·n>} to
 * {@code e<k·n+n-1>} and the cursor {@code c<k+1>}. A finite feed marks its last page
 * {@code completed} and answers an empty completed page past it; an endless one stays
 * {@code working}.
 */
final class ActivityFeed {

    /** The session every feed belongs to. */
    static final String SESSION = "sess-faults";

    private static final Pattern AFTER = Pattern.compile("[?&]after=c(\\d+)");

    private final int pages;
    private final int eventsPerPage;

    private ActivityFeed(int pages, int eventsPerPage) {
        this.pages = pages;
        this.eventsPerPage = eventsPerPage;
    }

    /** A session that completes after {@code pages} pages of {@code eventsPerPage} events. */
    static ActivityFeed finite(int pages, int eventsPerPage) {
        return new ActivityFeed(pages, eventsPerPage);
    }

    /** A session that never ends: every page brings {@code eventsPerPage} new events. */
    static ActivityFeed endless(int eventsPerPage) {
        return new ActivityFeed(Integer.MAX_VALUE, eventsPerPage);
    }

    /** Which page a request asks for (0 for the first). */
    static int pageAsked(FaultServer.Request request) {
        Matcher m = AFTER.matcher(request.uri());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The well-formed answer to a page request. */
    Fault answer(FaultServer.Request request) {
        return Fault.json(page(pageAsked(request)));
    }

    /** Page {@code k} as JSON. */
    String page(int k) {
        if (k >= pages) {
            return "{\"activities\":[],\"sessionStatus\":\"completed\"}";
        }
        StringJoiner events = new StringJoiner(",", "[", "]");
        for (int i = k * eventsPerPage; i < (k + 1) * eventsPerPage; i++) {
            events.add("{\"id\":\"e" + i + "\",\"type\":\"thought\",\"content\":\"step " + i
                    + "\",\"timestamp\":\"2026-05-07T10:00:00Z\"}");
        }
        String status = k == pages - 1 ? "completed" : "working";
        return "{\"activities\":" + events + ",\"cursor\":\"c" + (k + 1) + "\",\"sessionStatus\":\"" + status + "\"}";
    }
}
