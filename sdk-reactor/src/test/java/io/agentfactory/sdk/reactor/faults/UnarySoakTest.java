package io.agentfactory.sdk.reactor.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.agentfactory.sdk.reactor.coordinator.CoordinatorClientOptions;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.testing.LeakGuardExtension;
import io.agentfactory.sdk.reactor.testing.PoolProbe;
import io.agentfactory.sdk.task.SubmitTaskRequest;
import io.agentfactory.sdk.reactor.testing.Fixtures;

/**
 * Unary calls at high concurrency over a bounded pool (CI size by default; see {@link Soak} for
 * the full-size command): {@code soak.calls} calls (a mix of an object GET, an array GET and a
 * POST), {@code soak.concurrency} at a time, over {@code soak.connections} pooled connections.
 * Every call succeeds; the pool never lends more than its size; afterwards nothing is acquired
 * or pending, no buffer leaked and the heap is back near where it started.
 */
class UnarySoakTest {

    private static final int CALLS = Soak.size("soak.calls", 10_000);
    private static final int CONCURRENCY = Soak.size("soak.concurrency", 256);
    private static final int CONNECTIONS = Soak.size("soak.connections", 64);
    private static final long HEAP_GROWTH_ALLOWED = 32L * 1024 * 1024;

    private static final String STATS = Fixtures.text("stats-response");
    private static final String MACHINES = Fixtures.text("machine-stats-array");
    private static final String SUBMITTED = Fixtures.text("submit-task-response");

    @Test
    void unaryCallsAtHighConcurrencyAllSucceedAndLeaveThePoolIdleAndTheHeapFlat() {
        try (Soak.Quiet quiet = Soak.quietSdkLogs();
             FaultServer server = FaultServer.startUnrecorded();
             PoolProbe pool = PoolProbe.create("unary-soak", CONNECTIONS, CONCURRENCY);
             ReactorCoordinatorClient client = ReactorCoordinatorClient.create(
                     CoordinatorClientOptions.builder(server.baseUrl())
                             .token(CoordinatorUnderFault.TOKEN)
                             .transport(TransportOptions.builder().connectionProvider(pool.provider()).build())
                             .build())) {
            server.answer(request -> switch (request.uri()) {
                case "/api/public/stats" -> Fault.json(STATS);
                case "/api/public/machines" -> Fault.json(MACHINES);
                default -> Fault.json(SUBMITTED);
            });
            run(client, Math.min(CALLS, 2_000));
            pool.awaitIdle(Duration.ofSeconds(10));
            LeakGuardExtension.flush();
            long heapBefore = Soak.usedHeapAfterGc();

            AtomicInteger maxAcquired = new AtomicInteger();
            AtomicInteger maxPending = new AtomicInteger();
            Disposable sampler = Flux.interval(Duration.ofMillis(5), Schedulers.single()).subscribe(tick -> {
                maxAcquired.accumulateAndGet(pool.acquired(), Math::max);
                maxPending.accumulateAndGet(pool.pending(), Math::max);
            });
            long start = System.nanoTime();
            long succeeded = run(client, CALLS);
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            sampler.dispose();

            pool.awaitIdle(Duration.ofSeconds(10));
            assertThat(LeakGuardExtension.flush()).as("leak reports").isEmpty();
            long heapAfter = Soak.usedHeapAfterGc();
            System.out.printf("SOAK unary: calls=%d concurrency=%d connections=%d wall=%d ms (%d calls/s) "
                    + "maxAcquired=%d maxPending=%d after=%s heapBefore=%d MB heapAfter=%d MB served=%d%n",
                    CALLS, CONCURRENCY, CONNECTIONS, wall.toMillis(), CALLS * 1000L / Math.max(1, wall.toMillis()),
                    maxAcquired.get(), maxPending.get(), pool, Soak.mb(heapBefore), Soak.mb(heapAfter),
                    server.requestCount());

            assertThat(succeeded).isEqualTo(CALLS);
            assertThat(maxAcquired.get()).as("connections lent at once").isLessThanOrEqualTo(CONNECTIONS);
            assertThat(pool.acquired()).isZero();
            assertThat(pool.pending()).isZero();
            assertThat(pool.allocated()).isLessThanOrEqualTo(CONNECTIONS);
            assertThat(heapAfter - heapBefore).as("heap growth").isLessThan(HEAP_GROWTH_ALLOWED);
        }
    }

    /** Runs {@code calls} calls, {@link #CONCURRENCY} at a time; returns how many succeeded. */
    private static long run(ReactorCoordinatorClient client, int calls) {
        LongAdder ok = new LongAdder();
        Flux.range(0, calls)
                .flatMap(i -> call(client, i).doOnSuccess(x -> ok.increment()), CONCURRENCY)
                .then()
                .block(Duration.ofSeconds(Math.max(60, calls / 500)));
        return ok.sum();
    }

    private static Mono<?> call(ReactorCoordinatorClient client, int i) {
        return switch (i % 3) {
            case 0 -> client.getStats();
            case 1 -> client.getMachineStats().collectList();
            default -> client.submitTask(SubmitTaskRequest.of("REN-" + i));
        };
    }
}
