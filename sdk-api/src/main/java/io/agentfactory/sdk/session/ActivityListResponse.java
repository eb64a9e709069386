package io.agentfactory.sdk.session;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitNull;

/**
 * ActivityListResponse matches GET /api/public/sessions/:id/activities.
 *
 * @param activities the {@code activities} field
 * @param cursor the {@code cursor} field. {@code null} when absent
 * @param sessionStatus the {@code sessionStatus} field
 */
public record ActivityListResponse(
        List<ActivityEvent> activities,
        @OmitNull @Nullable String cursor,
        SessionStatus sessionStatus) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public ActivityListResponse {
        activities = Copies.list(activities);
        sessionStatus = sessionStatus == null ? SessionStatus.of("") : sessionStatus;
    }
}
