package io.agentfactory.sdk.reactor.observation;

import java.time.Duration;

import io.agentfactory.sdk.fleet.StatsResponse;
import io.agentfactory.sdk.reactor.RequestOptions;
import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.coordinator.CoordinatorClientOptions;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.reactor.daemon.DaemonClientOptions;
import io.agentfactory.sdk.reactor.daemon.ReactorDaemonClient;

/**
 * Run in a JVM without Micrometer on the class path: proves Micrometer is absent, then makes real
 * calls with both clients (a plain one and a {@code withOptions} view) and prints what it got.
 */
public final class WithoutMicrometerMain {

    private WithoutMicrometerMain() {
    }

    public static void main(String[] args) {
        try {
            Class.forName("io.micrometer.observation.ObservationRegistry");
            System.out.println("MICROMETER-PRESENT");
            return;
        }
        catch (ClassNotFoundException expected) {
            System.out.println("MICROMETER-ABSENT");
        }
        TransportOptions transport = TransportOptions.builder().applicationId("no-micrometer/1").build();
        try (ReactorCoordinatorClient coordinator = ReactorCoordinatorClient.create(
                CoordinatorClientOptions.builder(args[0]).transport(transport).build());
                ReactorDaemonClient daemon = ReactorDaemonClient.create(
                        DaemonClientOptions.builder().baseUrl(args[0]).transport(transport).build())) {
            StatsResponse stats = coordinator.withOptions(RequestOptions.builder().deadline(Duration.ofSeconds(20))
                    .build()).getStats().block(Duration.ofSeconds(30));
            System.out.println("COORDINATOR " + (stats != null));
            System.out.println("DAEMON " + daemon.streamDiff("ar-1", "ar-2").count().block(Duration.ofSeconds(30)));
        }
    }
}
