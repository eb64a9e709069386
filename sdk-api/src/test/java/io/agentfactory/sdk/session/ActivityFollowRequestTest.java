package io.agentfactory.sdk.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ActivityFollowRequestTest {

    @Test
    void followsFromTheFirstEventEveryTwoSecondsByDefault() {
        ActivityFollowRequest request = ActivityFollowRequest.of("sess_01HZX3K9QF");

        assertThat(request.sessionId()).isEqualTo("sess_01HZX3K9QF");
        assertThat(request.resumeFrom()).isNull();
        assertThat(request.pollInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void copiesChangeOnlyWhatTheyName() {
        ActivityResumePoint point = new ActivityResumePoint("cur_0042", "evt_0107");
        ActivityFollowRequest original = ActivityFollowRequest.of("sess_01HZX3K9QF");

        ActivityFollowRequest resumed = original.resumeFrom(point).withPollInterval(Duration.ofMillis(500));

        assertThat(resumed).isEqualTo(new ActivityFollowRequest("sess_01HZX3K9QF", point, Duration.ofMillis(500)));
        assertThat(original.resumeFrom()).isNull();
        assertThat(original.pollInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aPollIntervalMustBePositive() {
        ActivityFollowRequest request = ActivityFollowRequest.of("sess_01HZX3K9QF");

        assertThatThrownBy(() -> request.withPollInterval(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> request.withPollInterval(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSessionIsRequired() {
        assertThatThrownBy(() -> ActivityFollowRequest.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theStartHasNeitherCursorNorEvent() {
        assertThat(ActivityResumePoint.start()).isEqualTo(new ActivityResumePoint(null, null));
    }
}
