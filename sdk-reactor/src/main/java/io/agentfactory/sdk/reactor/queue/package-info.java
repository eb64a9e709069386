/**
 * The queue admin on Redis ({@link io.agentfactory.sdk.reactor.queue.RedisQueueAdmin}), built on
 * Lettuce's reactive API. Needs {@code io.lettuce:lettuce-core} on the class path (an optional
 * dependency of this module).
 */
@NullMarked
package io.agentfactory.sdk.reactor.queue;

import org.jspecify.annotations.NullMarked;
