package io.agentfactory.sdk.reactor.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Retry-After} parsing against a fixed clock. */
class StatusErrorsTest {

    private static final Clock AT_0728 = Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC);

    @Test
    void deltaSecondsAreADuration() {
        assertThat(StatusErrors.parseRetryAfter("120", AT_0728)).isEqualTo(Duration.ofSeconds(120));
        assertThat(StatusErrors.parseRetryAfter(" 7 ", AT_0728)).isEqualTo(Duration.ofSeconds(7));
        assertThat(StatusErrors.parseRetryAfter("0", AT_0728)).isEqualTo(Duration.ZERO);
    }

    @Test
    void anHttpDateIsTheDelayUntilThen() {
        assertThat(StatusErrors.parseRetryAfter("Wed, 21 Oct 2015 07:29:30 GMT", AT_0728))
                .isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aPastHttpDateIsNoDelay() {
        assertThat(StatusErrors.parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", AT_0728)).isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "soon", "-5", "1.5", "99999999999999999999999", "2015-10-21T07:29:30Z"})
    void anythingElseIsAbsent(String value) {
        assertThat(StatusErrors.parseRetryAfter(value, AT_0728)).isNull();
    }

    @Test
    void aMissingHeaderIsAbsent() {
        assertThat(StatusErrors.parseRetryAfter(null, AT_0728)).isNull();
    }
}
