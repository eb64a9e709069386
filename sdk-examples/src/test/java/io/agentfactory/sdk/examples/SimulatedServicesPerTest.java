package io.agentfactory.sdk.examples;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.agentfactory.sdk.examples.simulator.AgentFactorySimulator;

/**
 * Fresh services for every test, exactly as an example's {@code main} gets them without flags: a
 * simulator, clients for both services and a daemon.yaml in a temporary directory. State one test
 * changes (a paused daemon, an installed kit, an edited file) never reaches another.
 */
abstract class SimulatedServicesPerTest {

    ExampleServices services;
    AgentFactorySimulator sim;
    final Output out = new Output();

    /** How each test's simulator is configured: the defaults unless a test class says otherwise. */
    AgentFactorySimulator.Builder simulator() {
        return AgentFactorySimulator.builder();
    }

    @BeforeEach
    final void startServices() {
        services = ExampleServices.simulated(simulator(), ExampleArguments.none(), null);
        sim = services.simulator().orElseThrow();
    }

    @AfterEach
    final void closeServices() {
        services.close();
    }
}
