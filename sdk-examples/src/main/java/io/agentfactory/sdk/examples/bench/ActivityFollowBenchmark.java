package io.agentfactory.sdk.examples.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.examples.simulator.AgentFactorySimulator;
import io.agentfactory.sdk.examples.simulator.PublishedActivity;
import io.agentfactory.sdk.examples.simulator.SimulatedRoutes;
import io.agentfactory.sdk.reactor.coordinator.CoordinatorClientOptions;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.session.ActivityFollowRequest;
import io.agentfactory.sdk.session.ActivityType;
import io.agentfactory.sdk.session.SessionResponse;

/**
 * {@code followActivities} against the simulator, in real time:
 * <ul>
 * <li><b>latency</b>: every open session of one simulator is followed while activities are
 *     published on them at random moments (exponential gaps); each event's latency runs from the
 *     simulator's publication ({@link PublishedActivity#publishedNanos()}) to the subscriber's
 *     {@code onNext};</li>
 * <li><b>idle cost</b>: at the same time, every open session of a second simulator, where nothing
 *     happens, is followed too, and its requests counted.</li>
 * </ul>
 * With polling, latency is set by the poll interval: an event waits for the next poll, so expect a
 * median near half the interval and a 99th percentile near the whole of it.
 */
final class ActivityFollowBenchmark {

    /** The name of this benchmark in the report. */
    static final String NAME = "activity follow";

    private ActivityFollowBenchmark() {
    }

    /**
     * Follows for {@code window} while publishing every {@code meanGap} on average; blocks for
     * about {@code window} plus two poll intervals.
     *
     * @throws IllegalStateException when a published event never arrives
     */
    static Result run(Duration pollInterval, Duration window, Duration meanGap, long seed) {
        try (AgentFactorySimulator busy = AgentFactorySimulator.builder().seed(seed).start();
                AgentFactorySimulator idle = AgentFactorySimulator.builder().seed(seed).start();
                ReactorCoordinatorClient busyClient = client(busy);
                ReactorCoordinatorClient idleClient = client(idle)) {
            List<String> busySessions = openSessions(busy);
            List<String> idleSessions = openSessions(idle);
            Map<String, Long> received = new ConcurrentHashMap<>();
            Disposable.Composite following = Disposables.composite();
            for (String session : busySessions) {
                following.add(busyClient.followActivities(ActivityFollowRequest.of(session).withPollInterval(pollInterval))
                        .subscribe(a -> received.putIfAbsent(a.event().id(), System.nanoTime())));
            }
            for (String session : idleSessions) {
                following.add(idleClient.followActivities(ActivityFollowRequest.of(session).withPollInterval(pollInterval))
                        .subscribe());
            }
            try {
                // Let the followers read each session's history and settle into polling.
                pause(pollInterval.multipliedBy(2));
                idle.coordinatorRequests().reset();
                busy.coordinatorRequests().reset();
                long start = System.nanoTime();
                List<PublishedActivity> published = publish(busy, busySessions, window, meanGap, seed);
                long idleRequests = idle.coordinatorRequests().count(SimulatedRoutes.ACTIVITIES);
                double minutes = (System.nanoTime() - start) / 60e9;
                // The last events wait for at most one poll interval (plus the request).
                pause(pollInterval.multipliedBy(2));
                long busyRequests = busy.coordinatorRequests().count(SimulatedRoutes.ACTIVITIES);
                return Result.of(pollInterval, published, received, idleRequests / minutes / idleSessions.size(),
                        busyRequests, busySessions.size(), idleSessions.size());
            }
            finally {
                following.dispose();
            }
        }
    }

    private static ReactorCoordinatorClient client(AgentFactorySimulator sim) {
        return ReactorCoordinatorClient.create(CoordinatorClientOptions.builder(sim.coordinatorBaseUrl()).build());
    }

    private static List<String> openSessions(AgentFactorySimulator sim) {
        List<String> open = sim.sessions().stream().filter(s -> !s.status().isTerminal()).map(SessionResponse::id).toList();
        if (open.isEmpty()) {
            throw new IllegalStateException("the simulator has no open session to follow");
        }
        return open;
    }

    /** Publishes at random moments on random sessions for {@code window}; blocks until then. */
    private static List<PublishedActivity> publish(AgentFactorySimulator sim, List<String> sessions, Duration window,
            Duration meanGap, long seed) {
        Random random = new Random(seed);
        long end = System.nanoTime() + window.toNanos();
        List<PublishedActivity> published = new ArrayList<>();
        Flux.<Duration>generate(sink -> sink.next(Duration.ofNanos((long) (-Math.log(1 - random.nextDouble())
                        * meanGap.toNanos()))))
                .concatMap(gap -> Mono.delay(gap).thenReturn(gap), 0)
                .takeWhile(gap -> System.nanoTime() < end)
                .doOnNext(gap -> published.add(sim.publishActivity(sessions.get(random.nextInt(sessions.size())),
                        ActivityType.PROGRESS, "benchmark event " + published.size())))
                .blockLast(window.plusMinutes(1));
        return published;
    }

    /** Waits real time on Reactor's timer. */
    private static void pause(Duration duration) {
        Mono.delay(duration).block(duration.plusSeconds(30));
    }

    /**
     * Latency and cost of following.
     *
     * @param pollInterval the followers' poll interval
     * @param latenciesNanos every published event's latency, ascending
     * @param idleRequestsPerMinute requests per minute per idle followed session
     * @param busyRequests requests for the followed busy sessions during the window
     * @param busySessions sessions followed while events were published
     * @param idleSessions sessions followed where nothing happened
     */
    record Result(Duration pollInterval, long[] latenciesNanos, double idleRequestsPerMinute, long busyRequests,
            int busySessions, int idleSessions) {

        static Result of(Duration pollInterval, List<PublishedActivity> published, Map<String, Long> received,
                double idleRequestsPerMinute, long busyRequests, int busySessions, int idleSessions) {
            if (published.isEmpty()) {
                throw new IllegalStateException("nothing was published: the window is too short");
            }
            long[] latencies = new long[published.size()];
            for (int i = 0; i < latencies.length; i++) {
                Long arrived = received.get(published.get(i).eventId());
                if (arrived == null) {
                    throw new IllegalStateException("event " + published.get(i).eventId() + " was never received");
                }
                latencies[i] = arrived - published.get(i).publishedNanos();
            }
            return new Result(pollInterval, Spread.sorted(latencies), idleRequestsPerMinute, busyRequests,
                    busySessions, idleSessions);
        }

        double percentileMillis(double percentile) {
            return Spread.percentile(latenciesNanos, percentile) / 1e6;
        }

        /** Every metric, for the CSV. */
        List<Measurement> measurements() {
            String variant = "SDK (poll interval " + pollInterval.toMillis() + " ms)";
            Spread latency = new Spread(latenciesNanos.length, latenciesNanos[0] / 1e6, percentileMillis(50),
                    latenciesNanos[latenciesNanos.length - 1] / 1e6);
            return List.of(
                    new Measurement(NAME, variant, "latency (min/p50/max)", "ms", latency),
                    new Measurement(NAME, variant, "latency p99", "ms", Spread.single(percentileMillis(99))),
                    new Measurement(NAME, variant, "idle requests", "req/min/session", Spread.single(idleRequestsPerMinute)));
        }
    }
}
