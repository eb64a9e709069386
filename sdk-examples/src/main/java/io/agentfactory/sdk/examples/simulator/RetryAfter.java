package io.agentfactory.sdk.examples.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The {@code Retry-After} header a simulated 429 or 503 carries: delta-seconds, an HTTP date, a
 * raw value (to test lenient parsing), or none.
 *
 * @param headerValue the exact header value; {@code null} to send no header
 */
public record RetryAfter(@Nullable String headerValue) {

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** No {@code Retry-After} header. */
    public static RetryAfter none() {
        return new RetryAfter(null);
    }

    /** {@code Retry-After: <seconds>}. */
    public static RetryAfter seconds(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds must not be negative: " + seconds);
        }
        return new RetryAfter(Long.toString(seconds));
    }

    /** {@code Retry-After: <seconds>}, the duration rounded down to whole seconds. */
    public static RetryAfter of(Duration delay) {
        return seconds(delay.getSeconds());
    }

    /** {@code Retry-After: <IMF-fixdate>}, e.g. {@code Thu, 14 May 2026 09:00:30 GMT}. */
    public static RetryAfter httpDate(Instant at) {
        return new RetryAfter(HTTP_DATE.format(Objects.requireNonNull(at, "at")));
    }

    /** {@code Retry-After} with exactly this value, valid or not. */
    public static RetryAfter raw(String value) {
        return new RetryAfter(Objects.requireNonNull(value, "value"));
    }

    /** The header value, when one is sent. */
    public Optional<String> value() {
        return Optional.ofNullable(headerValue);
    }
}
