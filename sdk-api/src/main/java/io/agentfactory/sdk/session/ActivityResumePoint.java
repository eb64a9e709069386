package io.agentfactory.sdk.session;

import org.jspecify.annotations.Nullable;

/**
 * Where a followed activity stream stands, to resume it later with no event lost and none
 * repeated. Save the point of the last event you processed; pass it to
 * {@link ActivityFollowRequest#resumeFrom(ActivityResumePoint)}.
 *
 * <p>A page cursor alone is not enough: a consumer may stop in the middle of a page. The point
 * holds the cursor that fetches the page the event came in ({@code null} for the first page) and
 * the id of the event itself; resuming re-reads that page and skips up to and including the event.
 *
 * @param pageCursor the {@code after} cursor that fetched the event's page; {@code null} for the first page
 * @param lastEventId the id of the last event delivered; {@code null} when none was
 */
public record ActivityResumePoint(@Nullable String pageCursor, @Nullable String lastEventId) {

    /** The start of the session: nothing delivered yet. */
    public static ActivityResumePoint start() {
        return new ActivityResumePoint(null, null);
    }
}
