package io.agentfactory.sdk.reactor;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how a client retries a failed request. Only idempotent requests (GETs) are retried,
 * and only on failures a retry may fix: a connection that failed or closed before the answer was
 * complete, 429, 502, 503 and 504 (and timeouts, when {@link #retryOnTimeout()} is set). POSTs are
 * never retried automatically: the server may already have acted.
 *
 * <p>The wait before retry {@code n} (1-based) is {@code initialBackoff × 2^(n-1)}, capped at
 * {@code maxBackoff}, spread by ±{@code jitter} (0 to 1). When the server sent {@code Retry-After}
 * (seconds or an HTTP date), that delay is used instead, capped at {@code retryAfterCap}.
 *
 * @param maxAttempts attempts in all, the first included (1 = no retry)
 * @param initialBackoff the wait before the first retry
 * @param maxBackoff the longest computed wait
 * @param jitter the relative spread of computed waits, 0 to 1
 * @param retryAfterCap the longest wait a server's {@code Retry-After} can impose
 * @param retryOnTimeout whether a timed-out GET is retried
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter,
        Duration retryAfterCap, boolean retryOnTimeout) {

    /** Checks the values. */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(retryAfterCap, "retryAfterCap");
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || retryAfterCap.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be within 0..1: " + jitter);
        }
    }

    /** 3 attempts, 200 ms doubling to at most 5 s, ±50 % jitter, Retry-After capped at 60 s, no retry on timeout. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5), 0.5, Duration.ofSeconds(60), false);
    }

    /** A single attempt: never retry. */
    public static RetryPolicy none() {
        return defaults().withMaxAttempts(1);
    }

    /** A copy with another number of attempts. */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialBackoff, maxBackoff, jitter, retryAfterCap, retryOnTimeout);
    }

    /** A copy with another backoff: first wait, longest wait and jitter. */
    public RetryPolicy withBackoff(Duration initial, Duration max, double newJitter) {
        return new RetryPolicy(maxAttempts, initial, max, newJitter, retryAfterCap, retryOnTimeout);
    }

    /** A copy with another cap on server-requested waits. */
    public RetryPolicy withRetryAfterCap(Duration cap) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, jitter, cap, retryOnTimeout);
    }

    /** A copy that does (or does not) retry timed-out GETs. */
    public RetryPolicy withRetryOnTimeout(boolean retry) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, jitter, retryAfterCap, retry);
    }

    /**
     * The computed wait before retry {@code retry} (1-based), before jitter.
     */
    public Duration backoff(int retry) {
        long max = maxBackoff.toNanos();
        long nanos = Math.min(initialBackoff.toNanos(), max);
        for (int i = 1; i < retry && nanos < max; i++) {
            nanos = nanos > max / 2 ? max : nanos * 2;
        }
        return Duration.ofNanos(nanos);
    }
}
