/**
 * The AgentFactory SDK API: interfaces and immutable values only.
 *
 * <p>Start with {@link io.agentfactory.sdk.coordinator.CoordinatorClient} (the hosted platform)
 * and {@link io.agentfactory.sdk.daemon.DaemonClient} (the local worker daemon). Values are
 * records; collections in them are unmodifiable and never {@code null}; an absent optional value
 * is {@code null} only where a component is marked {@code @Nullable}. String enumerations of the
 * wire keep unknown values ({@link io.agentfactory.sdk.ExtensibleEnum}).
 */
@NullMarked
package io.agentfactory.sdk;

import org.jspecify.annotations.NullMarked;
