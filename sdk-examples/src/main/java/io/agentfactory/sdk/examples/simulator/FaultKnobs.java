package io.agentfactory.sdk.examples.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * Faults one simulated service injects, changeable at any time from any thread. Each setter
 * returns this object so that knobs chain; {@link #reset()} turns everything off.
 *
 * <p>Order of application to a request: {@linkplain #latency(Duration) latency} first (every
 * answer is delayed, faults too), then {@linkplain #rateLimitNext(int, RetryAfter) rate limiting},
 * {@linkplain #unavailableNext(int, RetryAfter) unavailability} and the seeded
 * {@linkplain #errorRate(double) error rate}. The stream knobs apply to NDJSON diff streams only.
 */
public final class FaultKnobs {

    private static final int OFF = -1;

    private final long seed;
    private final AtomicReference<Countdown> rateLimited = new AtomicReference<>(Countdown.NONE);
    private final AtomicReference<Countdown> unavailable = new AtomicReference<>(Countdown.NONE);
    private volatile Duration latency = Duration.ZERO;
    private volatile double errorRate;
    private volatile int cutStreamAfter = OFF;
    private volatile int failStreamAfter = OFF;
    private volatile String failStreamMessage = "";
    private volatile boolean closeConnections;
    private SplittableRandom random;

    FaultKnobs(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** Delays every answer by {@code delay} (on a timer: no thread is blocked). */
    public FaultKnobs latency(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + delay);
        }
        this.latency = delay;
        return this;
    }

    /**
     * Answers this fraction of requests (0 to 1) with 500 {@code {"error":"simulated internal
     * error"}}, drawn from a random sequence seeded by the simulator's seed: the same requests in
     * the same order fail the same way on every run.
     */
    public synchronized FaultKnobs errorRate(double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException("error rate must be within [0, 1]: " + rate);
        }
        this.errorRate = rate;
        this.random = new SplittableRandom(seed);
        return this;
    }

    /** Answers the next {@code count} requests with 429 {@code {"error":"rate limited"}} and this {@code Retry-After}. */
    public FaultKnobs rateLimitNext(int count, RetryAfter retryAfter) {
        rateLimited.set(Countdown.of(count, retryAfter));
        return this;
    }

    /** Answers the next {@code count} requests with 503 {@code {"error":"service unavailable"}} and this {@code Retry-After}. */
    public FaultKnobs unavailableNext(int count, RetryAfter retryAfter) {
        unavailable.set(Countdown.of(count, retryAfter));
        return this;
    }

    /**
     * Closes the connection of every NDJSON stream right after its first {@code entries} entry
     * lines (or before the summary of a shorter stream): no summary line, no end of the chunked
     * body. Takes precedence over {@link #failStreamAfter}. {@code -1} turns it off.
     */
    public FaultKnobs cutStreamAfter(int entries) {
        this.cutStreamAfter = checkEntries(entries);
        return this;
    }

    /**
     * Ends every NDJSON stream after its first {@code entries} entry lines (or in place of the
     * summary of a shorter stream) with the line {@code {"error":"<message>"}}, as a daemon failing
     * mid-stream does; the body itself ends cleanly. {@code -1} turns it off.
     */
    public FaultKnobs failStreamAfter(int entries, String message) {
        this.failStreamMessage = Objects.requireNonNull(message, "message");
        this.failStreamAfter = checkEntries(entries);
        return this;
    }

    /** Answers with {@code Connection: close} and closes each connection after its response. */
    public FaultKnobs closeConnectionAfterEachResponse(boolean close) {
        this.closeConnections = close;
        return this;
    }

    /** Turns every fault off (and restarts the error-rate sequence). */
    public synchronized FaultKnobs reset() {
        latency = Duration.ZERO;
        errorRate = 0.0;
        random = new SplittableRandom(seed);
        rateLimited.set(Countdown.NONE);
        unavailable.set(Countdown.NONE);
        cutStreamAfter = OFF;
        failStreamAfter = OFF;
        failStreamMessage = "";
        closeConnections = false;
        return this;
    }

    Duration latency() {
        return latency;
    }

    /** The {@code Retry-After} of a rate-limited answer when this request is one, else {@code null}. */
    @Nullable RetryAfter takeRateLimited() {
        return take(rateLimited);
    }

    /** The {@code Retry-After} of an unavailable answer when this request is one, else {@code null}. */
    @Nullable RetryAfter takeUnavailable() {
        return take(unavailable);
    }

    synchronized boolean drawInternalError() {
        return errorRate > 0.0 && random.nextDouble() < errorRate;
    }

    int cutStreamAfter() {
        return cutStreamAfter;
    }

    int failStreamAfter() {
        return failStreamAfter;
    }

    String failStreamMessage() {
        return failStreamMessage;
    }

    boolean closeConnections() {
        return closeConnections;
    }

    private static @Nullable RetryAfter take(AtomicReference<Countdown> countdown) {
        while (true) {
            Countdown current = countdown.get();
            if (current.remaining() <= 0) {
                return null;
            }
            if (countdown.compareAndSet(current, new Countdown(current.remaining() - 1, current.retryAfter()))) {
                return current.retryAfter();
            }
        }
    }

    private static int checkEntries(int entries) {
        if (entries < OFF) {
            throw new IllegalArgumentException("entries must be >= 0, or -1 for off: " + entries);
        }
        return entries;
    }

    private record Countdown(int remaining, RetryAfter retryAfter) {

        static final Countdown NONE = new Countdown(0, RetryAfter.none());

        static Countdown of(int count, RetryAfter retryAfter) {
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative: " + count);
            }
            return new Countdown(count, Objects.requireNonNull(retryAfter, "retryAfter"));
        }
    }
}
