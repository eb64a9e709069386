/**
 * The local worker daemon's control API over HTTP:
 * {@link io.agentfactory.sdk.reactor.daemon.ReactorDaemonClient} and its
 * {@link io.agentfactory.sdk.reactor.daemon.DaemonClientOptions}.
 */
@NullMarked
package io.agentfactory.sdk.reactor.daemon;

import org.jspecify.annotations.NullMarked;
