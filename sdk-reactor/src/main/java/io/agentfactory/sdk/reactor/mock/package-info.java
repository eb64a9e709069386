/**
 * An in-memory coordinator for tests and demos:
 * {@link io.agentfactory.sdk.reactor.mock.MockCoordinatorClient}.
 */
@NullMarked
package io.agentfactory.sdk.reactor.mock;

import org.jspecify.annotations.NullMarked;
