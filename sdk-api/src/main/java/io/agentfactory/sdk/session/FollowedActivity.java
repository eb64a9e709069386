package io.agentfactory.sdk.session;

import java.util.Objects;

/**
 * One event of a followed session, with what a consumer needs to resume after it.
 *
 * @param event the activity event
 * @param resumePoint the point to resume from to get the events after this one
 * @param sessionStatus the session's status as of the page that carried the event
 */
public record FollowedActivity(ActivityEvent event, ActivityResumePoint resumePoint, SessionStatus sessionStatus) {

    /** Checks the components are present. */
    public FollowedActivity {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(resumePoint, "resumePoint");
        Objects.requireNonNull(sessionStatus, "sessionStatus");
    }
}
