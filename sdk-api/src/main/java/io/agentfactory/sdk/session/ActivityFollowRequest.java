package io.agentfactory.sdk.session;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What to follow and how: the session, where to resume, and how long to wait before asking
 * again when nothing new has arrived. Immutable; each {@code with…} method returns a copy.
 *
 * @param sessionId the session to follow
 * @param resumeFrom where to resume; {@code null} to start from the first event
 * @param pollInterval the wait after a page that brought nothing new (default 2 s)
 */
public record ActivityFollowRequest(String sessionId, @Nullable ActivityResumePoint resumeFrom,
        Duration pollInterval) {

    /** The default poll interval: 2 seconds. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

    /** Checks the arguments. */
    public ActivityFollowRequest {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
        }
    }

    /** Follows {@code sessionId} from its first event with the default poll interval. */
    public static ActivityFollowRequest of(String sessionId) {
        return new ActivityFollowRequest(sessionId, null, DEFAULT_POLL_INTERVAL);
    }

    /** A copy that resumes after the given point. */
    public ActivityFollowRequest resumeFrom(@Nullable ActivityResumePoint point) {
        return new ActivityFollowRequest(sessionId, point, pollInterval);
    }

    /** A copy with another poll interval. */
    public ActivityFollowRequest withPollInterval(Duration interval) {
        return new ActivityFollowRequest(sessionId, resumeFrom, interval);
    }
}
