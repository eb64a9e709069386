package io.agentfactory.sdk.reactor.testing;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Virtual time for code whose I/O is real: a {@link VirtualTimeScheduler} that also reports each
 * delayed task it is given ({@code Mono.delay}, {@code delayElements}, …). A test against a real
 * server cannot know when an answer has arrived and the next delay been scheduled; with this it
 * waits for that signal ({@link #nextDelay(Duration)}), checks the delay, then advances virtual
 * time past it.
 *
 * <pre>{@code
 * DelayRecordingScheduler time = DelayRecordingScheduler.create();
 * StepVerifier.withVirtualTime(() -> client.getStats(), () -> time, Long.MAX_VALUE)
 *         .then(() -> assertThat(time.nextDelay(Duration.ofSeconds(5))).isEqualTo(...))
 *         .then(time::advancePastDelays)
 *         ...
 * }</pre>
 */
public final class DelayRecordingScheduler extends VirtualTimeScheduler {

    private final BlockingQueue<Duration> delays = new LinkedBlockingQueue<>();

    private DelayRecordingScheduler() {
        super(false);
    }

    /** A new scheduler, to pass to {@code StepVerifier.withVirtualTime}. */
    public static DelayRecordingScheduler create() {
        return new DelayRecordingScheduler();
    }

    @Override
    public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
        Disposable scheduled = super.schedule(task, delay, unit);
        delays.add(Duration.ofNanos(unit.toNanos(delay)));
        return scheduled;
    }

    /**
     * Waits (in real time, at most {@code timeout}) for the next delayed task to be scheduled and
     * returns its delay.
     *
     * @throws AssertionError when none is scheduled in time
     */
    public Duration nextDelay(Duration timeout) {
        try {
            Duration next = delays.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("no delay was scheduled within " + timeout);
            }
            return next;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The delays scheduled and not yet taken by {@link #nextDelay(Duration)}. */
    public int pendingDelayReports() {
        return delays.size();
    }
}
