/**
 * The queue admin: an operator's view of, and levers on, the Redis state the AgentFactory workers
 * share (the work queue, sessions, workers, per-repository merge queues). Start with
 * {@link io.agentfactory.sdk.queue.QueueAdmin}; {@link io.agentfactory.sdk.queue.KeyLayout} names
 * the keys and types it expects.
 */
@NullMarked
package io.agentfactory.sdk.queue;

import org.jspecify.annotations.NullMarked;
