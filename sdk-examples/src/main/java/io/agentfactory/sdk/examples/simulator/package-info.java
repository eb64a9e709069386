/**
 * An embedded, deterministic simulator of both AgentFactory services — the coordinator REST API
 * and the worker daemon's control API — served over real HTTP on loopback, for the SDK's examples,
 * end-to-end tests, benchmarks and demo.
 *
 * <p>Start one with {@link io.agentfactory.sdk.examples.simulator.AgentFactorySimulator#builder()};
 * drive its time with {@code tick}, inject faults with
 * {@link io.agentfactory.sdk.examples.simulator.FaultKnobs} and
 * {@link io.agentfactory.sdk.examples.simulator.DaemonKnobs}, and read what clients asked for from
 * {@link io.agentfactory.sdk.examples.simulator.RequestCounters}, keyed by
 * {@link io.agentfactory.sdk.examples.simulator.SimulatedRoutes}; well-known ids of the simulated
 * world are in {@link io.agentfactory.sdk.examples.simulator.SimulatedIds}. Everything else in this
 * package is implementation, package-private on purpose.
 */
@NullMarked
package io.agentfactory.sdk.examples.simulator;

import org.jspecify.annotations.NullMarked;
