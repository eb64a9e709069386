package io.agentfactory.sdk.reactor.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.coordinator.CoordinatorClientOptions;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.reactor.testing.LeakGuardExtension;
import io.agentfactory.sdk.reactor.testing.PoolProbe;
import io.agentfactory.sdk.session.ActivityEvent;
import io.agentfactory.sdk.session.ActivityFollowRequest;
import io.agentfactory.sdk.session.FollowedActivity;

/**
 * {@code soak.streams} concurrent {@code followActivities} streams (500 by default) over
 * {@code soak.connections} pooled connections, each cancelled at a random point chosen from
 * {@code soak.seed}: after some events, or after some time — which lands while waiting for a
 * connection, for the headers of a page, in the middle of a page body (the server pauses and
 * trickles at random), or between pages. Every stream sees its events in order, none lost or
 * repeated; afterwards nothing is acquired or pending, no buffer leaked, the heap is back near
 * where it started.
 */
class ActivityStreamSoakTest {

    private static final int STREAMS = Soak.size("soak.streams", 500);
    private static final int CONNECTIONS = Soak.size("soak.connections", 64);
    private static final long SEED = Soak.seed(20260507L);
    private static final int EVENTS_PER_PAGE = 5;
    private static final long HEAP_GROWTH_ALLOWED = 32L * 1024 * 1024;

    private static final ActivityFeed FEED = ActivityFeed.endless(EVENTS_PER_PAGE);

    @Test
    void concurrentStreamsCancelledAtRandomPointsLeaveThePoolIdleAndTheHeapFlat() {
        try (Soak.Quiet quiet = Soak.quietSdkLogs();
             FaultServer server = FaultServer.startUnrecorded();
             PoolProbe pool = PoolProbe.create("stream-soak", CONNECTIONS, 2 * STREAMS);
             ReactorCoordinatorClient client = ReactorCoordinatorClient.create(
                     CoordinatorClientOptions.builder(server.baseUrl())
                             .token(CoordinatorUnderFault.TOKEN)
                             .transport(TransportOptions.builder().connectionProvider(pool.provider()).build())
                             .build())) {
            server.answer(request -> unevenly(request, new Random(SEED ^ request.sequence())));
            LeakGuardExtension.flush();
            long heapBefore = Soak.usedHeapAfterGc();
            Random plan = new Random(SEED);
            List<Mono<List<String>>> streams = IntStream.range(0, STREAMS)
                    .mapToObj(i -> cancelledAtRandom(client, plan))
                    .toList();
            LongAdder events = new LongAdder();
            AtomicInteger broken = new AtomicInteger();
            AtomicInteger beforeFirstPage = new AtomicInteger();

            long start = System.nanoTime();
            Flux.fromIterable(streams)
                    .flatMap(stream -> stream, STREAMS)
                    .doOnNext(ids -> {
                        events.add(ids.size());
                        if (ids.isEmpty()) {
                            beforeFirstPage.incrementAndGet();
                        }
                        if (!inOrderFromTheFirst(ids)) {
                            broken.incrementAndGet();
                        }
                    })
                    .then()
                    .block(Duration.ofMinutes(2));
            Duration wall = Duration.ofNanos(System.nanoTime() - start);

            pool.awaitIdle(Duration.ofSeconds(10));
            assertThat(LeakGuardExtension.flush()).as("leak reports").isEmpty();
            long heapAfter = Soak.usedHeapAfterGc();
            System.out.printf("SOAK streams: streams=%d connections=%d seed=%d wall=%d ms events=%d pages=%d "
                    + "cancelledBeforeFirstPage=%d connectionsOpened=%d after=%s heapBefore=%d MB heapAfter=%d MB%n",
                    STREAMS, CONNECTIONS, SEED, wall.toMillis(), events.sum(), server.requestCount(),
                    beforeFirstPage.get(), server.connectionCount(), pool, Soak.mb(heapBefore), Soak.mb(heapAfter));

            assertThat(broken.get()).as("streams with events lost, repeated or out of order").isZero();
            assertThat(events.sum()).as("events delivered").isPositive();
            // The random points did land where they should: before any page, and mid-exchange
            // (a cancelled exchange closes its connection, so more than the pool size were opened).
            assertThat(beforeFirstPage.get()).as("streams cancelled before their first page").isPositive();
            assertThat(server.connectionCount()).as("connections opened").isGreaterThan(CONNECTIONS);
            assertThat(pool.acquired()).isZero();
            assertThat(pool.pending()).isZero();
            assertThat(heapAfter - heapBefore).as("heap growth").isLessThan(HEAP_GROWTH_ALLOWED);
        }
    }

    /**
     * One stream, cancelled at a point drawn from {@code plan}: after 1 to 40 events, or after 0
     * to 300 ms whatever it is doing then. Emits the event ids it saw.
     */
    private static Mono<List<String>> cancelledAtRandom(ReactorCoordinatorClient client, Random plan) {
        Flux<String> ids = client.followActivities(ActivityFollowRequest.of(ActivityFeed.SESSION)
                        .withPollInterval(Duration.ofMillis(10)))
                .map(FollowedActivity::event)
                .map(ActivityEvent::id);
        Flux<String> cut = plan.nextBoolean()
                ? ids.take(1 + plan.nextInt(40))
                : ids.take(Duration.ofMillis(plan.nextInt(300)));
        return cut.collectList();
    }

    /** Answers a page well, but at a random pace: at once, after a pause, or trickled. */
    private static Fault unevenly(FaultServer.Request request, Random pace) {
        String page = FEED.page(ActivityFeed.pageAsked(request));
        return switch (pace.nextInt(4)) {
            case 0 -> Fault.pause(Duration.ofMillis(pace.nextInt(20))).then(Fault.json(page));
            case 1 -> Fault.trickled(page, 4, Duration.ofMillis(pace.nextInt(10)));
            default -> Fault.json(page);
        };
    }

    /** Whether {@code ids} are {@code e0, e1, e2, …} with nothing missing or repeated. */
    private static boolean inOrderFromTheFirst(List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            if (!ids.get(i).equals("e" + i)) {
                return false;
            }
        }
        return true;
    }
}
