/**
 * The coordinator client over HTTP: {@link io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient}
 * and its {@link io.agentfactory.sdk.reactor.coordinator.CoordinatorClientOptions}.
 */
@NullMarked
package io.agentfactory.sdk.reactor.coordinator;

import org.jspecify.annotations.NullMarked;
