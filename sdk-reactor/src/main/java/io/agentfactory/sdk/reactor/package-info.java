/**
 * The AgentFactory SDK on Project Reactor and Reactor Netty: shared transport options and the
 * retry policy. Clients live in {@code coordinator} and {@code daemon}.
 */
@NullMarked
package io.agentfactory.sdk.reactor;

import org.jspecify.annotations.NullMarked;
