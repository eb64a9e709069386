/**
 * In-memory clients for users' unit tests and demos, no HTTP:
 * {@link io.agentfactory.sdk.reactor.mock.MockCoordinatorClient} and
 * {@link io.agentfactory.sdk.reactor.mock.MockDaemonClient}. Each operation's answer can be
 * replaced, failed with a typed error or delayed ({@link io.agentfactory.sdk.reactor.mock.MockRoute}),
 * and every call is recorded ({@link io.agentfactory.sdk.reactor.mock.MockCall}).
 */
@NullMarked
package io.agentfactory.sdk.reactor.mock;

import org.jspecify.annotations.NullMarked;
