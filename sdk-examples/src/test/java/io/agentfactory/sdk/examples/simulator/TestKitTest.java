package io.agentfactory.sdk.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.fleet.StatsResponse;
import io.agentfactory.sdk.reactor.coordinator.CoordinatorClientOptions;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;

/** The simulator as a user's test dependency, as the README's "Testing your code" shows it. */
class TestKitTest {

    @Test
    void theReadmeExampleRetriesPastOne503() {
        try (AgentFactorySimulator simulator = AgentFactorySimulator.start();
                ReactorCoordinatorClient coordinator = ReactorCoordinatorClient.create(
                        CoordinatorClientOptions.builder(simulator.coordinatorBaseUrl()).build())) {
            simulator.coordinatorFaults().unavailableNext(1, RetryAfter.none());

            StatsResponse stats = coordinator.getStats().block(Duration.ofSeconds(10));

            assertThat(stats).isNotNull();
            assertThat(simulator.coordinatorRequests().count("GET /api/public/stats")).isEqualTo(2);
        }
    }

    /** The published jar configures nobody's logging: its only logging config is the demo's, outside the jar. */
    @Test
    void theJarCarriesNoLoggingConfiguration() {
        ClassLoader loader = AgentFactorySimulator.class.getClassLoader();
        assertThat(loader.getResource("logback.xml")).isNull();
        assertThat(AgentFactorySimulator.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .endsWith("/sdk-examples/target/classes/");
    }
}
