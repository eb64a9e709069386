package io.agentfactory.sdk.examples.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh simulator for every test, with plain HTTP clients for both services, so that state one
 * test changes (a paused daemon, a stopped session) never reaches another.
 */
abstract class FreshSimulatorPerTest {

    AgentFactorySimulator sim;
    Http coordinator;
    Http daemon;

    /** How each test's simulator is configured: the defaults unless a test class says otherwise. */
    AgentFactorySimulator.Builder simulator() {
        return AgentFactorySimulator.builder();
    }

    @BeforeEach
    final void startSimulator() {
        sim = simulator().start();
        coordinator = new Http(sim.coordinatorBaseUrl());
        daemon = new Http(sim.daemonBaseUrl());
    }

    @AfterEach
    final void closeSimulator() {
        sim.close();
    }
}
